# ArmorBench sample: a profile for a small web-server container (nginx serving static files).
#
# What it shows:
# - It reads its configuration and its content, and writes only its logs and its pid file.
# - `capability net_bind_service` lets it bind port 80 as a non-root worker would need; the
#   master process also switches users, hence setuid/setgid.
# - Writes to /proc and /sys are denied outright, as Docker's own default profile does, so a
#   compromised worker cannot change kernel settings even if Docker's filters are loosened.
#
# Try it: `docker run --security-opt apparmor=web-server -p 8080:80 nginx:alpine` after loading this
# profile (in ArmorBench: the Docker panel, or `apparmor_parser -r web-server.profile`).

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

  # The server binary and its configuration.
  /usr/sbin/nginx mr,
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
