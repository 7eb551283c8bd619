package dev.armorbench.bench;

import java.lang.management.ManagementFactory;

/** The CPU time this JVM has used, on all its threads: what the benchmarks' per-CPU-second figures divide by. */
final class ProcessCpu {
    private ProcessCpu() {}

    /** Nanoseconds of CPU time the process has used; the calling thread's alone where the JVM cannot tell. */
    static long nanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
