# ArmorBench sample: a container profile in the shape AppArmor's documentation recommends for Docker.
#
# What it shows:
# - The container's profile has no attachment: Docker selects it by name with
#   `docker run --security-opt apparmor=container-with-children`, and an attachment would be ignored.
# - flags=(attach_disconnected,mediate_deleted) on every profile a process can reach, because paths
#   inside a container are often disconnected from the host's namespace and files may be deleted
#   while open.
# - Two binaries run with `cxr` (cx: into a child profile, r: may be read) into children:
#   `app-server` has no attachment and is reached only through the `cx -> app-server` rule;
#   `log-shipper` also has a path attachment, which matters when the binary is started some other way.
#   Note: a binary started with `docker exec` runs under the container's profile, not under a child.
#
# Try it: an image whose entry point starts /usr/local/bin/app-server and /usr/local/bin/log-shipper.

abi <abi/3.0>,

include <tunables/global>

profile container-with-children flags=(attach_disconnected,mediate_deleted) {
  include <abstractions/base>

  # The shell that starts the two services.
  /bin/sh ix,
  /bin/busybox ix,
  /etc/passwd r,

  /usr/local/bin/app-server cxr -> app-server,
  /usr/local/bin/log-shipper cxr -> log-shipper,

  profile app-server flags=(attach_disconnected,mediate_deleted) {
    include <abstractions/base>

    network inet stream,
    network inet6 stream,

    /usr/local/bin/app-server mr,
    /etc/app/** r,
    /srv/app/data/ r,
    /srv/app/data/** rw,
    owner /tmp/app-*.sock rw,
  }

  profile log-shipper /usr/local/bin/log-shipper flags=(attach_disconnected,mediate_deleted) {
    include <abstractions/base>

    network inet stream,

    /usr/local/bin/log-shipper mr,
    /srv/app/logs/ r,
    /srv/app/logs/*.log r,
    owner /var/lib/log-shipper/state rw,
  }
}
