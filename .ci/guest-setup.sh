#!/usr/bin/env bash
# Installs what the AppArmor guest of the end-to-end tests needs on a fresh Debian 12 machine
# (src/test/guest/build-guest.sh builds it, dev.armorbench.e2e.AppArmorGuest boots it):
#   qemu-system-x86  qemu-system-x86_64, the emulator (TCG; the machines' KVM cannot run the guest)
#   debootstrap      builds the guest's root file system from the machine's Debian mirror
#   e2fsprogs        mkfs.ext4 -d packs the root image and each run's disk
#   cpio, gzip       pack the guest's initramfs
# Run as root; idempotent (installs only what is missing). Prints how long it took.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
started=$(date +%s)

packages=(qemu-system-x86 debootstrap e2fsprogs cpio gzip)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "guest-setup: installing ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "guest-setup: took $(( $(date +%s) - started )) s"
