#!/usr/bin/env bash
# Start-up time of the packaged service (#15): `java -jar` until /actuator/health/readiness answers UP.
#
#   benchmarks/startup.sh [runs=3] [port=18091] [jar=target/videolinks-*.jar] [-- extra arguments for the service]
#
# Each run: a first start in a fresh scratch folder (empty ./data, copies of rules/ and processes/, demo profile),
# stopped once ready, then a restart on the same folder. Prints the wall time of each and keeps the logs
# (tmp-bench/startup/[$LABEL-]<run>-<first|restart>.log) for benchmarks/startup-timeline.sh. Next to the wall time it
# prints the CPU time the service's process used until ready (all threads: JIT and GC too), which a crowded machine
# inflates less than the wall time. JAVA_OPTS go to java (e.g. `-XX:AOTCache=/abs/app/videolinks.aot`, see
# benchmarks/README.md); JAVA is the java binary (default: the one on the PATH), e.g. a JDK 25 for its AOT cache:
#
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java JAVA_OPTS=-XX:AOTCache=$PWD/app/videolinks.aot LABEL=aot \
#     benchmarks/startup.sh 1 18091 app/videolinks-0.1.0-SNAPSHOT.jar
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}; port=${2:-18091}; jar=${3:-$(ls target/videolinks-*.jar | grep -v original | head -1)}
shift $(( $# < 3 ? $# : 3 )) || true
[[ "${1:-}" == "--" ]] && shift
extra=("$@")
out=tmp-bench/startup; mkdir -p "$out"
jar=$(realpath "$jar")

now_ms() { date +%s%3N; }

one() { # $1 = scratch folder, $2 = log file; prints ms to ready
  local dir=$1 log=$2 t0 pid
  t0=$(now_ms)
  (cd "$dir" && exec "${JAVA:-java}" ${JAVA_OPTS:-} -jar "$jar" --spring.profiles.active=demo \
      --server.port="$port" "${extra[@]}" >"$log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://localhost:$port/actuator/health/readiness"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the service stopped; see $log" >&2; return 1; fi
    sleep 0.05
  done
  echo "$(( $(now_ms) - t0 )) ms (cpu $(awk '{print ($14 + $15) * 10}' "/proc/$pid/stat") ms)"
  # let the after-ready work settle in the log, then stop it as an operator would (SIGTERM)
  sleep 1
  pkill -TERM -P "$pid" 2>/dev/null || true; kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

echo "${LABEL:+$LABEL: }$("${JAVA:-java}" -version 2>&1 | head -1), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d /tmp/videolinks-startup.XXXXXX)
  cp -r rules processes "$dir"/
  prefix="$(realpath "$out")/${LABEL:+$LABEL-}$i"
  first=$(one "$dir" "$prefix-first.log")
  restart=$(one "$dir" "$prefix-restart.log")
  echo "${LABEL:+$LABEL }run $i: first start ${first}, restart ${restart} (load $(cut -d' ' -f1 /proc/loadavg))"
  rm -rf "$dir"
done
