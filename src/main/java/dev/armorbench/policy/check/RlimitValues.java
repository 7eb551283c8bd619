package dev.armorbench.policy.check;

import java.util.Set;

/** Which values each rlimit takes: sizes, counts, times, or a nice value. */
final class RlimitValues {
    private static final Set<String> SIZES = Set.of("fsize", "data", "stack", "core", "rss", "as", "memlock", "msgqueue");
    private static final Set<String> COUNTS = Set.of("nofile", "ofile", "nproc", "locks", "sigpending", "rtprio");

    private RlimitValues() {
    }

    /** Null when fine, else what to write instead. */
    static String problem(String resource, String value) {
        String v = value.trim();
        if (v.equals("infinity")) {
            return null;
        }
        if (resource.equals("nice")) {
            return isInteger(v) && Integer.parseInt(v) >= -20 && Integer.parseInt(v) <= 19 ? null
                    : "nice takes a number from -20 to 19";
        }
        if (COUNTS.contains(resource)) {
            return isDigits(v) ? null : resource + " takes a whole number or 'infinity'";
        }
        if (SIZES.contains(resource)) {
            return sizeOk(v) ? null : resource + " takes a size like 1024, 10K, 5M or 1G, or 'infinity'";
        }
        if (resource.equals("cpu")) {
            return timeOk(v, false) ? null : "cpu takes seconds or a time like 10s, 5m, 1h";
        }
        if (resource.equals("rttime")) {
            return timeOk(v, true) ? null : "rttime takes a time like 10us, 20ms, 1s (a bare 'm' is ambiguous)";
        }
        return null;
    }

    private static boolean sizeOk(String v) {
        int i = digitsEnd(v);
        if (i == 0) {
            return false;
        }
        String unit = v.substring(i).trim();
        return unit.isEmpty() || Set.of("K", "KB", "M", "MB", "G", "GB").contains(unit);
    }

    private static boolean timeOk(String v, boolean realtime) {
        int i = digitsEnd(v);
        if (i == 0) {
            return false;
        }
        String unit = v.substring(i).trim();
        if (unit.isEmpty()) {
            return true;
        }
        Set<String> units = realtime
                ? Set.of("us", "microsecond", "microseconds", "ms", "millisecond", "milliseconds", "s", "sec", "second",
                        "seconds", "min", "minute", "minutes", "h", "hour", "hours", "d", "day", "days", "week", "weeks")
                : Set.of("s", "sec", "second", "seconds", "min", "minute", "minutes", "h", "hour", "hours", "d",
                        "day", "days", "week", "weeks");
        return units.contains(unit);
    }

    private static int digitsEnd(String v) {
        int i = 0;
        while (i < v.length() && Character.isDigit(v.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigits(String v) {
        return !v.isEmpty() && digitsEnd(v) == v.length();
    }

    private static boolean isInteger(String v) {
        return isDigits(v.startsWith("-") || v.startsWith("+") ? v.substring(1) : v);
    }
}
