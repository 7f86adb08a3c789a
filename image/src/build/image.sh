#!/usr/bin/env bash
# Stages and trains the action image's contents; Jib (image/pom.xml) turns them into the OCI tarball.
#
#   image.sh stage JARS ROOT REQUIRED  the image's layers as directories under ROOT, one per layer, most stable
#                                      first: runtime/ (jlink'd JDK 25 at /opt/java, its shared libraries, /tmp,
#                                      /etc/passwd), dependencies/ (JARS/dependencies, third-party jars, at
#                                      /app/lib), classes/ (JARS/pipewright, our own jars, at /app/pipewright, and
#                                      /app/classpath, the java argument file naming every jar). When a prerequisite
#                                      is missing it writes the reason to target/image-skipped.txt and exits 0 (or 1
#                                      when REQUIRED is true), and the image build and test skip.
#   image.sh train TAR ROOT COPY       unpacks the untrained image TAR, trains the AOT cache inside it with bwrap
#                                      (so the cache matches the files exactly as the image has them, mtimes
#                                      included) and adds it to ROOT as aot/app/pipewright.aot; COPY gets a copy of
#                                      ROOT with the cache of a second, independent training: building an image
#                                      from each and comparing the digests proves the image is reproducible.
#   image.sh vary ROOT CHANGED         CHANGED/classes: ROOT/classes with one class added to the actions' jar, the
#                                      smallest change to our own code, to show which layers a release re-pulls.
#
# Why not -XX:AOTCacheOutput: JDK 25 writes a different cache on every run (method profiles, heap object
# headers), so the image digest would change with every build; -XX:+AOTClassLinking alone still leaves ~60 bytes
# of archived heap headers differing. A static archive (-Xshare:dump) of the class list the training loaded
# (sorted, ids and resolved-constant-pool hints dropped) is byte-identical from run to run; the JVM maps it with
# -XX:AOTCache like any AOT cache. bench/README.md has the startup figures of each variant.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
module="$(cd "$here/../.." && pwd -P)"
target="$module/target"

# The JVM flags of the image's entrypoint; training and dump must use the same ones or the cache is refused.
JVM_FLAGS=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData)
MAIN=dev.pipewright.action.Entrypoint

log() { echo "[image] $*" >&2; }

jdk25() {
  local c
  for c in "${JDK25_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$c" ] && [ -x "$c/bin/jlink" ] && [ -f "$c/release" ] || continue
    local v
    v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$c/release")"
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then
      echo "$c"
      return 0
    fi
  done
  return 1
}

# The action runtime's jar (the entrypoint's) among our jars.
actions_jar() {
  compgen -G "$1/pipewright/pipewright-actions-*.jar" | head -1
}

missing() {
  local jars="$1"
  [ "$(uname -sm)" = "Linux x86_64" ] || { echo "the image is linux/amd64 and this is $(uname -sm)"; return; }
  [ -n "$(actions_jar "$jars")" ] || { echo "$jars/pipewright has no pipewright-actions jar (build with: mvn -pl image -am package)"; return; }
  jdk25 >/dev/null || { echo "no JDK 25+ with jlink (set JDK25_HOME; CI uses /usr/lib/jvm/temurin-25-jdk-amd64)"; return; }
  command -v ldd >/dev/null || { echo "ldd is missing (Debian package libc-bin)"; return; }
  command -v bwrap >/dev/null || { echo "bwrap is missing (apt-get install bubblewrap); the AOT cache is trained inside the image with it"; return; }
  bwrap --ro-bind / / --proc /proc --dev /dev --unshare-all true 2>/dev/null \
    || { echo "bwrap cannot create namespaces here (try: sysctl kernel.unprivileged_userns_clone=1, or run as root)"; return; }
}

