#!/usr/bin/env bash
# Runs one benchmark case: builds the plugin archives and the harness, then runs the case in its own JVM.
# The last line of output is `RESULT <case> key=value ...`.
#   benchmarks/run.sh connect-startup
#   benchmarks/run.sh cdc-streaming      (-Drows=200000 -Dtxn.rows=1000 -Dcontestants=tributary,debezium,ceiling -Drounds=1)
#   benchmarks/run.sh cdc-snapshot       (-Drows=1000000 -Dcontestants=tributary,debezium,ceiling -Dtributary.tasks=4)
#   benchmarks/run.sh cdc-latency        (-Drate=5000 -Dtxn.rows=50 -Dduration.s=60 -Dwarmup.s=5 -Dcontestants=tributary,debezium,ceiling)
#   benchmarks/run.sh s3-throughput      (-Drecords=1000000 -Dpartitions=4 -Dtasks=1 -Dflush.size=10000 -Dformats=jsonl,parquet -Dconverter=payload -Dwarmup.records=500000)
#   benchmarks/run.sh s3-memory          (-Drecords=500000 -Dpartitions=50 -Dpaths=20 -Dheap.mb=256 -Dbuffer.memory.bytes=67108864 -Dformat=jsonl)
# Options go in BENCHMARK_OPTS, e.g. BENCHMARK_OPTS="-Drows=20000 -Dcontestants=debezium,ceiling".
# The runtime classpath only (includeScope is the plugin's user property): the plugin modules listed in test scope
# load through plugin.path, never from the classpath.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if [ $# -ne 1 ]; then
  echo "usage: benchmarks/run.sh <case>" >&2
  exit 2
fi
case_name="$1"

# Build what the case needs: every plugin archive (benchmarks depends on the plugin modules), the peers' plugin
# directories (benchmark-peers) and the harness.
./mvnw -B -q install -DskipTests -pl benchmarks -am >&2
./mvnw -B -q dependency:build-classpath -pl benchmarks -Dmdep.outputFile=target/benchmark.classpath -DincludeScope=runtime >&2

classpath="benchmarks/target/classes:$(cat benchmarks/target/benchmark.classpath)"
# shellcheck disable=SC2086 # BENCHMARK_JVM_OPTS and BENCHMARK_OPTS are word lists
exec java ${BENCHMARK_JVM_OPTS:--Xmx4g} ${BENCHMARK_OPTS:-} -Dtributary.root.dir="$root" -cp "$classpath" \
  io.tributary.benchmarks.Benchmarks "$case_name"
