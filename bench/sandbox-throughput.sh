#!/bin/sh
# Requests per second the Twilio sandbox answers: starts the jar's standalone sandbox on a free
# loopback port, drives it with authenticated Twilio IAM token validations (HTTP Basic, JSON in,
# JSON out) for SECONDS after a 3 s warm-up, then stops it. The load comes from wrk
# (apt-get install wrk) when present, else from bench/SandboxLoad.java, which needs only the JDK
# but costs more CPU on the same machine. Build the jar first: mvn -q package -DskipTests
# usage: bench/sandbox-throughput.sh [SECONDS=10] [CONNECTIONS=16]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/../backend/app/target/flex-messaging-kit.jar"
[ -f "$jar" ] || { echo "no $jar; build it with: mvn -q package -DskipTests" >&2; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
token=bench-$(date +%s)
work=$(mktemp -d)
PORT=$port BIND_HOST=127.0.0.1 SANDBOX_AUTH_TOKEN=$token LOG_LEVEL=WARN DATA_DIR="$work" \
  java -jar "$jar" sandbox >"$work/out.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
i=0
until grep -q 'account SID:' "$work/out.log" 2>/dev/null; do
  i=$((i+1)); [ $i -lt 600 ] || { cat "$work/out.log" >&2; exit 1; }; sleep 0.1
done
sid=$(sed -n 's/.*account SID: *\(AC[0-9a-f]*\).*/\1/p' "$work/out.log")
seconds=${1:-10}; connections=${2:-16}
if command -v wrk >/dev/null; then
  export ACCOUNT_SID="$sid" AUTH_TOKEN="$token"
  wrk -t2 -c"$connections" -d3s -s "$here/iam-validate.lua" "http://127.0.0.1:$port" >/dev/null
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$here/iam-validate.lua" "http://127.0.0.1:$port"
else
  java "$here/SandboxLoad.java" "http://127.0.0.1:$port" "$sid" "$token" "$seconds" "$connections"
fi
