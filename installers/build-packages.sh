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
# finds in the jar, and the native launcher /opt/armorbench/bin/armorbench. dpkg-deb then packs it
# with what jpackage 17 cannot place outside /opt, every file owned by the package so that removing
# it leaves nothing behind:
#   /usr/bin/armorbench                         -> the launcher (the command line; no display needed)
#   /usr/share/applications/dev.armorbench.ArmorBench.desktop
#   /usr/share/icons/hicolor/*/apps/dev.armorbench.ArmorBench.{png,svg}
#   /usr/share/metainfo/dev.armorbench.ArmorBench.metainfo.xml
#   /usr/lib/armorbench/armorbench-load-profile  the root helper that loads a profile (root, 0755)
#   /usr/share/polkit-1/actions/dev.armorbench.load-profile.policy
# and the maintainer scripts that make and remove /opt/armorbench/lib/armorbench.jsa (see postinst).
#
# Why not `jpackage --type deb`: its package holds only /opt, its maintainer scripts call
# xdg-desktop-menu (which failed in a minimal Debian 12, leaving the package half-configured), and
# opening and re-closing its .deb to add the files above cost a second xz pass (620 s in all on the
# loaded 2-core CI machine).
#
# Depends: the Debian packages holding every shared library that the launcher, the runtime and
# JavaFX's natives (inside the jar) link against, looked up on this machine (readelf, ldconfig,
# dpkg-query), the way jpackage and dpkg-shlibdeps do it; checked by installing the package into a
# minimal Debian 12 (installers/find-dependencies.sh).
#
# Needs: a JDK 17 with jpackage and jdeps (openjdk-17-jdk-headless), dpkg-deb, readelf (binutils),
# and the desktop libraries the app links against (libgtk-3-0, libgl1, libxxf86vm1, libxtst6) so
# their packages can be named; xvfb-run (xvfb, xauth) to list the classes a start loads, for the
# class-data archive the package makes when installed (without it the package has none, and the app
# starts about 0.8 s slower). Prints the package's size and how long each step took.
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

# The project has no public contact address yet; Debian requires the field.
maintainer="ArmorBench maintainers <armorbench@invalid>"
# zstd: 2 s and 56 MB where xz takes 5 minutes on the loaded 2-core CI machine for 53 MB (the jar
# and the jlink'd modules are compressed already). dpkg reads zstd since Debian 12 and Ubuntu 21.10;
# ARMORBENCH_DEB_COMPRESSION=xz builds a package older dpkg versions can read.
compression=${ARMORBENCH_DEB_COMPRESSION:-zstd}

for tool in jpackage jdeps jar dpkg-deb readelf ldconfig; do
  command -v "$tool" >/dev/null || fail "$tool is missing (Debian: apt-get install openjdk-17-jdk-headless dpkg binutils libc-bin)"
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

# The desktop entry and the metainfo, checked by their reference tools where installed (Debian:
# desktop-file-utils, appstream); a hint is fine, an error stops the build.
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate installers/linux/dev.armorbench.ArmorBench.desktop | grep -v ': hint: ' >&2 && fail "the desktop entry is not valid"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$metainfo" >/dev/null || { appstreamcli validate --no-net "$metainfo" >&2; fail "$metainfo is not valid"; }
fi

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
step_started=$(date +%s)
step() { echo "build-packages: $1 ($(( $(date +%s) - step_started )) s)"; step_started=$(date +%s); }

# The runtime holds only the modules the jar uses (jdeps), plus two that are found through service
# lookup and so are invisible to jdeps: jdk.crypto.ec (elliptic-curve TLS, should a tcp:// engine
# need it) and jdk.zipfs (zip file systems). A smaller runtime: a smaller package, a faster start.
modules=$(jdeps --ignore-missing-deps --multi-release 17 --print-module-deps "$work/input/armorbench.jar")
modules="$modules,jdk.crypto.ec,jdk.zipfs"
step "runtime modules: $modules"

jpackage --type app-image \
  --name armorbench \
  --app-version "$package_version" \
  --vendor "ArmorBench" \
  --description "Write, test and tighten AppArmor profiles for Docker containers" \
  --input "$work/input" \
  --main-jar armorbench.jar \
  --main-class dev.armorbench.Main \
  --add-modules "$modules" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files --strip-native-commands --compress=2" \
  --java-options '-XX:SharedArchiveFile=$APPDIR/../armorbench.jsa' \
  --dest "$work/image"
image=$work/image/armorbench
step "jpackage: application image $(du -sh "$image" | cut -f1)"

