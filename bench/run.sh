#!/usr/bin/env bash
# Xiaodai benchmarks (DESIGN.md §5). Usage: ./bench/run.sh <calc|api|audit|tenant|origination|eod|reporting|scoring|all> [options]
# Prints one JSON object per line on stdout. Benchmarks never run inside ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  echo "usage: $0 <calc|api|audit|tenant|origination|eod|reporting|scoring|all> [options]" >&2
  echo "  calc options: --rounds N (5) --seconds S per round (2) --warmup N (3)" >&2
  echo "  api options:  --rounds N (3) --seconds S per endpoint and round (10) --warmup S (5)" >&2
  echo "                --warmup-requests N (20000) --connections N (32)" >&2
  echo "                --port P (18480) --db-port P (15480) --profile DIR --app-arg ARG (repeatable)" >&2
  echo "  tenant options: --rounds N (5) --seconds S per round (2)" >&2
  echo "  scoring options: --data DIR (../shared/datasets/credit) --rounds N (5) --seconds S (2) --validate" >&2
  echo "  origination options: --rounds N (3) --seconds S (10) --warmup S (5) --connections N (32) --customers-per-client N (150) --count-applications N (20, statements per application with log_statement=all) --profile DIR" >&2
  echo "  eod options: --loans N (1000000) --days N (3) --warmup-days N (0) --keep-db DIR (generate the portfolio once into DIR, then close the same dates on a fresh copy of it each run) --statements N (with --keep-db: pg_stat_statements' top N per date to stderr); --xiaodai.eod.workers=N etc. go to the app" >&2
  echo "  reporting options: --loans N (1000000) --rounds N (3) --keep-db DIR (keep the portfolio cluster in DIR; reuse it when DIR holds one of that size)" >&2
  echo "  audit options: --writers N (16) --institutions N (8) --rounds N (3) --seconds S per round (10) --warmup S (5)" >&2
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

# compiles main and test classes once per invocation and writes the test classpath
built=""
build() {
  [ -n "$built" ] && return 0
  ./mvnw -q -DskipTests test-compile >&2
  mkdir -p target/bench
  ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test >&2
  built=yes
}

run_bench() {
  local main="$1"
  shift
  build
  local java
  java=$(find_java)
  "$java" -Xms512m -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" "$main" "$@"
}

run_calc() {
  run_bench org.xiaodai.bench.CalcBenchmark "$@"
}

# a scoped list read and write with and without the tenant wall, on one throw-away embedded PostgreSQL
run_tenant() {
  run_bench org.xiaodai.bench.TenantWallBenchmark "$@"
}

# the real application headless on a throw-away embedded PostgreSQL (a free port, target/bench/pg-*)
run_audit() {
  run_bench org.xiaodai.bench.AuditBenchmark "$@"
}

# The API hot path (ApiBenchmark): starts the app from target/classes in its own JVM on 127.0.0.1
# with a throw-away embedded PostgreSQL, and loads it from this JVM.
run_api() {
  build
  ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench/runtime-classpath.txt -Dmdep.includeScope=runtime >&2
  local java
  java=$(find_java)
  "$java" -Xms256m -Xmx256m -Dxiaodai.bench.app-classpath="target/classes:$(cat target/bench/runtime-classpath.txt)" \
    -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
    org.xiaodai.bench.ApiBenchmark "$@"
}

# The origination flow (OriginationBenchmark): the app in its own JVM, 32 clients running
# create → submit (automatic approval, contract) → contract → accept on fresh customers.
run_origination() {
  build
  ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench/runtime-classpath.txt -Dmdep.includeScope=runtime >&2
  local java
  java=$(find_java)
  "$java" -Xms256m -Xmx256m -Dxiaodai.bench.app-classpath="target/classes:$(cat target/bench/runtime-classpath.txt)" \
    -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
    org.xiaodai.bench.OriginationBenchmark "$@"
}

# end of day over a synthetic portfolio (EodBenchmark): the real app headless on a throw-away embedded PostgreSQL
# The monthly return (ReportingBenchmark) over the end-of-day benchmark's synthetic portfolio.
run_reporting() {
  build
  local java
  java=$(find_java)
  "$java" -Xms1g -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
    org.xiaodai.bench.ReportingBenchmark "$@"
}

run_eod() {
  build
  local java
  java=$(find_java)
  "$java" -Xms1g -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
    org.xiaodai.bench.EodBenchmark "$@"
}

# scorecards and the gbm challenger on the real credit data (datasets README protocol), then scores/s
run_scoring() {
  run_bench org.xiaodai.bench.ScoringBenchmark "$@"
}

not_implemented() {
  echo "{\"benchmark\":\"$1\",\"status\":\"not-implemented\"}" >&2
}

name="${1:-}"
[ $# -gt 0 ] && shift
case "$name" in
  calc) run_calc "$@" ;;
  api) run_api "$@" ;;
  audit) run_audit "$@" ;;
  tenant) run_tenant "$@" ;;
  scoring) run_scoring "$@" ;;
  origination) run_origination "$@" ;;
  eod) run_eod "$@" ;;
  reporting) run_reporting "$@" ;;
  all)
    run_calc
    run_api
    run_audit
    run_tenant
    run_scoring
    run_origination
    run_eod
    run_reporting ;;
  *) usage; exit 64 ;;
esac
