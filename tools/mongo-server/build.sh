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

echo "mongo-server build: building the embedded database (mongo-java-server; the first build fetches it from Maven Central, about a minute)" >&2
start=$SECONDS
# Build in a private copy and swap the result in whole, so concurrent builders never run a half-written jar.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$here/pom.xml" "$here/src" "$work/"
log="$work/maven.log"

# Maven's own output goes to $log; a person sees one progress line every few seconds instead of
# silence (what was fetched so far, and the step Maven is on), and on failure the lines that say why.
# MONGO_SERVER_PROGRESS_EVERY: seconds between progress lines (tests use 0: one per line Maven prints).
report_progress() {
  local every="${MONGO_SERVER_PROGRESS_EVERY:-5}" fetched=0 step="resolving dependencies" last=$SECONDS line partial=""
  while :; do
    if IFS= read -r -t 5 line; then
      line="$partial$line"
      partial=""
      printf '%s\n' "$line" >>"$log"
      case "$line" in
        *"Downloaded from "*)
          fetched=$((fetched + 1))
          step="fetching $(sed -E 's#.*/([^/ ]+) \(.*#\1#' <<<"$line")"
          ;;
        "[INFO] --- "*) step="$(sed -E 's/^\[INFO\] --- ([^ ]+).*/\1/' <<<"$line")" ;;
      esac
    else
      (($? > 128)) || break # end of output (a timeout returns > 128 and keeps any half line)
      partial+="$line"
    fi
    if ((SECONDS - last >= every)); then
      echo "mongo-server build: $((SECONDS - start)) s, $fetched files fetched from Maven Central, now: $step" >&2
      last=$SECONDS
    fi
  done
}

: >"$log"
set +e
mvn -B -Dstyle.color=never -f "$work/pom.xml" package 2>&1 | report_progress
status=${PIPESTATUS[0]}
set -e
if ((status != 0)); then
  mkdir -p "$(dirname "$out")"
  cp "$log" "$out.build.log"
  echo "mongo-server build error: Maven failed (exit $status) after $((SECONDS - start)) s; full log: $out.build.log" >&2
  grep -E '^\[ERROR\]' "$log" | grep -v -E '^\[ERROR\] *(-> \[Help|Re-run Maven|To see the full|For more information|$)' | head -n 12 >&2 || true
  if grep -qiE 'Could not (transfer|resolve)|UnknownHost|Connection (refused|timed out|reset)|Network is unreachable' "$log"; then
    echo "mongo-server build error: Maven could not fetch from Maven Central (check the network, a proxy, or a mirror in ~/.m2/settings.xml); or set MONGODB_URI" >&2
  fi
  exit "$status"
fi
mkdir -p "$(dirname "$out")"
staged="$out.tmp.$$"
rm -rf "$staged"
mkdir -p "$staged"
cp "$work/target/mongo-server.jar" "$staged/"
cp -r "$work/target/lib" "$staged/lib"
rm -rf "$out"
mv "$staged" "$out"
echo "mongo-server build: done in $((SECONDS - start)) s" >&2
