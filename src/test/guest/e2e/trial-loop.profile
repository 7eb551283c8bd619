include <tunables/global>

# The starting point of the trial loop's end-to-end test (trial-loop.sh, TrialLoopIT): a
# complain-mode profile with the structure the user designed — the entry point, the cx rule that
# sends the helper into its own child profile, and that child — but none of the rules the
# container needs: reading its config, writing its log, binding port 80, the network, and what the
# helper reads. `armorbench trial --until-stable --apply` learns them.
profile abtrial flags=(attach_disconnected,mediate_deleted,complain) {
  include <abstractions/base>

  /app/entry.sh r,

  /opt/helper/cat cx -> helper,

  profile helper flags=(complain) {
    include <abstractions/base>
  }
}
