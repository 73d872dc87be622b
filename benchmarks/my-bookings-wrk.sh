#!/usr/bin/env bash
# The customer's My Bookings page with 6 and with 50 bookings vs anonymous health, same server, same run (issue #13).
# usage (from the project folder, after `mvn -B -ntp -q package -DskipTests`):
#   [ROUNDS=n] [BENCH_JAR=jar] benchmarks/my-bookings-wrk.sh [port] [duration] [threads] [connections]
# Starts the packaged service with the demo profile on its own port and a throw-away data folder. Demo customer soyeon
# has 6 bookings (site default link, Zoom with and without meeting, course link, offline, link added); alex gets 49
# more sessions booked through the API (alternately the site default and Hana's Zoom, meeting pending) on top of his
# one, so 50. Both sign in through the login form (a browser session cookie, as the pages are used; the bcrypt is paid
# once), then wrk runs GET /my-bookings for each and GET /actuator/health with the same threads and connections.
set -euo pipefail
PORT=${1:-18091}
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
BASE="http://localhost:$PORT"
for _ in $(seq 1 240); do
  if curl -sf "$BASE/actuator/health/readiness" > /dev/null 2>&1; then break; fi
  sleep 1
done
curl -sf "$BASE/actuator/health/readiness" > /dev/null || { echo "service did not get ready"; tail -50 "$DATA/service.log"; exit 1; }

# 49 more bookings for alex (customer 2 of site 1), made by the owner
TOKEN=$(curl -s -H 'Accept: text/plain' -d username=mina -d password=demo "$BASE/api/auth/token")
for i in $(seq 1 49); do
  if (( i % 2 )); then service=1; staff=2; else service=2; staff=1; fi
  start=$(date -u -d "+$((i + 10)) days" +%Y-%m-%dT09:00:00Z)
  end=$(date -u -d "+$((i + 10)) days" +%Y-%m-%dT10:00:00Z)
  session=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"staffId\":$staff,\"startsAt\":\"$start\",\"endsAt\":\"$end\",\"online\":true}" \
    "$BASE/api/services/$service/sessions" | sed -E 's/^\{"id":([0-9]+).*/\1/')
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"customerId":2}' "$BASE/api/sessions/$session/bookings"
done

# signs in through the login form and prints the Cookie header of the browser session
sign_in() {
  local jar="$DATA/$1.cookies" csrf
  csrf=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | sed -nE 's/.*name="_csrf" value="([^"]+)".*/\1/p' | head -1)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$1" --data-urlencode password=demo \
    --data-urlencode "_csrf=$csrf" "$BASE/login"
  awk '!/^#/ && NF >= 7 {printf "%s=%s; ", $6, $7} /^#HttpOnly_/ {printf "%s=%s; ", $6, $7}' "$jar" | sed 's/; $//'
}
SIX=$(sign_in soyeon)
FIFTY=$(sign_in alex)
rows() { curl -s -H "Cookie: $1" "$BASE/my-bookings" | grep -c 'data-session-id=' || true; }
echo "rows on the page: soyeon $(rows "$SIX"), alex $(rows "$FIFTY")"
test "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $SIX" "$BASE/my-bookings")" = 200
test "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $FIFTY" "$BASE/my-bookings")" = 200

# WARMUP (default 10s) per endpoint: the JIT keeps speeding the page up for about a minute on 2 cores
WARMUP=${WARMUP:-10s}
echo "warm-up ($WARMUP each)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Cookie: $SIX" "$BASE/my-bookings" > /dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Cookie: $FIFTY" "$BASE/my-bookings" > /dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$BASE/actuator/health" > /dev/null

run() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@"; }
# the service's CPU time (user + system, clock ticks) and the requests of a wrk run: CPU per request does not depend on
# how many cores the other processes of a shared machine leave free, requests/s does
ticks() { awk '{print $14 + $15}' "/proc/$SERVICE/stat"; }
requests() { echo "$1" | awk '/requests in/ {print $1}'; }
cpu_ms() { awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.3f", 1000 * t / hz / n}'; }
rps() { echo "$1" | awk '/Requests\/sec/ {print $2}'; }
non2xx() { echo "$1" | awk '/Non-2xx/ {print $NF}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f%%", 100*a/b}'; }
sum() { awk -v a="$1" -v b="$2" 'BEGIN {print a+b}'; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# ROUNDS>1: 6 bookings, 50 bookings and health alternate in ROUNDS rounds of DURATION each (on a shared machine the
# load moves between long runs); the totals' ratios and the median of the rounds' ratios are the figures
ROUNDS=${ROUNDS:-1}
six_sum=0; fifty_sum=0; health_sum=0; six_ratios=(); fifty_ratios=(); failures=""
six_ticks=0; fifty_ticks=0; health_ticks=0; six_n=0; fifty_n=0; health_n=0
for round in $(seq 1 "$ROUNDS"); do
  t0=$(ticks); SIX_OUT=$(run -H "Cookie: $SIX" "$BASE/my-bookings")
  t1=$(ticks); FIFTY_OUT=$(run -H "Cookie: $FIFTY" "$BASE/my-bookings")
  t2=$(ticks); HEALTH_OUT=$(run "$BASE/actuator/health")
  t3=$(ticks)
  six_ticks=$((six_ticks + t1 - t0)); fifty_ticks=$((fifty_ticks + t2 - t1)); health_ticks=$((health_ticks + t3 - t2))
  six_n=$((six_n + $(requests "$SIX_OUT"))); fifty_n=$((fifty_n + $(requests "$FIFTY_OUT")))
  health_n=$((health_n + $(requests "$HEALTH_OUT")))
  if [[ "$ROUNDS" == 1 ]]; then
    echo "== GET /my-bookings, 6 bookings (soyeon) =="; echo "$SIX_OUT"
    echo "== GET /my-bookings, 50 bookings (alex) =="; echo "$FIFTY_OUT"
    echo "== anonymous GET /actuator/health =="; echo "$HEALTH_OUT"
  fi
  six=$(rps "$SIX_OUT"); fifty=$(rps "$FIFTY_OUT"); health=$(rps "$HEALTH_OUT")
  n=$(non2xx "$SIX_OUT"); m=$(non2xx "$FIFTY_OUT")
  [[ -n "$n$m" ]] && failures="$failures round $round: 6=${n:-0} 50=${m:-0};"
  six_sum=$(sum "$six_sum" "$six"); fifty_sum=$(sum "$fifty_sum" "$fifty"); health_sum=$(sum "$health_sum" "$health")
  r6=$(ratio "$six" "$health"); r50=$(ratio "$fifty" "$health"); six_ratios+=("${r6%\%}"); fifty_ratios+=("${r50%\%}")
  [[ "$ROUNDS" == 1 ]] || echo "round $round: 6 ${six}/s ($r6), 50 ${fifty}/s ($r50), health ${health}/s (load $(cut -d' ' -f1 /proc/loadavg))"
done
mean() { awk -v a="$1" -v n="$ROUNDS" 'BEGIN {printf "%.2f", a/n}'; }
echo "my-bookings 6: $(mean "$six_sum")/s ($(ratio "$six_sum" "$health_sum") of health), 50: $(mean "$fifty_sum")/s ($(ratio "$fifty_sum" "$health_sum")), health $(mean "$health_sum")/s$(
  [[ "$ROUNDS" == 1 ]] || echo ", medians of $ROUNDS rounds: 6 $(median "${six_ratios[@]}")%, 50 $(median "${fifty_ratios[@]}")%")${failures:+, non-2xx:$failures}"
c6=$(cpu_ms "$six_ticks" "$six_n"); c50=$(cpu_ms "$fifty_ticks" "$fifty_n"); ch=$(cpu_ms "$health_ticks" "$health_n")
echo "service CPU per request: 6 ${c6} ms, 50 ${c50} ms, health ${ch} ms; health/page: 6 $(ratio "$ch" "$c6"), 50 $(ratio "$ch" "$c50")"
