#!/bin/sh
# Signed Conversations webhooks per second, and server CPU per webhook, for one or more builds of
# the jar side by side: each starts in sandbox mode on its own port and H2 file, gets 1,000 tracked
# conversations (signed reservation.accepted), is warmed up with WARMUP seconds of load, then the
# jars take turns for ROUNDS rounds of 10 s each of customers' messages (each resets a countdown).
# Turns, not one after the other, so that a busy machine disturbs them alike. Linux (/proc), wrk.
# usage: bench/webhooks.sh [ROUNDS=3] [WARMUP=40] JAR [JAR…]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
rounds=${1:-3}; warmup=${2:-40}; shift 2
token=0123456789abcdef0123456789abcdef
work=$(mktemp -d)
pids=""
trap 'for p in $pids; do kill $p 2>/dev/null; done; rm -rf "$work"' EXIT
n=0
for jar in "$@"; do
  n=$((n+1))
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  mkdir -p "$work/$n"
  (cd "$work/$n" && PORT=$port SANDBOX_AUTH_TOKEN=$token LOG_LEVEL=WARN DATA_DIR="$work/$n/data" \
    exec java -Xmx256m -jar "$jar" >"$work/$n/out.log" 2>&1) &
  pid=$!; pids="$pids $pid"
  echo "$pid $port $jar" >>"$work/jars"
  i=0; until curl -sf "http://localhost:$port/health" >/dev/null; do
    i=$((i+1)); [ $i -lt 900 ] || { cat "$work/$n/out.log" >&2; exit 1; }; sleep 0.1; done
  python3 "$here/webhook-load.py" arm $token "http://localhost:$port" 1000
  python3 "$here/webhook-load.py" onMessageAdded $token "http://localhost:$port" 1000 >"$work/$n/resets.lua"
  wrk -t2 -c16 -d"${warmup}s" -s "$work/$n/resets.lua" "http://localhost:$port/" >/dev/null
done
cpu() { awk '{print $14+$15}' "/proc/$1/stat"; }
r=0
while [ $r -lt "$rounds" ]; do
  r=$((r+1)); n=0
  while read -r pid port jar; do
    n=$((n+1))
    before=$(cpu "$pid")
    out=$(wrk -t2 -c16 -d10s --latency -s "$work/$n/resets.lua" "http://localhost:$port/")
    after=$(cpu "$pid")
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    echo "round $r  $jar: $(echo "$out" | awk '/Requests\/sec/ {print $2}')/s, p99 $(echo "$out" | awk '$1=="99%" {print $2}')," \
      "server CPU $(( (after-before) * 1000000 / $(getconf CLK_TCK) / requests )) µs per webhook, load $(cut -d' ' -f1 /proc/loadavg)"
  done <"$work/jars"
done
