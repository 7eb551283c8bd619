#!/usr/bin/env bash
# Builds ArmorBench's Linux packages into target/installers/:
#   armorbench_<version>-1_amd64.deb     always
#   armorbench-<version>-1.x86_64.rpm    where rpmbuild exists (Debian: apt-get install rpm)
#
#   installers/build-packages.sh [--jar PATH]
#
# --jar reuses a jar already built (CI passes the one `./mvnw verify` made); without it the jar is
# built with `./mvnw -DskipTests package`.
#
# jpackage (JDK 17) makes the application image: a Java runtime cut by jlink to the modules jdeps
# finds in the jar, and the native launcher /opt/armorbench/bin/armorbench. The package then gets
# what jpackage cannot place outside /opt, all owned by dpkg/rpm so that removing it leaves nothing:
#   /usr/bin/armorbench                         -> the launcher (the command line; no display needed)
#   /usr/share/applications/dev.armorbench.ArmorBench.desktop
#   /usr/share/icons/hicolor/*/apps/dev.armorbench.ArmorBench.{png,svg}
#   /usr/share/metainfo/dev.armorbench.ArmorBench.metainfo.xml
#   /usr/lib/armorbench/armorbench-load-profile  the root helper that loads a profile (root, 0755)
#   /usr/share/polkit-1/actions/dev.armorbench.load-profile.policy
#
# Needs: a JDK 17 with jpackage and jdeps (openjdk-17-jdk-headless), dpkg-deb and fakeroot (Debian's
# dpkg and fakeroot packages). Prints the packages' sizes and how long the build took.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

jar=""
while (($#)); do
  case $1 in
    --jar) jar=$(realpath "$2"); shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-packages: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

fail() { echo "build-packages: $*" >&2; exit 1; }

for tool in jpackage jdeps dpkg-deb fakeroot; do
  command -v "$tool" >/dev/null || fail "$tool is missing (Debian: apt-get install openjdk-17-jdk-headless dpkg fakeroot)"
done

# The root helper and its polkit action come from the profile-loading work (branch `loader`).
helper=installers/linux/armorbench-load-profile
policy=installers/linux/dev.armorbench.load-profile.policy
for file in "$helper" "$policy"; do
  [[ -f $file ]] || fail "$file is missing: the package installs it so that a normal user can load profiles through pkexec. It is written on branch 'loader' (git merge loader)."
done
grep -q '/usr/lib/armorbench/armorbench-load-profile' "$policy" \
  || fail "$policy does not name /usr/lib/armorbench/armorbench-load-profile, where the package installs the helper"

version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
[[ -n $version ]] || fail "cannot read the project version from pom.xml"
# jpackage takes only numbers for the version: 0.1.0-SNAPSHOT becomes 0.1.0.
package_version=${version%%-*}
metainfo=installers/linux/dev.armorbench.ArmorBench.metainfo.xml
grep -q "<release version=\"$package_version\"" "$metainfo" \
  || fail "$metainfo has no <release version=\"$package_version\" …/>: add the release to it"

if [[ -z $jar ]]; then
  echo "build-packages: building the jar"
  ./mvnw -q -B -DskipTests package
  jar=$PWD/target/armorbench.jar
fi
[[ -f $jar ]] || fail "no jar at $jar"

out=$PWD/target/installers
work=$out/work
rm -rf "$out"
mkdir -p "$work/input" "$out"
cp "$jar" "$work/input/armorbench.jar"

# The runtime holds only the modules the jar uses (jdeps), plus two that are found through service
# lookup and so are invisible to jdeps: jdk.crypto.ec (elliptic-curve TLS, should a tcp:// engine
# need it) and jdk.zipfs (zip file systems). A smaller runtime: a smaller package, a faster start.
modules=$(jdeps --ignore-missing-deps --multi-release 17 --print-module-deps "$work/input/armorbench.jar")
modules="$modules,jdk.crypto.ec,jdk.zipfs"
echo "build-packages: runtime modules $modules"

# What a fresh Debian 12 desktop lacks for the app, found by installing the package into a minimal
# bookworm (installers/find-dependencies.sh). jpackage adds what its runtime's own libraries need
# (libc6, zlib1g, libasound2, libx11-6, …); JavaFX's natives sit inside the jar, where it cannot see.
depends="libgtk-3-0, libxtst6, libgl1, libfreetype6, libfontconfig1, libasound2"

common=(
  --name armorbench
  --app-version "$package_version"
  --vendor "ArmorBench"
  --description "Write, test and tighten AppArmor profiles for Docker containers"
  --input "$work/input"
  --main-jar armorbench.jar
  --main-class dev.armorbench.Main
  --add-modules "$modules"
  --jlink-options "--strip-debug --no-man-pages --no-header-files --strip-native-commands --compress=2"
  --icon assets/icons/armorbench-256.png
  --linux-package-name armorbench
  --linux-app-release 1
  --linux-package-deps "$depends"
  --dest "$work/jpackage"
)

echo "build-packages: jpackage --type deb"
jpackage --type deb --linux-app-category devel "${common[@]}"
jpackage_deb=$(ls "$work"/jpackage/armorbench_*.deb)

# Lays the files outside /opt into a package root ($1).
add_system_files() {
  local root=$1
  install -D -m 0644 installers/linux/dev.armorbench.ArmorBench.desktop "$root/usr/share/applications/dev.armorbench.ArmorBench.desktop"
  install -D -m 0644 "$metainfo" "$root/usr/share/metainfo/dev.armorbench.ArmorBench.metainfo.xml"
  for size in 16 32 48 64 128 256; do
    install -D -m 0644 "assets/icons/armorbench-$size.png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/dev.armorbench.ArmorBench.png"
  done
  install -D -m 0644 assets/armorbench.svg "$root/usr/share/icons/hicolor/scalable/apps/dev.armorbench.ArmorBench.svg"
  install -D -m 0755 "$helper" "$root/usr/lib/armorbench/armorbench-load-profile"
  install -D -m 0644 "$policy" "$root/usr/share/polkit-1/actions/dev.armorbench.load-profile.policy"
  mkdir -p "$root/usr/bin"
  ln -s /opt/armorbench/bin/armorbench "$root/usr/bin/armorbench"
}

# The .deb: jpackage's package, opened, completed, and closed again with dpkg-deb.
root=$work/deb-root
dpkg-deb --raw-extract "$jpackage_deb" "$root"
add_system_files "$root"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
installed_kib=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -i "s/^Installed-Size:.*/Installed-Size: $installed_kib/" "$root/DEBIAN/control"
# Menu and icon caches: the triggers of desktop-file-utils and the icon theme packages refresh
# them when present; no maintainer script is needed for files in the standard places.
deb=$out/$(basename "$jpackage_deb")
fakeroot dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "build-packages: $(basename "$deb") $(du -h "$deb" | cut -f1)"
dpkg-deb --field "$deb" Package Version Depends | sed 's/^/  /'

if command -v rpmbuild >/dev/null; then
  echo "build-packages: jpackage --type rpm"
  jpackage --type rpm --linux-app-category Development/Tools --linux-rpm-license-type "Proprietary" \
    --resource-dir "$work/rpm-resources" "${common[@]}" 2>&1 | tail -5
else
  echo "build-packages: no rpmbuild here, so no .rpm (Debian: apt-get install rpm)"
fi

rm -rf "$work"
echo "build-packages: took $(( $(date +%s) - started )) s"
