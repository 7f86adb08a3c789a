#!/usr/bin/env bash
# coverage-gate throughput (MB/s) and peak RSS on generated >= 200 MB LCOV and JaCoCo reports, and
# `lcov --summary` on the same LCOV file in the same run.
#   bench/throughput.sh [MB]       (needs cli/target/pipewright.jar; lcov for the comparison; GNU time)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd -P)"
jar="$root/cli/target/pipewright.jar"
mb="${1:-200}"
[ -f "$jar" ] || { echo "build the CLI first: mvn -B -pl cli -am package -DskipTests" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/bench/gen-reports.sh" "$work" "$mb"

# One row: label, file, command...; prints seconds, MB/s and peak RSS (GNU time's %M, KiB).
measure() {
  local label="$1" file="$2"
  shift 2
  local size secs rss rc=0
  size=$(stat -c %s "$file")
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>"$work/err" || rc=$?
  # GNU time writes "Command exited with non-zero status N" before its figures when the command fails.
  read -r secs rss < <(tail -n 1 "$work/time")
  # A gate verdict (exit 1) is a result; anything else (2 bad input, 3 internal error, 137 killed, a JVM's
  # OutOfMemoryError) is a failed run and is printed as one, never as a throughput.
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
    printf '%-46s %7.1f MB   FAILED (exit %s after %s s, %s MB peak RSS): %s\n' "$label" \
      "$(awk -v s="$size" 'BEGIN { print s / 1e6 }')" "$rc" "$secs" "$((rss / 1024))" \
      "$(grep -m1 -E 'Error|error|Exception' "$work/err" || head -n 1 "$work/err")"
    last_rate=""
    failures=$((failures + 1))
    return 0
  fi
  awk -v l="$label" -v s="$size" -v t="$secs" -v r="$rss" \
    'BEGIN { printf "%-46s %7.1f MB %7.2f s %7.1f MB/s %6.0f MB peak RSS\n", l, s / 1e6, t, s / 1e6 / t, r / 1024 }'
  last_rate=$(awk -v s="$size" -v t="$secs" 'BEGIN { printf "%.3f", s / 1e6 / t }')
  grep -m1 '^coverage=\|lines\.\.' "$work/out" "$work/err" | sed 's/^/    /' || true
}

failures=0
java17=(java -XX:+UseSerialGC -jar "$jar" coverage-gate --files)
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
measure "pipewright coverage-gate, LCOV (JDK 17)" "$work/big.info" "${java17[@]}" "$work/big.info"
ours=$last_rate
# The live set does not grow with the report: the same run with a 64 MB heap cap (RSS above is lazy heap growth).
measure "pipewright coverage-gate, LCOV (JDK 17, -Xmx64m)" "$work/big.info" \
  java -Xmx64m -XX:+UseSerialGC -jar "$jar" coverage-gate --files "$work/big.info"
measure "pipewright coverage-gate, JaCoCo XML (JDK 17)" "$work/big.xml" "${java17[@]}" "$work/big.xml"
if command -v lcov >/dev/null; then
  measure "lcov --summary, LCOV ($(lcov --version | awk '{print $NF}'))" "$work/big.info" lcov --summary "$work/big.info"
  if [ -n "$ours" ] && [ -n "$last_rate" ]; then
    awk -v a="$ours" -v b="$last_rate" 'BEGIN { printf "LCOV throughput ratio pipewright / lcov --summary: %.1fx\n", a / b }'
  else
    echo "LCOV throughput ratio: not computed (a run above failed)"
  fi
else
  echo "lcov not installed: apt-get install lcov"
fi
[ "$failures" -eq 0 ] || { echo "throughput: $failures run(s) failed" >&2; exit 1; }
