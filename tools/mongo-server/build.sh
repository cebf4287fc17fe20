#!/usr/bin/env bash
# Builds the mongo-java-server launcher unless the jar is newer than its sources.
# The one place that knows the build: scripts/mongo-server.mjs and src/db/mongo-java-server.ts call it.
# Usage: build.sh [OUT_DIR]   (default: <project root>/.tools/mongo-server). Prints only to stderr.
# Exit codes: 0 built or fresh, 3 'mvn' or 'java' missing, other: the build failed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$(cd "$here/../.." && pwd)/.tools/mongo-server}"
jar="$out/mongo-server.jar"

stale=0
[[ -f "$jar" ]] || stale=1
for src in "$here/pom.xml" $(find "$here/src" -type f); do
  [[ "$src" -nt "$jar" ]] && stale=1
done
[[ $stale == 0 ]] && exit 0

for tool in mvn java; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "mongo-server build error: '$tool' is not on PATH (install OpenJDK 17 and Maven, or set MONGODB_URI)" >&2
    exit 3
  fi
done

echo "mongo-server build: building $jar (the first build fetches mongo-java-server from Maven Central)" >&2
start=$SECONDS
# Build in a private copy and swap the result in whole, so concurrent builders never run a half-written jar.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$here/pom.xml" "$here/src" "$work/"
mvn -q -B -Dstyle.color=never -f "$work/pom.xml" package >&2
mkdir -p "$(dirname "$out")"
staged="$out.tmp.$$"
rm -rf "$staged"
mkdir -p "$staged"
cp "$work/target/mongo-server.jar" "$staged/"
cp -r "$work/target/lib" "$staged/lib"
rm -rf "$out"
mv "$staged" "$out"
echo "mongo-server build: done in $((SECONDS - start)) s" >&2
