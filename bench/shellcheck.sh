#!/usr/bin/env bash
# Whole-corpus lint wall time with shellcheck on and off (PIPEWRIGHT_SHELLCHECK=off), for one or more jars,
# interleaved so that the ratios come from the same load. Usage: bench/shellcheck.sh [CORPUS] JAR...
set -euo pipefail
corpus=${1:-/work/shared/corpus/workflows}; shift || true
jars=("$@"); [ ${#jars[@]} -gt 0 ] || jars=(cli/target/pipewright.jar)
echo "date: $(date -u '+%F %H:%M UTC')  load: $(cut -d' ' -f1-3 /proc/loadavg)  $(shellcheck --version | sed -n 2p)"
for jar in "${jars[@]}"; do
  for mode in off on; do
    start=$(date +%s.%N)
    if [ $mode = off ]; then PIPEWRIGHT_SHELLCHECK=off java -jar "$jar" lint --format json "$corpus" >/dev/null || true
    else java -jar "$jar" lint --format json "$corpus" >/dev/null || true; fi
    end=$(date +%s.%N)
    printf '%s\tshellcheck %s\t%.1f s\tload %s\n' "$jar" $mode "$(echo "$end - $start" | bc)" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
