#!/usr/bin/env bash
# CI's package test: builds the .deb, installs it on this machine with apt-get, starts the installed
# app under Xvfb to its first frame (kept as target/package-test/first-frame.png), runs the installed
# `armorbench lint` on the samples without a display, checks the class-data archive the postinst
# made, then purges the package and checks that none of its files is left. Run as root on Debian 12
# after `./mvnw verify` (it packs target/armorbench.jar; without one it builds it). Prints how long
# each step took.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
started=$(date +%s)
step_started=$started
step() { echo "package-test: $1 ($(( $(date +%s) - step_started )) s)"; step_started=$(date +%s); }
fail() { echo "package-test: FAILED: $*" >&2; exit 1; }

[[ $(id -u) == 0 ]] || fail "must run as root (it installs and removes the package)"

# xvfb + xauth: the display (xvfb-run); binutils: readelf for the package's Depends; the desktop
# libraries the app links against, so the build can name their packages.
packages=(xvfb xauth binutils libgtk-3-0 libgl1 libxxf86vm1 libxtst6)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
step "tools ready"

if dpkg-query -W -f='${Status}' armorbench 2>/dev/null | grep -q "installed"; then
  fail "armorbench is already installed here; this test installs and purges its own build (apt-get purge armorbench first)"
fi

results=$PWD/target/package-test
rm -rf "$results"
mkdir -p "$results"
jar_option=()
[[ -f target/armorbench.jar ]] && jar_option=(--jar target/armorbench.jar)
installers/build-packages.sh "${jar_option[@]}" | tee "$results/build.log"
deb=$(ls target/installers/armorbench_*_amd64.deb)
step "built $(basename "$deb"), $(du -h "$deb" | cut -f1)"

apt-get install -y -qq --no-install-recommends "./$deb" >"$results/install.log" 2>&1 \
  || { cat "$results/install.log"; fail "apt-get install $deb"; }
step "installed"

# What the package promised to put in place.
[[ -L /usr/bin/armorbench && -x /opt/armorbench/bin/armorbench ]] || fail "/usr/bin/armorbench does not lead to the launcher"
helper=/usr/lib/armorbench/armorbench-load-profile
[[ $(stat -c '%U:%G %a' "$helper") == "root:root 755" ]] || fail "$helper is $(stat -c '%U:%G %a' "$helper"), not root:root 755"
for file in /usr/share/applications/dev.armorbench.ArmorBench.desktop \
            /usr/share/metainfo/dev.armorbench.ArmorBench.metainfo.xml \
            /usr/share/icons/hicolor/48x48/apps/dev.armorbench.ArmorBench.png \
            /usr/share/icons/hicolor/scalable/apps/dev.armorbench.ArmorBench.svg \
            /usr/share/polkit-1/actions/dev.armorbench.load-profile.policy; do
  [[ -f $file ]] || fail "$file is missing"
done

# The command line, without a display, on the samples (checked against this machine's
# /etc/apparmor.d, which the apparmor package provides).
samples=$(mktemp -d)
cp samples/*.profile "$samples/"
(cd "$samples" && env -u DISPLAY -u WAYLAND_DISPLAY HOME="$samples" armorbench lint ./*.profile) >"$results/lint.log" 2>&1 \
  || { cat "$results/lint.log"; fail "the installed armorbench lint found errors in the samples"; }
env -u DISPLAY armorbench --version | head -1 | grep -q "^ArmorBench " || fail "armorbench --version"
rm -rf "$samples"
step "installed armorbench lint: $(ls samples/*.profile | wc -l) samples without errors"

# The class-data archive the postinst made from the build's class list, and the launcher able to
# map it: with -Xshare:on a JVM that cannot use its archive stops instead of starting without it.
[[ -s /opt/armorbench/lib/armorbench.classlist ]] || fail "the package has no class list (was xvfb-run missing when it was built?)"
[[ -s /opt/armorbench/lib/armorbench.jsa ]] || fail "the postinst made no class-data archive /opt/armorbench/lib/armorbench.jsa"
env -u DISPLAY JAVA_TOOL_OPTIONS=-Xshare:on armorbench --version >"$results/cds.log" 2>&1 \
  || { cat "$results/cds.log"; fail "the launcher cannot use its class-data archive"; }
step "class-data archive: $(du -h /opt/armorbench/lib/armorbench.jsa | cut -f1) from $(wc -l < /opt/armorbench/lib/armorbench.classlist) listed classes"

# The desktop app under Xvfb, in a home of its own (settings, JavaFX's unpacked natives).
home=$(mktemp -d)
screen=$(mktemp -d)
setsid env HOME="$home" xvfb-run --auto-servernum --server-args="-screen 0 1280x900x24 -fbdir $screen" \
  armorbench >"$results/app.log" 2>&1 &
app=$!
frame_status=0
java .ci/FirstFrame.java "$screen/Xvfb_screen0" "$results/first-frame.png" 120 || frame_status=$?
alive=true
kill -0 "$app" 2>/dev/null || alive=false
# The app and its X server are one process group, started above.
kill -TERM -- "-$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
rm -rf "$home" "$screen"
((frame_status == 0)) || { cat "$results/app.log"; fail "the installed app showed no window (see $results/first-frame.png)"; }
$alive || { cat "$results/app.log"; fail "the installed app exited on its own"; }
if grep -E "Exception|Error:" "$results/app.log"; then
  fail "the installed app reported errors (see $results/app.log)"
fi
step "installed app's first frame: $results/first-frame.png"

# Purge, then nothing of the package may be left.
dpkg-deb --fsys-tarfile "$deb" | tar -t | sed 's:^\./:/:' | grep -v '/$' > "$results/package-files.txt"
apt-get purge -y -qq armorbench >"$results/purge.log" 2>&1 || { cat "$results/purge.log"; fail "apt-get purge armorbench"; }
left=()
while read -r file; do
  [[ -e $file || -L $file ]] && left+=("$file")
done < "$results/package-files.txt"
for dir in /opt/armorbench /usr/lib/armorbench; do
  [[ -e $dir ]] && left+=("$dir")
done
((${#left[@]} == 0)) || fail "left after purge: ${left[*]}"
step "purged; none of its $(wc -l < "$results/package-files.txt") files left"

echo "package-test: passed in $(( $(date +%s) - started )) s"
