#!/usr/bin/env bash
# The start-up timeline of one service log (#15): seconds from the JVM's start to each milestone and the step
# before it, read from the log's timestamps (the JVM's start is "Started ... (process running for N)" minus N).
#
#   benchmarks/startup-timeline.sh tmp-bench/startup/1-restart.log [ready-ms]
#
# ready-ms: what benchmarks/startup.sh measured from `java -jar` to readiness UP (the log has no line for it).
set -euo pipefail
python3 - "$@" <<'PY'
import re, sys
from datetime import datetime
log, ready = sys.argv[1], (int(sys.argv[2]) if len(sys.argv) > 2 else None)
steps = [  # (name of the step that ends at this line, pattern)
    ("JVM start, Spring Boot launcher, logging", r"Starting VideolinksApplication"),
    ("Spring context: configuration classes, bean definitions, Tomcat initialised", r"Root WebApplicationContext: initialization completed"),
    ("Camunda REST (Jersey) config, secrets key, Hikari pool", r"HikariPool-1 - Start completed"),
    ("Flyway (validate, migrate)", r"Schema .* is up to date|Successfully applied \d+ migration"),
    ("beans up to the Camunda engine (policy, security, ...)", r"STARTER-SB040 Setting up jobExecutor"),
    ("Camunda engine (plugins, MyBatis mappings, schema check)", r"ENGINE-00001 Process Engine default created"),
    ("security, actuator, MVC, Cockpit filters", r"LazyInitRegistration.*LazyProcessEnginesFilter"),
    ("process deployment (processes/)", r"ProcessFolderDeployer"),
    ("Tomcat started", r"Tomcat started on port"),
    ("rules watcher, Started", r"Started VideolinksApplication"),
    ("demo data (ApplicationRunner)", r"Demo data loaded"),
]
rules = r"Link policy version \d+ (loaded from the database|is live \(\w+ from start-up)"
ts = lambda line: datetime.fromisoformat(line[:23])
lines = open(log, encoding="utf-8", errors="replace").read().splitlines()
started = next(l for l in lines if "Started VideolinksApplication" in l)
jvm = ts(started).timestamp() - float(re.search(r"process running for ([\d.]+)", started).group(1))
at = lambda line: ts(line).timestamp() - jvm
print(f"| step | ends at (s) | took (s) |\n|---|---|---|")
previous = 0.0
for name, pattern in steps:
    line = next((l for l in lines if l[:4].isdigit() and re.search(pattern, l)), None)
    if line is None:
        continue
    t = at(line)
    print(f"| {name} | {t:.1f} | {t - previous:.1f} |")
    previous = t
rule = next((l for l in lines if re.search(rules, l)), None)
if rule:
    thread = re.search(r"\[\s*([\w-]+)\]\s+c\.v\.policy", rule)
    print(f"| (live rule version in place, thread {thread.group(1) if thread else '?'}) | {at(rule):.1f} | |")
if ready is not None:
    print(f"| **`java -jar` to readiness UP** (measured by the poller) | **{ready / 1000:.1f}** | |")
PY
