#!/usr/bin/env bash
# Two builds of one commit must give the same jars (reproducible builds: project.build.outputTimestamp in the parent
# POM fixes the entries' times, the shade and jar plugins sort entries). Builds the commit twice from fresh clones, the
# second in another time zone and locale, at a later clock time, then compares every jar (and the
# image's layer tarballs when the image module built them) byte for byte. On a difference it names the jar and the
# entries whose contents differ, so the cause can be found. Both builds use umask 022: the jar plugin records each
# directory entry's mode from the file system (measured: under umask 077 every directory entry of every jar became
# drwx------, contents identical); release builds run with the usual 022.
#   tools/reproducible.sh [COMMIT]        default HEAD; offline Maven (-o) when OFFLINE=1
# Exit 0: identical; 1: a difference; 2: usage; 3: a build failed.
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)
COMMIT=$(git -C "$ROOT" rev-parse --verify "${1:-HEAD}^{commit}") || { echo "reproducible: not a commit: ${1:-HEAD}" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mvn_flags=(-B -ntp -q -DskipTests package)
[ "${OFFLINE:-0}" = 1 ] && mvn_flags=(-o "${mvn_flags[@]}")

build() { # build NAME TZ UMASK LANG
  local dir=$WORK/$1
  git clone -q --no-hardlinks "$ROOT" "$dir"
  git -C "$dir" checkout -q "$COMMIT"
  echo "reproducible: build $1 of ${COMMIT:0:12} (TZ=$2, umask $3, LANG=$4)" >&2
  if ! (cd "$dir" && umask "$3" && TZ=$2 LANG=$4 LC_ALL=$4 mvn "${mvn_flags[@]}" >"$WORK/$1.log" 2>&1); then
    tail -n 30 "$WORK/$1.log" >&2
    echo "reproducible: build $1 failed" >&2
    exit 3
  fi
  (cd "$dir" && find . -path ./.git -prune -o -path '*/target/*' \( -name '*.jar' -o -name '*.tar' \) -print \
      | grep -v '/target/.*/' | sort)
}

build one UTC 022 C.UTF-8 >"$WORK/one.list"
sleep 2 # a later clock: a time stamp that leaks into an entry shows as a difference
build two Pacific/Auckland 022 en_US.UTF-8 >"$WORK/two.list"
if ! cmp -s "$WORK/one.list" "$WORK/two.list"; then
  echo "reproducible: the two builds made different sets of files:" >&2
  diff "$WORK/one.list" "$WORK/two.list" >&2 || true
  exit 1
fi
differ=0
count=0
while read -r f; do
  count=$((count + 1))
  if cmp -s "$WORK/one/$f" "$WORK/two/$f"; then
    continue
  fi
  differ=1
  echo "reproducible: ${f#./} differs" >&2
  case $f in
    *.jar)
      # the entries whose bytes differ (unzip -v lists each entry's CRC-32)
      diff <(unzip -v "$WORK/one/$f" | awk 'NR > 3 { print $7, $8 }') \
           <(unzip -v "$WORK/two/$f" | awk 'NR > 3 { print $7, $8 }') | sed -n 's/^[<>] /  /p' | sort -k2 | head -n 20 >&2 || true
      ;;
  esac
done <"$WORK/one.list"
if [ "$differ" = 0 ]; then
  echo "reproducible: ${COMMIT:0:12}: $count files, byte-identical in both builds"
fi
exit "$differ"
