#!/usr/bin/env bash
# The Dockerfile's steps without a Docker engine: the same cargo build (same command and flags),
# then the binary started the way the image starts it (the image's NIPWORKER_* environment, but
# on loopback, a free port and a temporary data directory, with an unreachable loopback relay so
# nothing leaves the machine), the HEALTHCHECK's command against it, and SIGTERM, which must end
# it with exit code 0 and the SQLite file checkpointed. It first checks that the commands it runs
# are the ones the Dockerfile has.
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/nipworker/target}"

build=(cargo build --release --locked -p nipworker-server)
health=(curl -fsS --max-time 4 -o /dev/null)

fail() {
  echo "docker-build-check: $*" >&2
  exit 1
}

# Code lines of the Dockerfile (comments out), where its settings are read from.
code=$(grep -v '^[[:space:]]*#' Dockerfile)
grep -qF "${build[*]}" <<<"$code" || fail "the Dockerfile does not build with: ${build[*]}"
image_listen=$(grep -o 'NIPWORKER_LISTEN=[^[:space:]\\]*' <<<"$code" | cut -d= -f2-)
image_db=$(grep -o 'NIPWORKER_DATABASE=[^[:space:]\\]*' <<<"$code" | cut -d= -f2-)
if [ -z "$image_listen" ] || [ -z "$image_db" ]; then
  fail "the Dockerfile sets no NIPWORKER_LISTEN or NIPWORKER_DATABASE"
fi
health_path=/health
health_exec=$(printf '"%s", ' "${health[@]}")
grep -qF "CMD [${health_exec}\"http://127.0.0.1:${image_listen##*:}${health_path}\"]" <<<"$code" ||
  fail "the Dockerfile's HEALTHCHECK is not: ${health[*]} http://127.0.0.1:${image_listen##*:}${health_path}"

echo "==> ${build[*]}"
"${build[@]}"
binary="$CARGO_TARGET_DIR/release/nipworker-server"
[ -x "$binary" ] || fail "no binary at $binary"

tmp=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# The image's environment, every NIPWORKER_* it sets, then the loopback overrides.
while IFS='=' read -r key value; do
  export "$key=$value"
done < <(grep -o 'NIPWORKER_[A-Z_]*=[^[:space:]\\]*' <<<"$code")
data="$tmp/data"
mkdir -p "$data"
export NIPWORKER_LISTEN=127.0.0.1:0
NIPWORKER_DATABASE="$data/${image_db##*/}"
export NIPWORKER_DATABASE
export NIPWORKER_RELAYS=ws://127.0.0.1:1

echo "==> start (image: listen $image_listen, database $image_db; here: $NIPWORKER_LISTEN, $NIPWORKER_DATABASE)"
(cd "$data" && exec "$binary") >"$tmp/stdout" 2>"$tmp/stderr" &
pid=$!
addr=
for _ in $(seq 1 300); do
  addr=$(sed -n 's|^listening on http://||p' "$tmp/stdout" | head -n1)
  [ -n "$addr" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$addr" ]; then
  cat "$tmp/stderr" >&2
  fail "the server did not start listening within 30 s"
fi

echo "==> HEALTHCHECK: ${health[*]} http://$addr$health_path"
healthy=
for _ in 1 2 3; do
  if "${health[@]}" "http://$addr$health_path"; then
    healthy=yes
    break
  fi
  sleep 1
done
[ -n "$healthy" ] || fail "the health check failed 3 times"

echo "==> SIGTERM"
kill -TERM "$pid"
for _ in $(seq 1 150); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
kill -0 "$pid" 2>/dev/null && fail "still running 15 s after SIGTERM"
status=0
wait "$pid" || status=$?
pid=
[ "$status" -eq 0 ] || {
  cat "$tmp/stderr" >&2
  fail "exit code $status after SIGTERM, not 0"
}
[ -f "$NIPWORKER_DATABASE" ] || fail "no database file at $NIPWORKER_DATABASE"
[ ! -e "$NIPWORKER_DATABASE-wal" ] || fail "the database was not checkpointed at shutdown"
echo "docker-build-check: build, start, health check and SIGTERM as in the Dockerfile: ok"
