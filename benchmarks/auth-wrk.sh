#!/usr/bin/env bash
# Authenticated API throughput vs anonymous health, same server, same run, same connections (issue #9).
# usage (from the project folder, after `mvn -B -ntp -q package -DskipTests`):
#   [ROUNDS=n] [WARMUP=10s] [BENCH_JAR=path] benchmarks/auth-wrk.sh [port] [duration] [threads] [connections]
# (BENCH_JAR: another build's jar, e.g. main's in /tmp, for a before/after from one folder)
# Starts the packaged service with the demo profile on its own port and a throw-away data folder, takes a token for
# demo owner mina, warms both endpoints up, then runs wrk on GET /api/sessions/1/link (Authorization: Bearer) and on
# GET /actuator/health (anonymous) one after the other and prints both figures and their ratio.
set -euo pipefail
PORT=${1:-18089}
DURATION=${2:-20s}
THREADS=${3:-2}
CONNECTIONS=${4:-8}
JAR=${BENCH_JAR:-$(ls target/videolinks-*.jar | grep -v original | head -1)}
DATA=$(mktemp -d /tmp/videolinks-bench-XXXXXX)
trap 'kill $SERVICE 2>/dev/null || true; wait $SERVICE 2>/dev/null || true; rm -rf "$DATA"' EXIT

java ${BENCH_JAVA_OPTS:-} -jar "$JAR" --spring.profiles.active=demo --server.port="$PORT" \
     --spring.datasource.url="jdbc:h2:file:$DATA/videolinks;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=${BENCH_QUERY_CACHE:-128}" \
     --videolinks.identity.local.key-file="$DATA/issuer-key.json" --videolinks.secrets.key-file="$DATA/secret.key" \
     --videolinks.rules.watch=false --logging.level.root=warn > "$DATA/service.log" 2>&1 &
SERVICE=$!
for _ in $(seq 1 240); do
  if curl -sf "localhost:$PORT/actuator/health/readiness" > /dev/null 2>&1; then break; fi
  sleep 1
done
curl -sf "localhost:$PORT/actuator/health/readiness" > /dev/null || { echo "service did not get ready"; tail -50 "$DATA/service.log"; exit 1; }

TOKEN=$(curl -s -H 'Accept: text/plain' -d username=mina -d password=demo "localhost:$PORT/api/auth/token")
LINK="http://localhost:$PORT/api/sessions/1/link"
HEALTH="http://localhost:$PORT/actuator/health"
test "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$LINK")" = 200

# WARMUP (default 10s): on a loaded machine the JIT needs longer before the first round measures compiled code
WARMUP=${WARMUP:-10s}
echo "warm-up ($WARMUP each)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$LINK" > /dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$HEALTH" > /dev/null

# ROUNDS>1: link and health alternate in ROUNDS pairs of DURATION each (on a shared machine the load moves between two
# long runs; the median of the pairs' ratios and the ratio of the totals are the figures)
ROUNDS=${ROUNDS:-1}
rps() { echo "$1" | awk '/Requests\/sec/ {print $2}'; }
# the service's own CPU time (user + system, clock ticks) from /proc: CPU per request is far less disturbed by other
# processes on a shared machine than requests/s; health's CPU per request / link's is the ratio an idle machine shows
cpu() { awk '{print $14 + $15}' "/proc/$SERVICE/stat"; }
requests() { echo "$1" | awk '/requests in/ {print $1}'; }
us_per() { awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.0f", t * 1000000 / hz / n}'; }
ratios=(); cpu_ratios=(); link_sum=0; health_sum=0
for round in $(seq 1 "$ROUNDS"); do
  c0=$(cpu)
  LINK_OUT=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$LINK")
  c1=$(cpu)
  HEALTH_OUT=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$HEALTH")
  c2=$(cpu)
  link_us=$(us_per $((c1 - c0)) "$(requests "$LINK_OUT")"); health_us=$(us_per $((c2 - c1)) "$(requests "$HEALTH_OUT")")
  cpu_ratio=$(awk -v a="$health_us" -v b="$link_us" 'BEGIN {printf "%.1f", 100*a/b}'); cpu_ratios+=("$cpu_ratio")
  if [[ "$ROUNDS" == 1 ]]; then
    echo "== authenticated GET /api/sessions/1/link (Bearer) =="; echo "$LINK_OUT"
    echo "== anonymous GET /actuator/health =="; echo "$HEALTH_OUT"
  fi
  l=$(rps "$LINK_OUT"); h=$(rps "$HEALTH_OUT")
  non2xx=$(echo "$LINK_OUT" | awk '/Non-2xx/ {print $NF}')
  ratio=$(awk -v a="$l" -v b="$h" 'BEGIN {printf "%.1f", 100*a/b}')
  ratios+=("$ratio"); link_sum=$(awk -v a="$link_sum" -v b="$l" 'BEGIN {print a+b}'); health_sum=$(awk -v a="$health_sum" -v b="$h" 'BEGIN {print a+b}')
  echo "round $round: link ${l}/s, health ${h}/s, ratio ${ratio}%${non2xx:+, link non-2xx: $non2xx}; service CPU per request: link ${link_us} µs, health ${health_us} µs, ratio ${cpu_ratio}% (load $(cut -d' ' -f1 /proc/loadavg))"
done
median_of() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
median=$(median_of "${ratios[@]}")
echo "service CPU per request: health / link, median of $ROUNDS rounds $(median_of "${cpu_ratios[@]}")%"
echo "link $(awk -v a="$link_sum" -v n="$ROUNDS" 'BEGIN {printf "%.1f", a/n}')/s, health $(awk -v a="$health_sum" -v n="$ROUNDS" 'BEGIN {printf "%.1f", a/n}')/s, ratio $(awk -v a="$link_sum" -v b="$health_sum" 'BEGIN {printf "%.1f%%", 100*a/b}') (median of $ROUNDS rounds ${median}%)"