stage() {
  local jars="$1" root="$2" required="${3:-false}"
  rm -rf "$root" "$target/image-skipped.txt"
  local why
  why="$(missing "$jars")"
  if [ -n "$why" ]; then
    mkdir -p "$target"
    echo "$why" > "$target/image-skipped.txt"
    if [ "$required" = "true" ]; then
      log "ERROR: cannot build the action image: $why"
      exit 1
    fi
    log "SKIPPED: the action image is not built: $why"
    return 0
  fi
  local jdk
  jdk="$(jdk25)"
  log "staging with $jdk"
  local runtime="$root/runtime" deps="$root/dependencies" classes="$root/classes"
  # Ours first on the class path: the action runtime, then our libraries, then the third-party jars, each group in
  # name order (sorted with LC_ALL=C) so the argument file is the same every build.
  local ours theirs
  ours="$(actions_jar "$jars"; compgen -G "$jars/pipewright/*.jar" | grep -v '/pipewright-actions-' | LC_ALL=C sort)"
  theirs="$(compgen -G "$jars/dependencies/*.jar" | LC_ALL=C sort || true)"
  # Modules the jars need (jdeps), plus java.logging for github-api's logger (found only at run time).
  local modules
  # shellcheck disable=SC2086
  modules="$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 $ours $theirs),java.logging"
  mkdir -p "$runtime/opt" "$runtime/tmp" "$runtime/etc" "$runtime/github/workspace" "$deps/app/lib" "$classes/app/pipewright"
  # No --compress: jlink's compression makes the gzip'd layer bigger and startup slower.
  # The display and sound libraries of java.desktop cannot work in a headless container and would pull in X11.
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --exclude-files='glob:**/libawt_xawt.so,glob:**/libjawt.so,glob:**/libsplashscreen.so,glob:**/libjsound.so' --output "$runtime/opt/java"
  # The JVM's own CDS archives are superseded by the image's AOT cache.
  rm -f "$runtime"/opt/java/lib/server/*.jsa
  local jar cp=""
  for jar in $ours; do
    cp "$jar" "$classes/app/pipewright/"
    cp="$cp:/app/pipewright/$(basename "$jar")"
  done
  for jar in $theirs; do
    cp "$jar" "$deps/app/lib/"
    cp="$cp:/app/lib/$(basename "$jar")"
  done
  printf -- '-cp %s\n' "${cp#:}" > "$classes/app/classpath"
  # Every shared library the runtime links, from the build machine, at the same paths (ld.so finds them there).
  local lib
  find "$runtime/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 | xargs -0 ldd 2>/dev/null \
    | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' | sort -u | while read -r lib; do
      case "$lib" in "$runtime"/*) continue ;; esac
      mkdir -p "$runtime$(dirname "$lib")"
      cp -L "$lib" "$runtime$lib"
    done
  printf 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n' > "$runtime/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$runtime/etc/group"
  log "staged $(du -sh "$runtime" | cut -f1) runtime, $(du -sh "$deps" | cut -f1) dependencies, $(du -sh "$classes" | cut -f1) classes in $root ($modules)"
}

unpack() {
  local tar="$1" rootfs="$2" tmp
  tmp="$(mktemp -d)"
  tar -xf "$tar" -C "$tmp"
  rm -rf "$rootfs"
  mkdir -p "$rootfs"
  # OCI layout: index.json names the manifest, whose "layers" list the gzip'd layer blobs, base first.
  local manifest layers layer
  manifest="$(grep -o '"digest":"sha256:[0-9a-f]*"' "$tmp/index.json" | head -1 | sed 's/.*sha256:\([0-9a-f]*\)"/\1/')"
  layers="$(sed 's/.*"layers":\[//' "$tmp/blobs/sha256/$manifest" | grep -o 'sha256:[0-9a-f]*' | cut -d: -f2)"
  [ -n "$layers" ] || { log "no layers in $tar"; exit 1; }
  for layer in $layers; do
    tar -xzf "$tmp/blobs/sha256/$layer" -C "$rootfs" --no-same-owner --warning=no-unknown-keyword
  done
  rm -rf "$tmp"
}

# Runs the image's java inside ROOTFS the way the container does: only the image's files, /github/workspace.
in_image() {
  local rootfs="$1" work="$2" out="$3"
  shift 3
  mkdir -p "$rootfs/github/workspace" "$rootfs/aot"
  bwrap --bind "$rootfs" / --proc /proc --dev /dev --tmpfs /tmp --unshare-all --die-with-parent \
    --bind "$work" /github/workspace --bind "$out" /aot --chdir /github/workspace \
    --clearenv --setenv GITHUB_WORKSPACE /github/workspace --setenv GITHUB_OUTPUT /aot/output \
    --setenv GITHUB_STEP_SUMMARY /aot/summary --setenv RUNNER_TEMP /aot --setenv GITHUB_ACTIONS true \
    "$@"
}

# One training: class lists of representative runs, merged deterministically, then the static AOT dump.
train_one() {
  local rootfs="$1" dest="$2" label="$3" work out
  work="$(mktemp -d)"
  out="$(mktemp -d)"
  cp "$module"/src/train/* "$work/"
  echo "80" > "$work/base.txt"
  local java=(/opt/java/bin/java "${JVM_FLAGS[@]}" @/app/classpath)
  # A Go gate (the common case) and every other format with every gate, so each parser and template is loaded.
  in_image "$rootfs" "$work" "$out" --setenv INPUT_FILES cover.coverpkg.count.out --setenv INPUT_MIN 60 \
    "${java[@]}" -XX:DumpLoadedClassList=/aot/go.classlist "$MAIN" coverage-gate >/dev/null
  in_image "$rootfs" "$work" "$out" \
    --setenv INPUT_FILES $'jacoco.xml\nrun1.info\ncobertura.xml\ncoverage.json' --setenv INPUT_MIN 99 \
    --setenv INPUT_RULES 'pkg/**: 50' --setenv INPUT_BASE-FILE base.txt --setenv INPUT_MAX-DROP 1 \
    --setenv INPUT_DIFF-FILE patch.diff --setenv INPUT_PATCH-MIN 90 \
    "${java[@]}" -XX:DumpLoadedClassList=/aot/all.classlist "$MAIN" coverage-gate >/dev/null || true
  grep -q '^passed' "$out/output" || { log "training run wrote no outputs"; exit 1; }
  # Sorted and without the ids and @cp (resolved constant pool) hints, which vary with thread timing.
  {
    echo "# Classes loaded by coverage-gate training runs in the image (image/src/build/image.sh)."
    cat "$out"/*.classlist | grep -v '^[#@]' | sed 's/ id: [0-9]*$//' | LC_ALL=C sort -u
    cat "$out"/*.classlist | grep '^@' | grep -v '^@cp ' | LC_ALL=C sort -u
  } > "$out/classlist"
  in_image "$rootfs" "$work" "$out" "${java[@]}" -Xshare:dump \
    -XX:SharedClassListFile=/aot/classlist -XX:SharedArchiveFile=/aot/pipewright.aot > "$out/dump.log" 2>&1 \
    || { cat "$out/dump.log" >&2; exit 1; }
  mkdir -p "$(dirname "$dest")"
  cp "$out/pipewright.aot" "$dest"
  # Kept beside the build output, not in the image, to see what the training loaded.
  cp "$out/classlist" "$target/$label.classlist"
  rm -rf "$work" "$out"
}

train() {
  local tar="$1" root="$2" copy="$3"
  local rootfs="$target/image-unpacked"
  unpack "$tar" "$rootfs"
  rm -rf "$copy"
  cp -a "$root" "$copy"
  for root in "$root" "$copy"; do
    train_one "$rootfs" "$root/aot/app/pipewright.aot" "$(basename "$root")"
    log "trained $(du -h "$root/aot/app/pipewright.aot" | cut -f1) AOT cache into $root ($(sha256sum < "$root/aot/app/pipewright.aot" | cut -c1-12))"
  done
}

vary() {
  local root="$1" changed="$2" jdk src
  jdk="$(jdk25)"
  rm -rf "$changed"
  mkdir -p "$changed"
  cp -a "$root/classes" "$changed/classes"
  src="$(mktemp -d)"
  mkdir -p "$src/dev/pipewright/action"
  printf 'package dev.pipewright.action;\n\n/** Added by image.sh vary. */\nfinal class LayerProbe {}\n' \
    > "$src/dev/pipewright/action/LayerProbe.java"
  "$jdk/bin/javac" --release 17 -d "$src" "$src/dev/pipewright/action/LayerProbe.java"
  "$jdk/bin/jar" --update --file "$(actions_jar "$changed/classes/app")" -C "$src" dev/pipewright/action/LayerProbe.class
  rm -rf "$src"
  log "varied the classes layer into $changed"
}

case "${1:-}" in
  stage) shift; stage "$@" ;;
  train) shift; train "$@" ;;
  vary) shift; vary "$@" ;;
  *) echo "usage: image.sh stage JARS ROOT [REQUIRED] | train TAR ROOT COPY | vary ROOT CHANGED" >&2; exit 2 ;;
esac
