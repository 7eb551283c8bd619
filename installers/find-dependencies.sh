#!/usr/bin/env bash
# Checks the package's Depends against a minimal Debian 12: installs target/installers/armorbench_*.deb
# with apt-get into a fresh bookworm (debootstrap --variant=minbase, from this machine's Debian
# mirror; cached in ~/.cache/armorbench/pkg-chroot, each run on a throw-away overlay), then
#   - lists every shared library that the launcher, the runtime or JavaFX's natives cannot find,
#   - runs the installed command line (no display),
#   - starts the installed app under Xvfb and keeps its first frame in target/find-dependencies/.
# A missing library or a blank screen means Depends lacks a package. Run as root after
# installers/build-packages.sh; needs debootstrap. Takes a few minutes (the first run longer).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
fail() { echo "find-dependencies: $*" >&2; exit 1; }
[[ $(id -u) == 0 ]] || fail "must run as root (debootstrap, chroot, mounts)"
command -v debootstrap >/dev/null || fail "debootstrap is missing (apt-get install debootstrap)"
deb=$(ls target/installers/armorbench_*_amd64.deb 2>/dev/null | head -1)
[[ -n $deb ]] || fail "no package in target/installers: run installers/build-packages.sh first"
results=$PWD/target/find-dependencies
rm -rf "$results"
mkdir -p "$results"

base=${HOME}/.cache/armorbench/pkg-chroot
if [[ ! -f $base/etc/debian_version ]]; then
  # The Debian mirror this machine installs from (deb822 or one-line sources).
  mirror=$(grep -rhoE 'https?://[^ ]*debian/?' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
    | grep -v security | head -1)
  [[ -n $mirror ]] || fail "no Debian mirror in /etc/apt/sources.list*"
  echo "find-dependencies: debootstrap bookworm from $mirror (once)"
  rm -rf "$base"
  debootstrap --variant=minbase bookworm "$base" "$mirror" >"$results/debootstrap.log" 2>&1 \
    || { tail -20 "$results/debootstrap.log"; fail "debootstrap failed"; }
fi

scratch=$(mktemp -d /var/tmp/armorbench-find-deps.XXXXXX)
root=$scratch/root
mkdir -p "$scratch/upper" "$scratch/work" "$root"
mount -t overlay overlay -o "lowerdir=$base,upperdir=$scratch/upper,workdir=$scratch/work" "$root"
app=""
cleanup() {
  [[ -n $app ]] && kill -TERM -- "-$app" 2>/dev/null
  for mount in "$root/var/cache/apt/archives" "$root/dev" "$root/sys" "$root/proc" "$root"; do
    umount -R "$mount" 2>/dev/null || true
  done
  rm -rf "$scratch"
}
trap cleanup EXIT
mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --rbind /dev "$root/dev"
# Reuse this machine's downloaded packages.
mount --bind /var/cache/apt/archives "$root/var/cache/apt/archives"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/armorbench.deb"
in_root() { chroot "$root" env DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 "$@"; }

in_root apt-get update -qq
in_root apt-get install -y -qq --no-install-recommends /tmp/armorbench.deb >"$results/install.log" 2>&1 \
  || { tail -20 "$results/install.log"; fail "apt-get install of the package failed in a minimal bookworm"; }
echo "find-dependencies: installed with $(grep -c '^Setting up' "$results/install.log") packages"

# Libraries nobody provides: the image's ELF files and the natives the jar unpacks at run time.
mkdir -p "$root/tmp/natives"
(cd "$root/tmp/natives" && unzip -qo "$root/opt/armorbench/lib/app/armorbench.jar" 'lib*.so' 'com/sun/jna/linux-x86-64/*')
in_root sh -c 'find /opt/armorbench /tmp/natives -type f \( -name "*.so" -o -perm -u+x \) | while read -r f; do
    LD_LIBRARY_PATH=/opt/armorbench/lib/runtime/lib:/opt/armorbench/lib/runtime/lib/server ldd "$f" 2>/dev/null \
      | grep "not found" | sed "s|^|$f: |"; done' | sort -u > "$results/missing-libraries.txt"
if [[ -s $results/missing-libraries.txt ]]; then
  cat "$results/missing-libraries.txt"
  fail "libraries missing after installing the package: Depends lacks their packages"
fi
echo "find-dependencies: every library the app links against is there"

printf 'profile sample {\n  /etc/hostname r,\n}\n' > "$root/tmp/sample.profile"
in_root env -u DISPLAY HOME=/tmp armorbench --version
in_root env -u DISPLAY HOME=/tmp armorbench lint /tmp/sample.profile || fail "armorbench lint failed"
echo "find-dependencies: the command line works without a display"

# The display is not the app's dependency: install it only now, after the library check.
in_root apt-get install -y -qq --no-install-recommends xvfb xauth >"$results/xvfb.log" 2>&1 \
  || { tail -20 "$results/xvfb.log"; fail "cannot install xvfb in the chroot"; }
mkdir -p "$root/tmp/screen" "$root/tmp/home"
setsid chroot "$root" env HOME=/tmp/home xvfb-run --auto-servernum \
  --server-args="-screen 0 1280x900x24 -fbdir /tmp/screen" armorbench >"$results/app.log" 2>&1 &
app=$!
java .ci/FirstFrame.java "$root/tmp/screen/Xvfb_screen0" "$results/first-frame.png" 120 \
  || { cat "$results/app.log"; fail "the app showed no window in a minimal bookworm"; }
kill -0 "$app" 2>/dev/null || { cat "$results/app.log"; fail "the app exited on its own"; }
cat "$results/app.log"
echo "find-dependencies: done in $(( $(date +%s) - started )) s; first frame in $results/first-frame.png"
