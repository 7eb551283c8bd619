# ArmorBench sample: one container running two services, each in a child profile.
#
# What it shows:
# - A start script launches PHP-FPM and nginx; `cx` sends each into its own child profile, so the
#   web server cannot read the application's code beyond what it serves, and PHP cannot write
#   nginx's logs or bind ports.
# - The two talk over a unix socket: PHP-FPM creates /run/php/php8.2-fpm.sock (w on the path), nginx
#   connects to it (w as well: connecting to a named socket is a write in AppArmor's file rules).
# - The container's own profile keeps only what the start script needs.
#
# Try it: build this image (Debian 12's nginx and php8.2-fpm) and run it with the profile loaded:
#   FROM debian:12-slim
#   RUN apt-get update && apt-get install -y --no-install-recommends nginx php8.2-fpm \
#    && rm -rf /var/lib/apt/lists/* \
#    && sed -i 's/index index.html/index index.php index.html/' /etc/nginx/sites-available/default
#   COPY start.sh /usr/local/bin/start.sh      # #!/bin/sh, then: php-fpm8.2 -D; exec nginx -g 'daemon off;'
#   COPY index.php /var/www/html/index.php
#   CMD ["/usr/local/bin/start.sh"]
#
#   docker run --rm --security-opt apparmor=web-app-multi-process -p 8080:80 web-app
#
# Begin in complain mode (`armorbench load --complain`) with the trial loop: the site's own files and
# extensions will need rules this sample cannot know.

abi <abi/3.0>,

include <tunables/global>

profile web-app-multi-process flags=(attach_disconnected,mediate_deleted) {
  include <abstractions/base>

  # The start script and its shell.
  /usr/local/bin/start.sh r,
  /{,usr/}bin/{,da}sh ix,

  /usr/sbin/php-fpm8.2 cx -> php-fpm,
  /usr/sbin/nginx cx -> nginx,

  profile php-fpm flags=(attach_disconnected,mediate_deleted) {
    include <abstractions/base>
    include <abstractions/nameservice>

    # The master switches its workers to www-data.
    capability setuid,
    capability setgid,
    capability chown,
    capability kill,

    /usr/sbin/php-fpm8.2 mr,
    /etc/php/8.2/** r,
    /usr/lib/php/** mr,
    /usr/share/zoneinfo/** r,
    /var/log/php8.2-fpm.log w,
    /run/php/ rw,
    /run/php/php8.2-fpm.pid rw,
    /run/php/php8.2-fpm.sock rw,
    owner /tmp/** rw,

    # The application: read only.
    /var/www/html/ r,
    /var/www/html/** r,
  }

  profile nginx flags=(attach_disconnected,mediate_deleted) {
    include <abstractions/base>
    include <abstractions/nameservice>

    capability net_bind_service,
    capability setuid,
    capability setgid,
    capability dac_override,

    network inet stream,
    network inet6 stream,

    /usr/sbin/nginx mr,
    /etc/nginx/** r,
    /usr/share/nginx/** r,
    /var/log/nginx/ r,
    /var/log/nginx/*.log w,
    /var/lib/nginx/** rw,
    /run/nginx.pid rw,

    # Static files, and the way to PHP.
    /var/www/html/ r,
    /var/www/html/** r,
    /run/php/php8.2-fpm.sock rw,

    # nginx never runs other programs.
    deny /{,usr/}{,s}bin/** x,
  }
}
