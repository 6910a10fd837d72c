#!/usr/bin/env bash
# Start-up benchmark: wall time from `java -jar` to the first 200 on /health, on the embedded
# default (sandbox + a fresh H2 file each run). Usage: bench/startup.sh [runs=10] [port=18090]
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$PWD/backend/app/target/flex-messaging-kit.jar
RUNS=${1:-10}
PORT=${2:-18090}
[ -f "$JAR" ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 1; }

results=()
for i in $(seq 1 "$RUNS"); do
  dir=$(mktemp -d)
  start=$(date +%s%N)
  (cd "$dir" && PORT=$PORT DATA_DIR="$dir/data" exec java -jar "$JAR" >"$dir/log" 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do
    kill -0 $pid 2>/dev/null || { cat "$dir/log"; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  results+=($(( (end - start) / 1000000 )))
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$dir"
done
sorted=($(printf '%s\n' "${results[@]}" | sort -n))
n=${#sorted[@]}
echo "runs=$n min=${sorted[0]}ms median=${sorted[$((n / 2))]}ms max=${sorted[$((n - 1))]}ms (all: ${results[*]})"
