#!/usr/bin/env bash
# Prepares a release for production start-up (#15, ADR 018): the extracted jar plus JDK 25's AOT cache (JEP 483
# ahead-of-time class loading and linking, JEP 514 one-step training, JEP 515 method profiles).
#
#   deploy/aot-cache.sh [jar=target/videolinks-*.jar] [destination=app] [-- arguments of the training start]
#
# 1. extracts the jar into <destination> (<destination>/videolinks-<version>.jar and <destination>/lib/);
# 2. training run: starts the extracted service once in a scratch folder (its own empty ./data, copies of rules/ and
#    processes/ from this repository, a random port on 127.0.0.1 only; by default the demo profile, so a first
#    start's whole path runs:
#    Flyway, the rules gate, Camunda's engine and deployment, the demo data), waits for /actuator/health/readiness
#    UP, stops it with SIGTERM, and the JVM writes <destination>/videolinks.aot on its way out (~155 MB, ~1 min).
#
# Then start the node (any working folder, the production settings) with the SAME java and JVM options:
#
#   $JAVA -XX:AOTCache=/abs/path/app/videolinks.aot -jar /abs/path/app/videolinks-<version>.jar ...
#
# The cache is tied to that JDK build and to the jars' paths, sizes and times: train where the node runs (or at the
# same absolute path in the image), again after every new jar or JDK update. A stale or missing cache does not stop
# the node: the JVM logs "[error][aot] An error has occurred while processing the AOT cache" and starts without it
# (then without the JDK's own class data sharing too: slower than without the flag). JAVA: a JDK 25 or later
# (default: java on the PATH when it is 25+, else /usr/lib/jvm/temurin-25-jdk-amd64/bin/java). JAVA_OPTS: JVM options
# of the training run; give the node the same ones (heap, GC).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar=${1:-$(ls "$root"/target/videolinks-*.jar | grep -v original | head -1)}
dest=${2:-app}
shift $(( $# < 2 ? $# : 2 )) || true
[[ "${1:-}" == "--" ]] && shift
training=("$@"); [[ ${#training[@]} -eq 0 ]] && training=(--spring.profiles.active=demo)

if [[ -z "${JAVA:-}" ]]; then
  JAVA=java
  major=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  (( ${major:-0} >= 25 )) || JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
fi
major=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if (( ${major:-0} < 25 )); then
  echo "deploy/aot-cache.sh needs a JDK 25 or later (JAVA=$JAVA is ${major:-not a java}); set JAVA=/path/to/jdk-25/bin/java" >&2
  exit 2
fi

jar=$(realpath "$jar")
mkdir -p "$dest"; dest=$(realpath "$dest")
"$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$dest" --force >/dev/null
app="$dest/$(basename "$jar")"
cache="$dest/videolinks.aot"
rm -f "$cache"

scratch=$(mktemp -d /tmp/videolinks-aot-training.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
cp -r "$root/rules" "$root/processes" "$scratch"/
log="$dest/aot-training.log"
echo "training run with $("$JAVA" -version 2>&1 | head -1) in $scratch (log: $log)"
(cd "$scratch" && exec "$JAVA" ${JAVA_OPTS:-} -XX:AOTCacheOutput="$cache" -jar "$app" "${training[@]}" \
    --server.port=0 --server.address=127.0.0.1 >"$log" 2>&1) &
pid=$!
port=""
until [[ -n "$port" ]] && curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "the training run stopped before it was ready; see $log" >&2; exit 1; fi
  port=$(grep -oP 'Tomcat started on port \K[0-9]+' "$log" | head -1 || true)
  sleep 0.5
done
kill -TERM "$pid"
wait "$pid" || true   # SIGTERM: exit code 143; the cache is written during the JVM's exit
if ! grep -q "AOTCache creation is complete" "$log" || [[ ! -s "$cache" ]]; then
  echo "no AOT cache written; see $log" >&2; exit 1
fi
echo "AOT cache: $cache ($(du -h "$cache" | cut -f1)). Start a node with:"
echo "  $JAVA ${JAVA_OPTS:+$JAVA_OPTS }-XX:AOTCache=$cache -jar $app"