# The classes a start loads, listed by starting the image once under Xvfb until its window has been
# drawn (armorbench.exitWhenShown). The installed package makes its class-data archive from this
# list (installers/linux/postinst; the launcher maps it through -XX:SharedArchiveFile above, and
# starts as before when it is missing): the classes are then parsed and laid out once at install,
# not at every start. Not made here because the archive names the jar by its installed path.
classlist=$image/lib/armorbench.classlist
if command -v xvfb-run >/dev/null; then
  list_home=$(mktemp -d)
  if HOME=$list_home timeout 180 xvfb-run --auto-servernum \
      env JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$classlist -Darmorbench.exitWhenShown=true" \
      "$image/bin/armorbench" >"$work/classlist.log" 2>&1 && [[ -s $classlist ]]; then
    step "class list: $(wc -l < "$classlist") classes loaded by a start"
  else
    rm -f "$classlist"
    echo "build-packages: the image did not start under Xvfb (see below), so no class list: the installed app starts without its class-data archive" >&2
    tail -20 "$work/classlist.log" >&2
  fi
  rm -rf "$list_home"
else
  echo "build-packages: no xvfb-run here, so no class list: the installed app starts without its class-data archive (apt-get install xvfb xauth)" >&2
fi

# The Debian packages that hold the shared libraries the given ELF files link against. A library
# the image brings itself (libjvm.so, JavaFX's own) needs no package; one this machine lacks stops
# the build, since a package cannot be named for it.
library_packages() {
  local own soname path
  local -a paths=()
  own=$(find "$image" "$work/natives" -name '*.so*' -printf '%f\n' | sort -u)
  local libraries
  libraries=$(ldconfig -p)
  while read -r soname; do
    grep -qxF "$soname" <<<"$own" && continue
    path=$(awk -v name="$soname" '$1 == name && /x86-64/ { print $NF; exit }' <<<"$libraries")
    [[ -n $path ]] || fail "$soname, needed by the app, is not installed here: install it so its package can be named"
    paths+=("$path")
  done < <(readelf --dynamic "$@" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)
  # With /lib merged into /usr/lib, ldconfig may name either spelling while dpkg knows the one the
  # package shipped: ask for both. One dpkg-query for all (each call reads the whole database);
  # its lines are "PACKAGE[:ARCH]: PATH".
  local -a spellings=()
  for path in "${paths[@]}"; do
    spellings+=("$path")
    case $path in
      /usr/lib/*) spellings+=("${path#/usr}") ;;
      /lib/*) spellings+=("/usr$path") ;;
    esac
  done
  local owners owned
  owners=$(dpkg-query --search "${spellings[@]}" 2>/dev/null | grep -v '^diversion ' || true)
  owned=$(sed 's/.*: //' <<<"$owners")
  for path in "${paths[@]}"; do
    grep -qxF -e "${path#/usr}" -e "/usr${path#/usr}" <<<"$owned" || fail "no Debian package owns $path"
  done
  cut -d: -f1 <<<"$owners" | sort -u
}
# JavaFX's natives and JNA's (docker-java) for this platform are inside the jar, unpacked at run time.
mkdir -p "$work/natives"
(cd "$work/natives" && jar xf "$work/input/armorbench.jar" $(jar tf "$work/input/armorbench.jar" | grep -E '^lib[^/]*\.so$|^com/sun/jna/linux-x86-64/.*\.so$'))
mapfile -t elf_files < <(find "$image" "$work/natives" -type f \( -name '*.so' -o -perm -u+x \) -exec sh -c 'head -c4 "$1" | grep -q ELF' _ {} \; -print)
depends=$(library_packages "${elf_files[@]}" | paste -sd, | sed 's/,/, /g')
step "Depends: $depends"

# The package's files.
root=$work/deb-root
mkdir -p "$root/opt" "$root/DEBIAN"
cp -a "$image" "$root/opt/armorbench"
install -D -m 0644 installers/linux/dev.armorbench.ArmorBench.desktop "$root/usr/share/applications/dev.armorbench.ArmorBench.desktop"
install -D -m 0644 "$metainfo" "$root/usr/share/metainfo/dev.armorbench.ArmorBench.metainfo.xml"
for size in 16 32 48 64 128 256; do
  install -D -m 0644 "assets/icons/armorbench-$size.png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/dev.armorbench.ArmorBench.png"
done
install -D -m 0644 assets/armorbench.svg "$root/usr/share/icons/hicolor/scalable/apps/dev.armorbench.ArmorBench.svg"
install -D -m 0755 "$helper" "$root/usr/lib/armorbench/armorbench-load-profile"
install -D -m 0644 "$policy" "$root/usr/share/polkit-1/actions/dev.armorbench.load-profile.policy"
mkdir -p "$root/usr/bin"
# The launcher finds its application through /proc/self/exe, so a symbolic link is enough.
ln -s /opt/armorbench/bin/armorbench "$root/usr/bin/armorbench"
chmod -R u+rwX,go+rX,go-w "$root"

# Maintainer scripts only for the class-data archive (made at configure, removed before the
# package's files go); the menu and icon caches are refreshed by the dpkg triggers of
# desktop-file-utils and the icon theme, which watch these directories.
install -m 0755 installers/linux/postinst "$root/DEBIAN/postinst"
install -m 0755 installers/linux/prerm "$root/DEBIAN/prerm"
installed_kib=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: armorbench
Version: $package_version-1
Section: devel
Priority: optional
Architecture: amd64
Maintainer: $maintainer
Installed-Size: $installed_kib
Depends: $depends
Recommends: apparmor, pkexec
Suggests: docker.io
Description: Write, test and tighten AppArmor profiles for Docker containers
 ArmorBench is a desktop workbench and command line (armorbench) for confining
 Docker containers with AppArmor: write a profile in an editor that knows the
 language, run the container under it, and turn what the kernel reports into
 rules, from a permissive complain-mode profile to an enforced one.
 .
 It brings its own Java runtime. Loading profiles as a normal user goes through
 pkexec and a small root helper that only runs apparmor_parser.
CONTROL
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"

deb=$out/armorbench_${package_version}-1_amd64.deb
dpkg-deb --root-owner-group -Z"$compression" --build "$root" "$deb" >/dev/null
step "dpkg-deb -Z$compression: $(basename "$deb") $(du -h "$deb" | cut -f1), installed $(( installed_kib / 1024 )) MiB"

# The .rpm, where rpmbuild exists (Debian: apt-get install rpm): the same files, and Requires named
# by library (libgtk-3.so.0()(64bit), …) so that any RPM distribution finds its own packages. Built,
# not tested by installing: CI runs Debian.
if command -v rpmbuild >/dev/null; then
  own=$(find "$image" "$work/natives" -name '*.so*' -printf '%f\n' | sort -u)
  requires=$(readelf --dynamic "${elf_files[@]}" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u |
    grep -vxF "$own" | sed 's/$/()(64bit)/' | paste -sd, | sed 's/,/, /g')
  mkdir -p "$work/rpm"
  cat > "$work/rpm/armorbench.spec" <<SPEC
Name: armorbench
Version: $package_version
Release: 1
Summary: Write, test and tighten AppArmor profiles for Docker containers
License: Unspecified
BuildArch: x86_64
AutoReqProv: no
Requires: $requires
Recommends: apparmor-parser
%define __os_install_post %{nil}
%define debug_package %{nil}
%define _build_id_links none
%define _binary_payload w3.zstdio

%description
ArmorBench is a desktop workbench and command line (armorbench) for confining Docker containers
with AppArmor. It brings its own Java runtime. Loading profiles as a normal user goes through
pkexec and a small root helper that only runs apparmor_parser.

%install
cp -a "$root/." "%{buildroot}/"
rm -rf "%{buildroot}/DEBIAN"

%post
$(sed -n '/^# BEGIN archive/,/^# END archive/p' installers/linux/postinst)

%preun
# 0: the package is erased (not upgraded, where the new package's %post has made a new archive).
if [ "\$1" -eq 0 ]; then
  rm -f /opt/armorbench/lib/armorbench.jsa
fi

%files
%defattr(-,root,root,-)
/opt/armorbench
/usr/bin/armorbench
/usr/lib/armorbench
/usr/share/applications/dev.armorbench.ArmorBench.desktop
/usr/share/icons/hicolor/*/apps/dev.armorbench.ArmorBench.*
/usr/share/metainfo/dev.armorbench.ArmorBench.metainfo.xml
/usr/share/polkit-1/actions/dev.armorbench.load-profile.policy
SPEC
  rpmbuild -bb --quiet --define "_topdir $work/rpm" --define "_rpmdir $work/rpm/out" "$work/rpm/armorbench.spec" >"$work/rpm/build.log" 2>&1 \
    || { tail -20 "$work/rpm/build.log" >&2; fail "rpmbuild failed"; }
  rpm=$(find "$work/rpm/out" -name '*.rpm' | head -1)
  mv "$rpm" "$out/"
  step "rpmbuild: $(basename "$rpm") $(du -h "$out/$(basename "$rpm")" | cut -f1)"
else
  echo "build-packages: no rpmbuild here, so no .rpm (Debian: apt-get install rpm)"
fi

rm -rf "$work"
echo "build-packages: $deb"
echo "build-packages: took $(( $(date +%s) - started )) s"
