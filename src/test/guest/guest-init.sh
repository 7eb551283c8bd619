#!/bin/sh
# PID 1 of one guest run. The guest's fixed shim (armorbench-init, written by build-guest.sh)
# mounts the run's disk read-only at /armorbench and executes this script from there:
#   /armorbench/guest-init.sh   this file
#   /armorbench/script.sh       the test's workload
#   /armorbench/files/NAME      the test's files
#   /armorbench/lib/*.sh        shell functions for workloads (docker-in-guest.sh)
# The second serial port (/dev/ttyS1) is the result channel: a boot marker, then everything the
# workload prints (stdout and stderr), then "ARMORBENCH-EXIT <code>". The host reads nothing else
# from it; kernel and init chatter stay on the console (ttyS0).
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH HOME=/root LANG=C.UTF-8
result=/dev/ttyS1

# Raw output: no \n -> \r\n translation, so the host reads the workload's bytes as written.
stty -F "$result" raw -echo 115200 2>/dev/null
echo "ARMORBENCH-BOOTED" > "$result"

mount -t tmpfs -o mode=755 tmpfs /run
mkdir -p /run/lock
mount -t tmpfs -o mode=1777 tmpfs /tmp
mkdir -p /dev/pts /dev/shm /dev/mqueue
mount -t devpts -o gid=5,mode=620,ptmxmode=666 devpts /dev/pts
mount -t tmpfs -o mode=1777 tmpfs /dev/shm
mount -t mqueue mqueue /dev/mqueue
ln -sf /proc/self/fd /dev/fd
ln -sf /proc/self/fd/0 /dev/stdin
ln -sf /proc/self/fd/1 /dev/stdout
ln -sf /proc/self/fd/2 /dev/stderr
mount -t securityfs securityfs /sys/kernel/security
mount -t cgroup2 cgroup2 /sys/fs/cgroup
hostname armorbench-guest
ip link set lo up
# Without auditd the kernel prints AppArmor's audit records through a rate-limited printk
# (10 lines per 5 s); a limit of 0 keeps every line of a run in dmesg.
echo 0 > /proc/sys/kernel/printk_ratelimit

export ARMORBENCH_FILES=/armorbench/files ARMORBENCH_LIB=/armorbench/lib
mkdir -p /tmp/work
cd /tmp/work
/bin/sh /armorbench/script.sh > "$result" 2>&1 < /dev/null
code=$?
echo "ARMORBENCH-EXIT $code" > "$result"
sync
busybox poweroff -f
