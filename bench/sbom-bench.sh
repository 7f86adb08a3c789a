#!/usr/bin/env bash
# Whole-process time of `pipewright sbom` vs OWASP cdxgen on the largest reference lockfile of each
# ecosystem plus a synthetic 5,000-package package-lock.json; median of RUNS runs, same machine, same run.
#
#   bench/sbom-bench.sh                 # needs ../shared/reference/lockfiles, node + npm for cdxgen
#   RUNS=5 CDXGEN=/path/to/cdxgen bench/sbom-bench.sh
#
# cdxgen runs offline exactly as in shared/reference/lockfiles-peer/README.md (no external commands, no hosts).
# It is installed once into $CDXGEN_HOME (default ${TMPDIR:-/tmp}/pipewright-bench-cdxgen) from the npm registry.
set -euo pipefail

repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)"
shared="${SHARED:-$repo/../shared}"
[ -d "$shared/reference/lockfiles" ] || shared="$(git -C "$repo" worktree list --porcelain | awk '/^worktree /{print $2; exit}')/../shared"
lockfiles="$shared/reference/lockfiles"
[ -d "$lockfiles" ] || { echo "sbom-bench: $lockfiles not found; set SHARED=/path/to/shared" >&2; exit 2; }
runs="${RUNS:-3}"
cdxgen_version=12.8.4
cdxgen_home="${CDXGEN_HOME:-${TMPDIR:-/tmp}/pipewright-bench-cdxgen}"
cdxgen="${CDXGEN:-$cdxgen_home/node_modules/.bin/cdxgen}"
if [ ! -x "$cdxgen" ] && command -v npm >/dev/null 2>&1; then
  echo "sbom-bench: installing @cyclonedx/cdxgen@$cdxgen_version into $cdxgen_home" >&2
  mkdir -p "$cdxgen_home"
  npm install --prefix "$cdxgen_home" --no-audit --no-fund --ignore-scripts "@cyclonedx/cdxgen@$cdxgen_version" >&2 || true
fi
[ -x "$cdxgen" ] || { echo "sbom-bench: cdxgen not available; timing pipewright only" >&2; cdxgen=""; }

"$repo/pipewright" --version >/dev/null   # build the CLI once, outside the timings
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# <ecosystem> <file under lockfiles/> <name cdxgen and we look for> <cdxgen -t>
cases=(
  "go      go/anchore__syft__go.mod                         go.mod             go"
  "npm     npm/withastro__astro__pnpm-lock.yaml             pnpm-lock.yaml     js"
  "npm     npm/microsoft__playwright__package-lock.json     package-lock.json  js"
  "python  python/pydantic__pydantic__uv.lock               uv.lock            python"
  "rust    rust/denoland__deno__Cargo.lock                  Cargo.lock         rust"
  "java    java/spdx__tools-java__pom.xml                   pom.xml            java"
  "npm     synthetic-5000                                   package-lock.json  js"
)

synthetic() { # a lockfileVersion 3 package-lock.json with 5,000 distinct packages, each depending on the next
  python3 - "$1" <<'PY'
import json, sys
n = 5000
pk = {"": {"name": "synthetic", "version": "1.0.0", "dependencies": {"pkg-0": "^1.0.0"}}}
for i in range(n):
    e = {"version": "1.0.%d" % i, "resolved": "https://registry.npmjs.org/pkg-%d/-/pkg-%d-1.0.%d.tgz" % (i, i, i),
         "integrity": "sha512-" + "A" * 86 + "=="}
    if i + 1 < n:
        e["dependencies"] = {"pkg-%d" % (i + 1): "^1.0.0"}
    pk["node_modules/pkg-%d" % i] = e
json.dump({"name": "synthetic", "version": "1.0.0", "lockfileVersion": 3, "requires": True, "packages": pk},
          open(sys.argv[1], "w"), indent=2)
PY
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Prints the seconds a command took, or "exit N" when it failed: a crashed run is reported as a crash, never timed.
seconds() {
  local s e rc=0
  s=$(date +%s.%N); "$@" >/dev/null 2>"$scratch/stderr" || rc=$?; e=$(date +%s.%N)
  if [ "$rc" -ne 0 ]; then echo "exit $rc"; else echo "$e - $s" | bc; fi
}
# The median of the timings, or the first failure when any run failed.
summarise() {
  local all; all=$(cat)
  if grep -q '^exit' <<<"$all"; then grep -m1 '^exit' <<<"$all"; else median <<<"$all"; fi
}
components() { python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1])).get("components", [])))' "$1"; }

failures=0
printf '%-7s %-45s %9s %9s %10s %12s %7s\n' ecosystem lockfile ours theirs pipewright cdxgen ratio
for c in "${cases[@]}"; do
  read -r eco file name type <<<"$c"
  dir="$scratch/$(basename "$file")"
  mkdir -p "$dir"
  if [ "$file" = synthetic-5000 ]; then synthetic "$dir/$name"; else cp "$lockfiles/$file" "$dir/$name"; fi
  [ "$name" = go.mod ] && cp "$lockfiles/${file%go.mod}go.sum" "$dir/go.sum"
  ours=$(for _ in $(seq "$runs"); do seconds "$repo/pipewright" sbom --path "$dir" --format cyclonedx-json \
           --output "$scratch/ours.json" --include-dev true; done | summarise)
  if [[ "$ours" == exit* ]]; then
    printf '%-7s %-45s   pipewright FAILED (%s): %s\n' "$eco" "$(basename "$file")" "$ours" "$(head -n 1 "$scratch/stderr")"
    failures=$((failures + 1))
    continue
  fi
  count=$(components "$scratch/ours.json")
  theirs="-"; ratio="-"; theirs_count="-"
  if [ -n "$cdxgen" ]; then
    extra=()
    theirs=$(for _ in $(seq "$runs"); do (cd "$dir" && seconds env -i PATH="$PATH" HOME="$scratch" TMPDIR="$scratch" \
               FETCH_LICENSE=false CDXGEN_FETCH_PKG_METADATA=false GO_FETCH_VCS=false \
               CDXGEN_ALLOWED_HOSTS=offline.invalid CDXGEN_ALLOWED_COMMANDS=none \
               "$cdxgen" -t "$type" --no-install-deps --no-babel --spec-version 1.6 --no-recurse \
               -o "$scratch/theirs.json" .); done | summarise)
    if [[ "$theirs" == exit* ]]; then
      # A peer that crashes has no time to compare with: say so instead of timing its error path.
      theirs="crash ($theirs)"; ratio="-"
      echo "cdxgen on $(basename "$file"): $(grep -m1 -iE 'error|exception' "$scratch/stderr" || head -n 1 "$scratch/stderr")" >&2
    elif [ ! -s "$scratch/theirs.json" ]; then
      theirs="no output"; ratio="-"
    else
      theirs_count=$(components "$scratch/theirs.json")
      ratio=$(echo "scale=1; $theirs / $ours" | bc | sed 's/^\./0./')x
      theirs=$(printf '%.2fs' "$theirs")
    fi
    rm -f "$scratch/theirs.json"
  fi
  printf '%-7s %-45s %9s %9s %9.2fs %12s %7s\n' "$eco" "$(basename "$file")" "$count" "$theirs_count" "$ours" "$theirs" "$ratio"
done
[ "$failures" -eq 0 ] || { echo "sbom-bench: $failures pipewright run(s) failed" >&2; exit 1; }
