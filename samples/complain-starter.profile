# ArmorBench sample: a starter profile in complain mode, for beginning the complain -> enforce loop.
#
# What it shows:
# - `complain` makes the kernel log what the profile would deny (as apparmor="ALLOWED") instead of
#   blocking it, so a first run of the container works while ArmorBench records what it needs.
# - It keeps `attach_disconnected,mediate_deleted`, which every container profile needs.
# - It starts nearly empty on purpose: run the container, accept the suggested rules, run again
#   until a run brings no new events, then switch to enforce.
#
# Try it: load it, run your image with `--security-opt apparmor=complain-starter`, then open the
# log in ArmorBench (File -> Import log...) or use the trial runs of the Docker panel.

abi <abi/3.0>,

include <tunables/global>

profile complain-starter flags=(complain,attach_disconnected,mediate_deleted) {
  # Accepted suggestions are added after the profile's last rule: here, after this include.
  include <abstractions/base>
}
