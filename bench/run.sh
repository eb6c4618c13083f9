#!/usr/bin/env bash
# Xiaodai benchmarks (DESIGN.md §5). Usage: ./bench/run.sh <calc|api|origination|eod|reporting|scoring|all> [options]
# Prints one JSON object per line on stdout. Benchmarks never run inside ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  echo "usage: $0 <calc|api|origination|eod|reporting|scoring|all> [options]" >&2
  echo "  calc options: --rounds N (5) --seconds S per round (2) --warmup N (3)" >&2
  echo "  api options:  --rounds N (3) --seconds S per endpoint and round (10) --warmup S (5) --connections N (32)" >&2
  echo "                --port P (18480) --db-port P (15480) --profile DIR --app-arg ARG (repeatable)" >&2
}

# the same JDK 21+ search as ./mvnw (the default java here is 17)
find_java() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then
      local v
      v=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1)
      if [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null; then echo "$candidate/bin/java"; return 0; fi
    fi
  done
  echo "no JDK 21+ found" >&2; return 1
}

run_calc() {
  ./mvnw -q -DskipTests test-compile >&2
  mkdir -p target/bench
  ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test >&2
  local java
  java=$(find_java)
  "$java" -Xms512m -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
    org.xiaodai.bench.CalcBenchmark "$@"
}

# The API hot path (ApiBenchmark): starts the app from target/classes in its own JVM on 127.0.0.1
# with a throw-away embedded PostgreSQL, and loads it from this JVM.
run_api() {
  ./mvnw -q -DskipTests test-compile >&2
  mkdir -p target/bench
  ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test >&2
  ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench/runtime-classpath.txt -Dmdep.includeScope=runtime >&2
  local java
  java=$(find_java)
  "$java" -Xms256m -Xmx256m -Dxiaodai.bench.app-classpath="target/classes:$(cat target/bench/runtime-classpath.txt)" \
    -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
    org.xiaodai.bench.ApiBenchmark "$@"
}

not_implemented() {
  echo "{\"benchmark\":\"$1\",\"status\":\"not-implemented\"}" >&2
}

name="${1:-}"
[ $# -gt 0 ] && shift
case "$name" in
  calc) run_calc "$@" ;;
  api) run_api "$@" ;;
  origination|eod|reporting|scoring) not_implemented "$name"; exit 3 ;;
  all)
    run_calc "$@"
    run_api
    for other in origination eod reporting scoring; do not_implemented "$other"; done ;;
  *) usage; exit 64 ;;
esac
