#!/usr/bin/env bash
# Container start -> first output of coverage-gate on a small report, median of N runs, with podman and with bwrap
# on the unpacked image. coverage-gate writes its outputs in one go just before it exits, so the figure is the
# wall time of the whole run (start of `podman run`/`bwrap` to exit): an upper bound of the time to first output.
#   bench/startup.sh [N]     (needs image/target/image.tar from `mvn verify`; podman and bwrap)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd -P)"
image="$root/image/target/image.tar"
runs="${1:-20}"
[ -f "$image" ] || { echo "no $image: run mvn -B verify (needs JDK 25 and bwrap)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'podman_cmd system reset --force >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
mkdir -p "$work/ws" "$work/fc" "$work/rootfs"
cp "$root/cli/src/test/resources/coverage-samples/cover.coverpkg.count.out" "$work/ws/coverage.out"

median() { sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "median %.0f ms (min %.0f, max %.0f, n=%d)\n", m, a[1], a[NR], NR }'; }
timed() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "image: $(cat "$root/image/target/image.digest")"

cat > "$work/containers.conf" <<'CONF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
podman_cmd() {
  CONTAINERS_CONF="$work/containers.conf" podman --storage-driver=overlay --root "$work/store" \
    --runroot "$work/run" "$@"
}
if command -v podman >/dev/null; then
  podman_cmd load -q -i "$image" >/dev/null
  ref=ghcr.io/pipewright/pipewright-actions:0.1.0-SNAPSHOT
  podman_run() {
    : > "$work/fc/out"
    podman_cmd run --rm --network=none --workdir /github/workspace \
      -v "$work/ws:/github/workspace" -v "$work/fc:/github/file_commands" \
      -e INPUT_FILES=coverage.out -e INPUT_MIN=60 -e GITHUB_ACTIONS=true -e GITHUB_WORKSPACE=/github/workspace \
      -e GITHUB_OUTPUT=/github/file_commands/out "$ref" coverage-gate
  }
  podman_run >/dev/null 2>&1
  grep -q 68.8 "$work/fc/out" || { echo "podman run wrote no coverage output" >&2; exit 1; }
  for _ in 1 2; do podman_run >/dev/null 2>&1; done
  printf 'podman run (overlay, runc):      '; for _ in $(seq "$runs"); do timed podman_run; done | median
  printf 'podman run, java -version only: '; for _ in $(seq "$runs"); do
    timed podman_cmd run --rm --network=none --entrypoint /opt/java/bin/java "$ref" -XX:AOTCache=/app/pipewright.aot \
      -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -version; done | median
else
  echo "podman not installed: apt-get install podman runc uidmap fuse-overlayfs"
fi

if command -v bwrap >/dev/null; then
  # The entrypoint of the image config, run by hand: bwrap ignores image configs.
  tar -xf "$image" -C "$work"
  manifest="$(grep -o 'sha256:[0-9a-f]*' "$work/index.json" | head -1 | cut -d: -f2)"
  for layer in $(sed 's/.*"layers":\[//' "$work/blobs/sha256/$manifest" | grep -o 'sha256:[0-9a-f]*' | cut -d: -f2); do
    tar -xzf "$work/blobs/sha256/$layer" -C "$work/rootfs" --warning=no-unknown-keyword
  done
  mkdir -p "$work/rootfs/proc" "$work/rootfs/dev" "$work/rootfs/github/workspace" "$work/rootfs/github/file_commands"
  bwrap_run() {
    : > "$work/fc/out"
    bwrap --ro-bind "$work/rootfs" / --proc /proc --dev /dev --tmpfs /tmp --unshare-all --die-with-parent \
      --bind "$work/ws" /github/workspace --bind "$work/fc" /github/file_commands --chdir /github/workspace \
      --clearenv --setenv INPUT_FILES coverage.out --setenv INPUT_MIN 60 --setenv GITHUB_ACTIONS true \
      --setenv GITHUB_WORKSPACE /github/workspace --setenv GITHUB_OUTPUT /github/file_commands/out \
      /opt/java/bin/java "$@" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData \
      @/app/classpath dev.pipewright.action.Entrypoint coverage-gate
  }
  bwrap_run -XX:AOTCache=/app/pipewright.aot >/dev/null 2>&1
  grep -q 68.8 "$work/fc/out" || { echo "bwrap run wrote no coverage output" >&2; exit 1; }
  printf 'bwrap, image with its AOT cache: '; for _ in $(seq "$runs"); do timed bwrap_run -XX:AOTCache=/app/pipewright.aot; done | median
  printf 'bwrap, same without the cache:   '; for _ in $(seq "$runs"); do timed bwrap_run -Xshare:off; done | median
else
  echo "bwrap not installed: apt-get install bubblewrap"
fi
