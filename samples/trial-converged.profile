# ArmorBench sample: the profile the complain → enforce loop converges to in the end-to-end test.
#
# What it shows: where `armorbench trial --until-stable --apply` ends when it starts from
# src/test/guest/e2e/trial-loop.profile (the container's structure, no rules it needs) on a real
# AppArmor kernel (TrialLoopIT, 5 runs: 2 learning, 2 stable, 1 enforced with no denial). Every
# rule below `/opt/helper/cat cx -> helper,` was written by the loop, in the place and form it
# chose; the complain flags were taken out by its enforce step. The helper's reads landed in the
# child profile, not in the container's.
#
# Try it: the test image of src/test/guest/e2e/trial-loop.sh (a busybox root filesystem whose
# /app/entry.sh reads /etc/app.conf, writes /var/log/app/app.log, serves one request on port 80
# and runs /opt/helper/cat), with
#   armorbench load samples/trial-converged.profile
#   docker run --rm --network host --security-opt apparmor=abtrial abtrial-img

include <tunables/global>

profile abtrial flags=(attach_disconnected,mediate_deleted) {
  include <abstractions/base>

  /app/entry.sh r,

  /opt/helper/cat cx -> helper,
  capability net_bind_service,
  /bin/busybox mrix,
  owner /etc/app.conf r,
  owner /tmp/received rw,
  owner /var/log/app/app.log w,
  network inet stream,
  network inet6 stream,

  profile helper {
    include <abstractions/base>
    owner /opt/helper/cat r,
    owner /srv/data.txt r,
    owner @{PROC}/@{pid}/attr/current r,
  }
}
