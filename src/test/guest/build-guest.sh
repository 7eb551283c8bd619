#!/usr/bin/env bash
# Builds the AppArmor guest for the end-to-end tests: a Debian bookworm minbase root file system
# (debootstrap) packed into a raw ext4 image, the cloud kernel, and a small initramfs that loads the
# virtio and ext4 modules the cloud kernel keeps outside its image, then hands over to the run's
# own init script (see guest-init.sh, which each run brings on its second disk).
#
#   build-guest.sh OUT_DIR APT_CACHE_DIR
#
# Writes OUT_DIR/{vmlinuz,initrd.img,rootfs.img,manifest} atomically (OUT_DIR appears only when
# complete). APT_CACHE_DIR keeps the downloaded .deb files between builds. Needs root (debootstrap),
# debootstrap, mkfs.ext4 (e2fsprogs >= 1.43 for -d) and cpio. The mirror is the machine's own
# Debian mirror from its apt sources, never a hard-coded one.
set -euo pipefail

out=${1:?usage: build-guest.sh OUT_DIR APT_CACHE_DIR}
apt_cache=${2:?usage: build-guest.sh OUT_DIR APT_CACHE_DIR}
here=$(cd "$(dirname "$0")" && pwd)
suite=bookworm

log() { printf 'build-guest: %s\n' "$*" >&2; }
elapsed() { echo $(( $(date +%s) - $1 )); }

# The first http(s) mirror of the machine's apt sources that serves $suite itself (not -security or
# -updates). Reads deb822 .sources files and one-line sources.list files.
find_mirror() {
  local file
  for file in /etc/apt/sources.list.d/*.sources; do
    [[ -r $file ]] || continue
    awk -v suite="$suite" '
      function flush() {
        if (uris != "" && (" " suites " ") ~ (" " suite " ")) { split(uris, u, " "); print u[1]; found = 1; exit }
        uris = ""; suites = ""
      }
      /^[ \t]*$/ { flush(); next }
      /^URIs:/ { sub(/^URIs:[ \t]*/, ""); uris = $0 }
      /^Suites:/ { sub(/^Suites:[ \t]*/, ""); suites = $0 }
      END { if (!found) flush() }' "$file"
  done
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -r $file ]] || continue
    awk -v suite="$suite" '$1 == "deb" {
        i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
        if ($(i + 1) == suite) print $i }' "$file"
  done
}

mirror=$(find_mirror | grep -E '^https?://' | head -n 1 || true)
if [[ -z $mirror ]]; then
  log "no http(s) Debian mirror for $suite in /etc/apt/sources.list{,.d/*} — add one, e.g. a deb822 stanza with 'Suites: $suite'"
  exit 2
fi
for tool in debootstrap mkfs.ext4 cpio gzip; do
  command -v "$tool" >/dev/null || { log "missing $tool (run .ci/guest-setup.sh)"; exit 2; }
done
[[ $(id -u) == 0 ]] || { log "debootstrap needs root"; exit 2; }

mkdir -p "$(dirname "$out")" "$apt_cache"
# One build at a time per cache; a second caller waits and then finds the finished guest.
exec 9>"$(dirname "$out")/.build.lock"
flock 9
if [[ -f $out/manifest ]]; then
  log "already built: $out"
  exit 0
