#!/usr/bin/env bash
# Installs what the Docker engine tests (src/test/java/dev/armorbench/trial) need on a fresh Debian 12
# machine, without starting the system's Docker service: the tests start their own dockerd on a
# private socket. Run as root; idempotent (installs only what is missing, in one apt-get call).
#
#   docker.io       dockerd 20.10, the docker command (for `docker import`), containerd, runc, docker-init
#   busybox-static  a statically linked /bin/busybox: the root filesystem of the test images
#   util-linux      setpriv: the socket-permission test drops root's DAC capabilities with it
#   tar             packs the test images' root filesystem
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

packages=(docker.io busybox-static util-linux tar)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
  echo "docker-setup: ${packages[*]} already installed"
  exit 0
fi

# docker.io's maintainer scripts start docker.service and docker.socket where systemd runs. A
# policy-rc.d that answers 101 ("action forbidden") stops that; ours is removed again afterwards,
# one that was already there is left alone.
policy=/usr/sbin/policy-rc.d
own_policy=false
if [[ ! -e $policy ]]; then
  printf '#!/bin/sh\n# Temporary, from .ci/docker-setup.sh: no service starts while installing.\nexit 101\n' > "$policy"
  chmod 755 "$policy"
  own_policy=true
fi
cleanup() { if $own_policy; then rm -f "$policy"; fi; }
trap cleanup EXIT

echo "docker-setup: installing ${missing[*]}"
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"

# Make sure: a static busybox (the `busybox` package's is dynamic and cannot run in an empty root).
if ! /bin/busybox --help >/dev/null 2>&1 || grep -q "ld-linux" <(head -c 4096 /bin/busybox | tr -c '[:print:]' '\n'); then
  echo "docker-setup: /bin/busybox is not the static one from busybox-static" >&2
  exit 1
fi
echo "docker-setup: done ($(dockerd --version))"
