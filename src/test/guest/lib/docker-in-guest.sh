# Shell functions for guest workloads (sourced: . "$ARMORBENCH_LIB/docker-in-guest.sh").
# The guest has no registry: images are Debian's static busybox with its applet links, imported
# with `docker import`.

# Prints "PHASE <name> <seconds>" after running the rest of the arguments as a command; the host
# test prints these as the run's phase durations. Returns the command's exit code.
timed() {
  _timed_name=$1
  shift
  _timed_start=$(date +%s.%N)
  "$@"
  _timed_code=$?
  echo "PHASE $_timed_name $(echo "$(date +%s.%N) - $_timed_start" | awk '{ printf "%.1f", $1 - $3 }')"
  return $_timed_code
}

# Starts dockerd (it starts its own containerd) on the default socket and waits until it answers.
# No bridge and no iptables: containers run with --network none. Docker loads its own
# docker-default profile at start.
start_dockerd() {
  modprobe overlay 2>/dev/null || true
  dockerd --iptables=false --ip-masq=false --bridge=none --data-root /var/lib/docker \
    > /tmp/dockerd.log 2>&1 &
  _tries=0
  until docker version > /dev/null 2>&1; do
    _tries=$((_tries + 1))
    if [ $_tries -gt 600 ]; then
      echo "dockerd did not answer within 300 s; its log:"
      tail -n 40 /tmp/dockerd.log
      return 1
    fi
    sleep 0.5
  done
}

# Writes a busybox root file system into DIR: /bin/busybox, a link per applet, and the usual
# empty directories. Callers add their own files before importing it.
make_busybox_rootfs() {
  _dir=$1
  mkdir -p "$_dir/bin" "$_dir/etc" "$_dir/tmp" "$_dir/proc" "$_dir/sys" "$_dir/dev" "$_dir/root" "$_dir/var"
  cp /bin/busybox "$_dir/bin/busybox"
  for _applet in $(/bin/busybox --list); do
    [ "$_applet" = busybox ] || ln -s busybox "$_dir/bin/$_applet"
  done
  chmod 1777 "$_dir/tmp"
}

# Imports DIR as image NAME; further arguments go to `docker import` (e.g. --change 'CMD ...').
import_image() {
  _dir=$1
  _name=$2
  shift 2
  tar -C "$_dir" -c . | docker import "$@" - "$_name" > /dev/null
}
