# ArmorBench sample: a batch worker whose helper binary runs in a child profile of its own.
#
# What it shows:
# - The worker is a shell loop; the only program it starts is gzip, and `cx -> compressor` sends
#   gzip into a child profile that may read the input and write the output, nothing else: no
#   network, no shell, no other files. A bug in the decompressor cannot reach the worker's secrets.
# - File descriptors a process inherits are checked again when it execs: the shell opens
#   /data/out/NAME.gz for gzip's standard output, so the child needs `w` on those files too.
# - Debian images merge /bin into /usr/bin: AppArmor sees the resolved path (/usr/bin/gzip), so the
#   rules name both with /{,usr/}bin/.
#
# Try it (debian:12-slim has gzip; put a few .log files into ./in first):
#   armorbench load worker-with-helper.profile      (or as root: apparmor_parser -r worker-with-helper.profile)
#   docker run --rm --security-opt apparmor=worker-with-helper --cap-drop ALL \
#     -v "$PWD/in:/data/in:ro" -v "$PWD/out:/data/out" debian:12-slim \
#     sh -c 'for f in /data/in/*.log; do gzip -c "$f" > "/data/out/${f##*/}.gz"; done'

abi <abi/3.0>,

include <tunables/global>

profile worker-with-helper flags=(attach_disconnected,mediate_deleted) {
  include <abstractions/base>

  # The worker: a POSIX shell running the loop.
  /{,usr/}bin/{,da}sh ix,
  /data/in/ r,
  /data/in/*.log r,
  /data/out/ r,
  /data/out/*.gz w,

  # The one helper, confined apart.
  /{,usr/}bin/gzip cx -> compressor,

  profile compressor flags=(attach_disconnected,mediate_deleted) {
    include <abstractions/base>

    /{,usr/}bin/gzip mr,
    /data/in/*.log r,
    # Standard output, opened by the worker's shell and inherited.
    /data/out/*.gz w,
  }
}
