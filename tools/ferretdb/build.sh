#!/usr/bin/env bash
# Builds the embedded FerretDB helper unless the binary is newer than its sources.
# The one place that knows the build flags: scripts/ferretdb.mjs and src/db/ferretdb.ts both call it.
# Usage: build.sh [OUT]   (default OUT: <project root>/.tools/ferretdb/ferretdb). Prints only to stderr.
# Exit codes: 0 built or fresh, 3 'go' missing, other: the build failed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$(cd "$here/../.." && pwd)/.tools/ferretdb/ferretdb}"

stale=0
[[ -x "$out" ]] || stale=1
for src in main.go go.mod go.sum; do
  [[ "$here/$src" -nt "$out" ]] && stale=1
done
[[ $stale == 0 ]] && exit 0

if ! command -v go >/dev/null 2>&1; then
  echo "ferretdb build error: 'go' is not on PATH (install Go >= 1.24, or set MONGODB_URI)" >&2
  exit 3
fi

mkdir -p "$(dirname "$out")"
# Build to a private name and rename, so concurrent builders never run a half-written binary.
tmp="$out.tmp.$$"
trap 'rm -f "$tmp"' EXIT
echo "ferretdb build: building $out (the first build compiles SQLite and takes a few minutes)" >&2
start=$SECONDS
cd "$here"
# Offline machines: no toolchain download; go.sum may need filling from the module proxy.
GOTOOLCHAIN=local GOFLAGS=-mod=mod go build -ldflags=-checklinkname=0 -o "$tmp" . >&2
mv -f "$tmp" "$out"
echo "ferretdb build: done in $((SECONDS - start))s" >&2
