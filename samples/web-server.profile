# ArmorBench sample: a profile for a small web-server container (nginx:alpine serving static files).
#
# What it shows:
# - The image's entry point runs first under this profile: /docker-entrypoint.sh (read by the shell,
#   Alpine's busybox) runs its start-up scripts, then execs nginx, all in this one profile (ix).
# - It reads its configuration and its content, and writes only its logs and its pid file.
# - `capability net_bind_service` lets it bind port 80 as a non-root worker would need; the
#   master process also switches users, hence setuid/setgid.
# - Writes to /proc and /sys are denied outright, as Docker's own default profile does, so a
#   compromised worker cannot change kernel settings even if Docker's filters are loosened.
#
# Try it: load it (`armorbench load web-server.profile`, or `apparmor_parser -r web-server.profile`
# as root), then `docker run --rm --security-opt apparmor=web-server -p 8080:80 nginx:alpine` and
# open http://localhost:8080/. Load it in complain mode the first time (`armorbench load --complain`):
# the image's logs go to the container's standard output through symbolic links, and newer image
# versions may add start-up scripts.

abi <abi/3.0>,

include <tunables/global>

profile web-server flags=(attach_disconnected,mediate_deleted) {
  include <abstractions/base>

  capability net_bind_service,
  capability setuid,
  capability setgid,
  capability chown,
  capability dac_override,

  network inet stream,
  network inet6 stream,

  # The entry point: busybox's shell and tools run the scripts in /docker-entrypoint.d/ (one of them
  # edits the default site to listen on IPv6 too, after looking at the kernel's IPv6 addresses).
  /docker-entrypoint.sh r,
  /docker-entrypoint.d/ r,
  /docker-entrypoint.d/* rix,
  /bin/busybox ix,
  /usr/bin/envsubst ix,
  @{PROC}/@{pid}/net/if_inet6 r,
  /etc/nginx/conf.d/* rw,

  # The server binary and its configuration.
  /usr/sbin/nginx mrix,
  /etc/nginx/** r,
  /etc/ssl/openssl.cnf r,
  /etc/passwd r,
  /etc/group r,

  # Content is read-only.
  /usr/share/nginx/html/ r,
  /usr/share/nginx/html/** r,

  # Logs, pid file and temporary buffers.
  /var/log/nginx/ r,
  /var/log/nginx/*.log w,
  /run/nginx.pid rw,
  /var/cache/nginx/** rw,

  # Never write kernel settings from inside the container.
  deny @{PROC}/** w,
  deny /sys/** w,
}
