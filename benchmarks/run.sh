#!/usr/bin/env bash
# Runs one benchmark case: builds the plugin archives and the harness, then runs the case in its own JVM.
# The last line of output is `RESULT <case> key=value ...`.
#   benchmarks/run.sh connect-startup
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if [ $# -ne 1 ]; then
  echo "usage: benchmarks/run.sh <case>" >&2
  exit 2
fi
case_name="$1"

# Build what the case needs: every plugin archive (benchmarks depends on the plugin modules) and the harness.
./mvnw -B -q install -DskipTests -pl benchmarks -am >&2
./mvnw -B -q dependency:build-classpath -pl benchmarks -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=runtime >&2

classpath="benchmarks/target/classes:$(cat benchmarks/target/benchmark.classpath)"
exec java ${BENCHMARK_JVM_OPTS:--Xmx4g} -Dtributary.root.dir="$root" -cp "$classpath" \
  io.tributary.benchmarks.Benchmarks "$case_name"
