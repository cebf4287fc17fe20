#!/usr/bin/env bash
# Reproduces the production image without a Docker engine: the run stage's layout built the way the
# Dockerfile builds it (npm ci --omit=dev, dist/ copied in, config/holidays, a files/ folder owned by
# the app user, everything else root-owned), then the image's commands run as its unprivileged user
# (uid 1000, like `node` in the image) against a MongoDB-protocol server:
#   node dist/src/main.js, the HEALTHCHECK command, node dist/scripts/roster-import.js and export.js.
# Checks: no dev dependency in node_modules, /healthz version, start-up warnings, /metrics on
# loopback, files written only into files/, SIGTERM stops cleanly. Needs root (setpriv) and Java.
# Usage: bash scripts/image-check.sh   (about a minute: npm ci and a build)   Exit 0 = all good.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
uid=1000

fail() { echo "image-check: FAIL: $*" >&2; exit 1; }
step() { echo "==> $*"; }
[[ "$(id -u)" == 0 ]] || fail "run as root (the app part runs as uid $uid through setpriv)"

work="$(mktemp -d)"
chmod 755 "$work"
db_pid=""
app_pid=""
cleanup() {
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null || true
  [[ -n "$db_pid" ]] && kill "$db_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

step "build stage: npm run build (dist/)"
npm run build >/dev/null

app="$work/app"
mkdir -p "$app"
step "run stage: npm ci --omit=dev in $app"
cp package.json package-lock.json "$app/"
[[ -f .npmrc ]] && cp .npmrc "$app/"
(cd "$app" && npm ci --omit=dev --no-audit --no-fund --loglevel=error >/dev/null && rm -f .npmrc)
cp -r dist "$app/dist"
mkdir -p "$app/config"
cp -r config/holidays "$app/config/holidays"
mkdir -p "$app/files"
chown "$uid:$uid" "$app/files"
mkdir -p "$work/home" && chown "$uid:$uid" "$work/home"

for dev in mongodb-memory-server typescript jest ts-jest eslint; do
  [[ ! -e "$app/node_modules/$dev" ]] || fail "dev dependency $dev is in the production node_modules"
done
echo "no dev dependencies in node_modules"

step "database: mongo-java-server (stands in for the compose file's mongo service)"
node scripts/mongo-server.mjs >"$work/uri" 2>"$work/db.log" &
db_pid=$!
for _ in $(seq 1 600); do
  [[ "$(wc -l <"$work/uri")" -ge 1 ]] && break
  kill -0 "$db_pid" 2>/dev/null || fail "mongo-server exited: $(tail -n 5 "$work/db.log")"
  sleep 0.5
done
base_uri="$(head -n 1 "$work/uri")"
[[ "$base_uri" == mongodb://* ]] || fail "no database URI"
uri="${base_uri%/}/deputies_image_check"

port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
touch "$work/marker"
# The image's environment (Dockerfile ENV + compose) as the unprivileged user, from WORKDIR /app.
as_user=(setpriv --reuid="$uid" --regid="$uid" --clear-groups
  env -i PATH="$PATH" HOME="$work/home" NODE_ENV=production PORT="$port" FILES_DIR="$app/files"
  HOLIDAYS_DIR="$app/config/holidays" MONGODB_URI="$uri" WECOM_TOKEN=imagechecktoken
  WECOM_ENCODING_AES_KEY=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG OFFICE_USERIDS=office1 LOG_LEVEL=info)
as_app() { (cd "$app" && exec "${as_user[@]}" "$@"); }

step "roster import as uid $uid: node dist/scripts/roster-import.js files/roster.csv --apply"
printf '姓名,企业微信账号\n张三,zhangsan\n李四,lisi\n' >"$app/files/roster.csv"
chown "$uid:$uid" "$app/files/roster.csv"
as_app node dist/scripts/roster-import.js files/roster.csv --apply >"$work/import.out" 2>&1 || fail "roster import: $(cat "$work/import.out")"
grep -q '张三' "$work/import.out" || fail "roster import printed no report: $(cat "$work/import.out")"

step "export as uid $uid: node dist/scripts/export.js register --year <this year> (default folder)"
year="$(date +%Y)"
as_app node dist/scripts/export.js register --year "$year" >"$work/export.out" 2>&1 || fail "export: $(cat "$work/export.out")"
[[ -s "$app/files/代表履职登记册-$year.xlsx" ]] || fail "export did not land in files/: $(cat "$work/export.out")"

step "without MONGODB_URI outside production: one clear line, no crash on the missing dev dependency"
set +e
(cd "$app" && setpriv --reuid="$uid" --regid="$uid" --clear-groups env -i PATH="$PATH" HOME="$work/home" PORT="$port" \
  DATA_DIR="$app/files/data" timeout 60 node dist/src/main.js) >"$work/nodb.log" 2>&1
nodb=$?
set -e
[[ "$nodb" != 0 && "$nodb" != 124 ]] || fail "expected a refusal to start, got exit $nodb"
grep -q 'mongodb-memory-server is not installed' "$work/nodb.log" || fail "no line about the missing mongodb-memory-server: $(tail -n 5 "$work/nodb.log")"
grep -q 'MONGODB_URI' "$work/nodb.log" || fail "the refusal does not name MONGODB_URI"
rm -rf "$app/files/data"

step "start as uid $uid: node dist/src/main.js"
# exec all the way down, so $! is node itself and receives the SIGTERM the container would.
(cd "$app" && exec "${as_user[@]}" node dist/src/main.js >"$work/app.log" 2>&1) &
app_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/healthz" >"$work/health" 2>/dev/null && break
  kill -0 "$app_pid" 2>/dev/null || fail "the app exited: $(tail -n 20 "$work/app.log")"
  sleep 0.5
done
version="$(node -p "require('./package.json').version")"
grep -q "\"version\":\"$version\"" "$work/health" || fail "/healthz does not report $version: $(cat "$work/health")"
echo "/healthz: $(cat "$work/health")"

step "HEALTHCHECK command from the Dockerfile"
check="$(grep -o "fetch('http://127.0.0.1:'.*process.exit(1))" Dockerfile)"
as_app node -e "$check" || fail "HEALTHCHECK command failed"

step "/metrics from loopback"
# Read whole first: under pipefail, `curl | grep -q` fails when grep stops reading before curl is done.
metrics="$(curl -fsS "http://127.0.0.1:$port/metrics")"
grep -q '^deputy_bot_db_up 1' <<<"$metrics" || fail "/metrics has no db_up 1"

step "start-up warnings"
grep -q '"check":"push"' "$work/app.log" || fail "no warning about pushing to the group (no webhook key, no long connection)"
if grep -q '"check":"office"' "$work/app.log"; then fail "office warning although OFFICE_USERIDS is set"; fi

step "SIGTERM"
kill -TERM "$app_pid"
wait "$app_pid" || fail "the app did not exit 0 on SIGTERM: $(tail -n 5 "$work/app.log")"
app_pid=""
grep -q '"msg":"stopped"' "$work/app.log" || fail "no 'stopped' line"

step "writes only into files/"
stray="$(find "$app" -newer "$work/marker" -not -path "$app/files*" -not -type d | head -n 5)"
[[ -z "$stray" ]] || fail "written outside files/: $stray"
if grep -q 'EACCES' "$work/app.log" "$work/import.out" "$work/export.out"; then fail "a permission error was logged"; fi

echo "image-check: OK (production layout, uid $uid, files only in files/)"
