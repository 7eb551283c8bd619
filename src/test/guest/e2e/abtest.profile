#include <tunables/global>

# The container profile of the confinement checks (container-confinement.sh). It grants what a
# busybox container needs, sends /opt/helper/cat into the child profile "helper" with a cx rule
# (the child also names that path as its attachment), and grants nothing under /srv, so reading
# /srv/secret is DENIED under the container's own profile. The child may read its own label and
# little else: reading /etc/hostname there is DENIED under "abtest//helper". The shell-form entry
# point sources /entry.sh, and the shell reads it under this profile: without "/entry.sh r" the
# container fails with "can't open '/entry.sh': Permission denied" (seen in the guest).
profile abtest flags=(attach_disconnected,mediate_deleted) {
  #include <abstractions/base>

  network,
  capability,
  signal,
  ptrace,
  unix,
  umount,

  / r,
  /entry.sh r,
  /bin/** mrix,
  /sbin/** mrix,
  /usr/** mrix,
  /lib{,32,64,x32}/** mr,
  /etc/** r,
  /dev/** rw,
  @{PROC}/** r,
  /sys/** r,
  /tmp/** rwk,
  /var/** rwk,
  /root/** rwk,

  /opt/helper/cat cx -> helper,

  profile helper /opt/helper/cat {
    #include <abstractions/base>

    /opt/helper/cat mr,
    @{PROC}/@{pid}/attr/{,apparmor/}current r,
  }
}
