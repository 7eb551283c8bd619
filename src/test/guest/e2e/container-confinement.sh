#!/bin/sh
# Observes, on the guest's AppArmor kernel, how Docker applies a container's profile: one guest
# run for every check. It prints what it sees, each observation as "FACT name=value" (newlines
# inside a value become "|"), every AppArmor kernel line as "KERNEL <line>", and each phase's
# duration as "PHASE name seconds". ContainerConfinementIT asserts on them; this script fails
# (non-zero exit) only when the infrastructure does (profile load, dockerd, image import).
set -u
. "$ARMORBENCH_LIB/docker-in-guest.sh"
files=$ARMORBENCH_FILES

fact() { printf 'FACT %s=%s\n' "$1" "$(printf '%s' "$2" | tr '\n' '|')"; }
# Runs a container under the checks' profile with no network; arguments go to `docker run`.
confined() { docker run --rm --network none --security-opt apparmor=abtest "$@" 2>&1; }

fact kernel "$(uname -r)"
fact apparmor_enabled "$(cat /sys/module/apparmor/parameters/enabled)"
fact lsm "$(cat /sys/kernel/security/lsm)"
listed_abtest() { grep '^abtest' /sys/kernel/security/apparmor/profiles; }

# The root helper of the package (installers/linux/armorbench-load-profile), run as pkexec runs
# it: as root, the profile text on standard input. It loads in complain mode here (replaced below)
# and prints the kernel's list; a request with an extra option is refused and changes nothing.
helper=$files/armorbench-load-profile
helper_complain() {
  _out=$(sh "$helper" replace-complain --directory "$files" < "$files/abtest.profile" 2>&1)
  fact helper_complain_exit $?
  fact helper_complain_listed "$(printf '%s\n' "$_out" | grep '^abtest')"
  _out=$(sh "$helper" replace --directory "$files" -C < "$files/abtest.profile" 2>&1)
  fact helper_extra_exit $?
  fact helper_extra_output "$_out"
  fact helper_extra_listed "$(listed_abtest)"
}
timed helper_load helper_complain

# ArmorBench's own loader (armorbench load: lint, then apparmor_parser -r -K fed the text on
# standard input, then the kernel's list read back), as root. ARMORBENCH_CLASSPATH comes from the
# test (the packaged jar or the test's class path). If it fails, the parser loads the profile so
# that the other checks still run; the test reports the failure.
armorbench() {
  java -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -cp "${ARMORBENCH_CLASSPATH:-}" \
    dev.armorbench.Main "$@"
}
armorbench_load() {
  _out=$(armorbench load "$files/abtest.profile" 2>&1)
  _code=$?
  fact ab_load_exit $_code
  fact ab_load_output "$_out"
  [ "$_code" = 0 ] || apparmor_parser -r -K "$files/abtest.profile"
}
timed armorbench_load armorbench_load || exit 1
fact loaded_profiles "$(listed_abtest)"

timed start_dockerd start_dockerd || exit 1
fact docker_version "$(docker version --format '{{.Server.Version}}')"
fact docker_security_options "$(docker info --format '{{json .SecurityOptions}}')"
fact docker_storage_driver "$(docker info --format '{{.Driver}}')"
fact docker_default_loaded "$(grep '^docker-default' /sys/kernel/security/apparmor/profiles)"

rootfs=/tmp/rootfs
make_busybox_rootfs "$rootfs"
mkdir -p "$rootfs/opt/helper" "$rootfs/srv"
# The helper is busybox under another path: run as .../cat it is busybox's cat.
cp /bin/busybox "$rootfs/opt/helper/cat"
echo secret > "$rootfs/srv/secret"
# Sourced by a shell-form entry point (". /entry.sh"), so the shell itself stays process 1.
cat > "$rootfs/entry.sh" <<'ENTRY'
echo "pid1_cmdline=$(tr '\0' ' ' < /proc/1/cmdline)"
echo "pid1_exe=$(readlink /proc/1/exe)"
echo "pid1_attr=$(cat /proc/1/attr/current)"
echo "shell_child_attr=$(cat /proc/self/attr/current)"
echo "helper_attr=$(/opt/helper/cat /proc/self/attr/current)"
if cat /srv/secret > /dev/null 2>&1; then echo "srv_read=allowed"; else echo "srv_read=denied"; fi
if /opt/helper/cat /etc/hostname > /dev/null 2>&1; then echo "helper_hostname=allowed"; else echo "helper_hostname=denied"; fi
ENTRY
import_images() {
  import_image "$rootfs" abtest-img &&
    import_image "$rootfs" abtest-shell --change 'ENTRYPOINT . /entry.sh'
}
timed import_images import_images || exit 1
fact shell_image_entrypoint "$(docker image inspect --format '{{json .Config.Entrypoint}}' abtest-shell)"

# (a) docker exec of a binary that the path-attached child profile names.
exec_checks() {
  docker run -d --name long --network none --security-opt apparmor=abtest abtest-img sleep 3600 > /dev/null
  fact a_inspect_profile "$(docker inspect --format '{{.AppArmorProfile}}' long)"
  fact a_pid1_attr "$(docker exec long cat /proc/1/attr/current 2>&1)"
  fact a_exec_helper_attr "$(docker exec long /opt/helper/cat /proc/self/attr/current 2>&1)"
  fact a_exec_helper_attr_apparmor "$(docker exec long /opt/helper/cat /proc/self/attr/apparmor/current 2>&1)"
  if docker exec long /opt/helper/cat /etc/hostname > /dev/null 2>&1; then
    fact a_exec_helper_hostname allowed
  else
    fact a_exec_helper_hostname denied
  fi
  fact a_exec_shell_then_helper_attr \
    "$(docker exec long sh -c '/opt/helper/cat /proc/self/attr/current; true' 2>&1)"
  docker rm -f long > /dev/null
}
timed exec_checks exec_checks

# (b) a shell-form entry point: the image's entry.sh prints name=value lines.
shell_form_checks() {
  confined abtest-shell | sed 's/^/FACT b_/'
}
timed shell_form_checks shell_form_checks

# (c) the entry point with and without --init.
init_checks() {
  fact c_noinit_entry_attr "$(confined --entrypoint /opt/helper/cat abtest-img /proc/self/attr/current)"
  fact c_init_entry_attr "$(confined --init --entrypoint /opt/helper/cat abtest-img /proc/self/attr/current)"
  fact c_init_pid1_cmdline \
    "$(confined --init --entrypoint /bin/sh abtest-img -c 'tr "\0" " " < /proc/1/cmdline; true')"
  fact c_init_pid1_attr "$(confined --init --entrypoint /bin/sh abtest-img -c 'cat /proc/1/attr/current; true')"
}
timed init_checks init_checks

# (d) a profile that is not loaded.
unloaded_profile_check() {
  _out=$(docker run --rm --network none --security-opt apparmor=abtest-not-loaded abtest-img true 2>&1)
  fact d_exit $?
  fact d_output "$_out"
}
timed unloaded_profile unloaded_profile_check

# (e) what the kernel logged.
dmesg | grep 'apparmor="' | sed 's/^/KERNEL /'

# (f) ArmorBench removes the profile it loaded (apparmor_parser -R -K); the containers are gone.
armorbench_remove() {
  _out=$(armorbench load --remove "$files/abtest.profile" 2>&1)
  fact ab_remove_exit $?
  fact ab_remove_output "$_out"
  fact ab_remove_listed "$(listed_abtest)"
}
timed armorbench_remove armorbench_remove
exit 0