fi
# Left by builds that were killed; no other build runs while we hold the lock.
rm -rf "$(dirname "$out")"/*.partial.*

started=$(date +%s)
work=$(mktemp -d "$out.partial.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 143' TERM INT HUP
root=$work/root
packages=$(grep -v -E '^[[:space:]]*(#|$)' "$here/guest-packages.list" | tr -s ' \n' ',' | sed 's/,$//')

log "debootstrap $suite from $mirror with $packages"
phase=$(date +%s)
debootstrap --variant=minbase --include="$packages" --cache-dir="$apt_cache" \
  "$suite" "$root" "$mirror" > "$work/debootstrap.log" 2>&1 || {
  tail -n 30 "$work/debootstrap.log" >&2
  log "debootstrap failed (full log above)"
  exit 1
}
log "debootstrap took $(elapsed "$phase") s"

# The guest's own configuration: no services start by themselves (there is no init system in
# minbase); each run's guest-init.sh mounts what it needs and starts dockerd itself.
echo armorbench-guest > "$root/etc/hostname"
printf '127.0.0.1 localhost\n127.0.1.1 armorbench-guest\n' > "$root/etc/hosts"
mkdir -p "$root/armorbench"
cat > "$root/usr/local/sbin/armorbench-init" <<'SHIM'
#!/bin/sh
# PID 1 of the guest after the initramfs: mounts the run's disk (built per run, read-only) and
# hands over to the init script it carries, so changing that script never rebuilds the guest.
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH
mount -t proc proc /proc
mount -t sysfs sysfs /sys
if ! mount -t ext4 -o ro /dev/vdb /armorbench; then
  echo "ARMORBENCH-NO-RUN-DISK" > /dev/ttyS1
  busybox poweroff -f
fi
exec /bin/sh /armorbench/guest-init.sh
SHIM
chmod 755 "$root/usr/local/sbin/armorbench-init"
# debootstrap leaves its .debs in the target when given a cache dir only for reading; drop them
# and the package lists, they only make the image bigger.
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/boot/initrd.img-*

kernel_version=$(ls "$root/lib/modules" | head -n 1)
cp "$root/boot/vmlinuz-$kernel_version" "$work/vmlinuz"

# The initramfs: the guest's static busybox and, in dependency order (modules.dep lists every
# dependency of a module; loading them in reverse order is what modprobe does), the modules that
# reach the root disk: virtio_ring before virtio, then the PCI transport, the block driver, ext4.
phase=$(date +%s)
initramfs=$work/initramfs
mkdir -p "$initramfs"/{bin,dev,proc,sys,newroot,modules}
cp "$root/bin/busybox" "$initramfs/bin/busybox"
for applet in sh mount umount mkdir insmod sleep switch_root poweroff cat echo; do
  ln -s busybox "$initramfs/bin/$applet"
done
moddir=$root/lib/modules/$kernel_version
: > "$initramfs/modules/order"
add_module() {
  local name=$1 line deps dep
  grep -q -E "/$name\.ko(\.[a-z]+)?$" "$moddir/modules.builtin" && return 0
  line=$(grep -E "/$name\.ko(\.[a-z]+)?:" "$moddir/modules.dep") || { log "module $name not found"; exit 1; }
  deps=$(printf '%s\n' "${line#*:}" | tr ' ' '\n' | grep . | tac || true)
  for dep in $deps "${line%%:*}"; do
    local base
    base=$(basename "$dep"); base=${base%%.ko*}
    grep -qx "$base" "$initramfs/modules/order" && continue
    case $dep in
      *.ko) cp "$moddir/$dep" "$initramfs/modules/$base.ko" ;;
      *.ko.xz) xz -dc "$moddir/$dep" > "$initramfs/modules/$base.ko" ;;
      *.ko.zst) zstd -qdc "$moddir/$dep" > "$initramfs/modules/$base.ko" ;;
      *) log "unknown module format $dep"; exit 1 ;;
    esac
    echo "$base" >> "$initramfs/modules/order"
  done
}
for module in virtio_ring virtio virtio_pci virtio_blk ext4; do
  add_module "$module"
done
cat > "$initramfs/init" <<'INIT'
#!/bin/sh
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
for module in $(cat /modules/order); do
  insmod "/modules/$module.ko" || echo "initramfs: insmod $module failed"
done
tries=0
while [ ! -b /dev/vda ] && [ $tries -lt 300 ]; do sleep 0.1; tries=$((tries + 1)); done
if ! mount -t ext4 /dev/vda /newroot; then
  echo "initramfs: cannot mount /dev/vda (modules: $(cat /modules/order))"
  poweroff -f
fi
mount --move /dev /newroot/dev
umount /proc /sys
exec switch_root /newroot /usr/local/sbin/armorbench-init
INIT
chmod 755 "$initramfs/init"
(cd "$initramfs" && find . | cpio -o -H newc --quiet | gzip -1) > "$work/initrd.img"
log "initramfs with $(tr '\n' ' ' < "$initramfs/modules/order")took $(elapsed "$phase") s"

# The root image: what the tree holds plus room for the runs' own writes (dockerd's data root),
# which go to qemu's snapshot overlay and vanish with the run.
phase=$(date +%s)
used_mib=$(du -sm "$root" | cut -f1)
mkfs.ext4 -q -F -L armorbench-root -d "$root" "$work/rootfs.img" "$(( used_mib + used_mib / 4 + 1024 ))M"
log "rootfs image ($used_mib MiB used) took $(elapsed "$phase") s"

{
  echo "suite=$suite"
  echo "mirror=$mirror"
  echo "kernel=$kernel_version"
  echo "packages=$packages"
  echo "built=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "build_seconds=$(elapsed "$started")"
} > "$work/manifest"
rm -rf "$root" "$initramfs"
mv "$work" "$out"
trap - EXIT
log "guest built in $(elapsed "$started") s: $out"
