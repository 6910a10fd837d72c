#!/usr/bin/env bash
# Start-up, side by side: wall time from `java … -jar` to the first 200 on /health for the kit
# (embedded default: sandbox + a fresh H2 file, run exactly as the README runs it) and for a bare
# Jetty + Jersey + Jackson jar of the same versions (bench/bare-jar), alternating runs so both see
# the same machine. Prints each median and their ratio.
# Usage: bench/startup-ratio.sh [runs=7] [port=18090]
set -euo pipefail
cd "$(dirname "$0")/.."
KIT_JAR=$PWD/backend/app/target/flex-messaging-kit.jar
KIT_CDS=$PWD/backend/app/target/flex-messaging-kit.jsa
BARE_JAR=$PWD/bench/bare-jar/target/bare-jetty-jersey-jackson.jar
RUNS=${1:-7}
PORT=${2:-18090}
[ -f "$KIT_JAR" ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 1; }
[ -f "$BARE_JAR" ] || mvn -q -f bench/bare-jar/pom.xml package

# One run: prints milliseconds to the first 200 on /health.
time_to_health() {
  local dir start end pid
  dir=$(mktemp -d)
  start=$(date +%s%N)
  (cd "$dir" && PORT=$PORT DATA_DIR="$dir/data" exec java "$@" >"$dir/log" 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do
    kill -0 $pid 2>/dev/null || { cat "$dir/log" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$dir"
  echo $(( (end - start) / 1000000 ))
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

kit_args=(-jar "$KIT_JAR")
[ -f "$KIT_CDS" ] && kit_args=(-XX:SharedArchiveFile="$KIT_CDS" -Xlog:cds=off -jar "$KIT_JAR")
kit=(); bare=()
for i in $(seq 1 "$RUNS"); do
  bare+=($(time_to_health -jar "$BARE_JAR"))
  kit+=($(time_to_health "${kit_args[@]}"))
done
k=$(median "${kit[@]}"); b=$(median "${bare[@]}")
echo "kit: median ${k} ms (${kit[*]})${KIT_CDS:+ $( [ -f "$KIT_CDS" ] && echo "with AppCDS" || echo "without AppCDS")}"
echo "bare Jetty+Jersey+Jackson: median ${b} ms (${bare[*]})"
awk -v k="$k" -v b="$b" 'BEGIN { printf "ratio kit/bare: %.2f\n", k / b }'
