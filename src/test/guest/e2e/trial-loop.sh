#!/bin/sh
# The complain -> enforce loop end to end, as a user runs it: `armorbench trial --until-stable
# --apply`, then one more `trial --mode enforce`, on the guest's AppArmor kernel and Docker engine.
# The test image's entry point reads its config, writes a log, binds port 80 (a port below 1024:
# CAP_NET_BIND_SERVICE, asked of AppArmor on the host network), and runs a helper that the profile's
# cx rule sends into the child profile "helper". Output for TrialLoopIT:
#   FACT name=value      observations
#   TRIAL1 <line>        the first trial's JSON summary (stdout); TRIAL1_LOG its progress (stderr)
#   TRIAL2 <line>        the second (enforce) trial's; TRIAL2_LOG
#   PROFILE <line>       the profile file after both
#   KERNEL <line>        every AppArmor line of the kernel log
#   PHASE name seconds   durations
# It fails (non-zero) only when the infrastructure does.
set -u
. "$ARMORBENCH_LIB/docker-in-guest.sh"
files=$ARMORBENCH_FILES

fact() { printf 'FACT %s=%s\n' "$1" "$(printf '%s' "$2" | tr '\n' '|')"; }

fact kernel "$(uname -r)"
fact java_version "$(java -version 2>&1 | head -n 1)"
timed start_dockerd start_dockerd || exit 1

rootfs=/tmp/rootfs
timed busybox_rootfs make_busybox_rootfs "$rootfs"
mkdir -p "$rootfs/app" "$rootfs/opt/helper" "$rootfs/srv" "$rootfs/var/log/app"
cp /bin/busybox "$rootfs/opt/helper/cat"
echo "greeting=hello from the config" > "$rootfs/etc/app.conf"
echo "data for the helper" > "$rootfs/srv/data.txt"
cat > "$rootfs/app/entry.sh" <<'ENTRY'
#!/bin/sh
# Fails (non-zero) when any step is refused, so an enforce run's exit code tells.
conf=$(cat /etc/app.conf) || exit 10
echo "config: $conf"
echo "started: $conf" > /var/log/app/app.log || exit 11
# The listener and the client race while the container starts: on a busy host a connection once
# reached the listener without its data. Each round starts a fresh listener; a refused step (a
# denial) fails every round, so it still ends the run with a non-zero code.
round=0
until grep -q ping /tmp/received 2>/dev/null; do
  round=$((round + 1))
  if [ $round -gt 5 ]; then echo "port 80 never received ping (got: $(cat /tmp/received 2>/dev/null))"; exit 14; fi
  nc -l -p 80 > /tmp/received &
  listener=$!
  tries=0
  until echo ping | nc 127.0.0.1 80 2>/dev/null; do
    tries=$((tries + 1))
    if [ $tries -gt 50 ]; then echo "could not reach port 80"; kill $listener 2>/dev/null; exit 12; fi
    sleep 0.2
  done
  wait $listener || exit 13
done
echo "port 80: received $(cat /tmp/received)"
helper=$(/opt/helper/cat /srv/data.txt) || exit 15
echo "helper: $helper"
echo "helper label: $(/opt/helper/cat /proc/self/attr/current)"
exit 0
ENTRY
chmod 755 "$rootfs/app/entry.sh"
timed import_image import_image "$rootfs" abtrial-img --change 'ENTRYPOINT ["/app/entry.sh"]' || exit 1

# Docker 20.10 sets net.ipv4.ip_unprivileged_port_start=0 in a container's own network namespace,
# so binding port 80 there needs no capability; on the host network the host's value holds.
port_facts() {
  fact port_start_network_none "$(docker run --rm --network none --entrypoint cat abtrial-img /proc/sys/net/ipv4/ip_unprivileged_port_start 2>&1)"
  fact port_start_network_host "$(docker run --rm --network host --entrypoint cat abtrial-img /proc/sys/net/ipv4/ip_unprivileged_port_start 2>&1)"
}
timed port_facts port_facts

cp "$files/trial-loop.profile" /tmp/work/abtrial.profile
export XDG_STATE_HOME=/tmp/work/state
trial() {
  # C1 only and the serial collector: under emulation the JVM's warm-up (C2 compiling on the two
  # emulated cores) costs more than the trial itself; ArmorBench does not depend on either.
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$files/armorbench.jar" \
    trial --profile /tmp/work/abtrial.profile --image abtrial-img --network host --format json "$@"
}
loop_run() {
  trial --until-stable --apply > /tmp/work/trial1.json 2> /tmp/work/trial1.log
  echo $? > /tmp/work/trial1.exit
}
timed trial_until_stable loop_run
fact trial1_exit "$(cat /tmp/work/trial1.exit)"
sed 's/^/TRIAL1 /' /tmp/work/trial1.json
sed 's/^/TRIAL1_LOG /' /tmp/work/trial1.log

enforce_run() {
  trial --mode enforce > /tmp/work/trial2.json 2> /tmp/work/trial2.log
  echo $? > /tmp/work/trial2.exit
}
timed trial_enforce enforce_run
fact trial2_exit "$(cat /tmp/work/trial2.exit)"
sed 's/^/TRIAL2 /' /tmp/work/trial2.json
sed 's/^/TRIAL2_LOG /' /tmp/work/trial2.log

sed 's/^/PROFILE /' /tmp/work/abtrial.profile
fact backup_kept "$(test -f /tmp/work/abtrial.profile.bak && echo yes || echo no)"
fact session_files "$(ls /tmp/work/state/armorbench/trial-sessions/ 2>&1)"
fact loaded_profiles "$(grep '^abtrial' /sys/kernel/security/apparmor/profiles)"
dmesg | grep 'apparmor="' | sed 's/^/KERNEL /'
exit 0
