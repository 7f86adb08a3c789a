#!/bin/sh
# Refreshes linter/src/main/resources/dev/pipewright/lint/audit/archived-actions.txt, the archived-uses audit's
# list of archived repositories that publish actions or reusable workflows, from zizmor's list
# (zizmorcore/zizmor crates/zizmor/data/archived-repos.txt, MIT). Needs network; the build never runs it: the
# audit reads the committed snapshot, offline. Usage: tools/refresh-archived-actions.sh [COMMIT] (default: main)
set -eu
ref=${1:-main}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/linter/src/main/resources/dev/pipewright/lint/audit/archived-actions.txt
url=https://raw.githubusercontent.com/zizmorcore/zizmor/$ref/crates/zizmor/data/archived-repos.txt
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
curl -fsSL "$url" -o "$tmp"
{
  echo "# Archived GitHub repositories that publish actions or reusable workflows, one owner/repo a line."
  echo "# Source: zizmorcore/zizmor crates/zizmor/data/archived-repos.txt at $ref (MIT), fetched $(date -u +%Y-%m-%d)."
  echo "# Refresh with tools/refresh-archived-actions.sh; do not edit by hand."
  grep -v '^[[:space:]]*\(#\|$\)' "$tmp" | tr 'A-Z' 'a-z' | LC_ALL=C sort -u
} > "$out"
echo "wrote $out ($(grep -vc '^#' "$out") repositories)"
