package dev.armorbench.trial;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which AppArmor profile a process runs under, as the kernel reports it in
 * {@code /proc/PID/attr/apparmor/current}: the live answer to "is my container confined, and by what?".
 *
 * @param state   what the label says
 * @param profile the profile name (with {@code //child} for a child profile) when confined, else empty
 * @param mode    {@code enforce}, {@code complain}, {@code kill}, {@code unconfined} or {@code prompt} when confined, else empty
 */
public record ConfinementLabel(State state, String profile, String mode) {
    public enum State {
        /** Under a profile. */
        CONFINED,
        /** AppArmor is active but the process has no profile. */
        UNCONFINED,
        /** The kernel has no AppArmor (the label file is missing or refuses reads); nothing confines by AppArmor. */
        NO_APPARMOR,
        /** The process ended before its label was read. */
        PROCESS_GONE,
        /** The engine runs on another machine (or in a VM): its pids are not this machine's. */
        NOT_LOCAL
    }

    private static final Pattern LABEL = Pattern.compile("(.+) \\(([a-z]+)\\)");

    public static final ConfinementLabel UNCONFINED = new ConfinementLabel(State.UNCONFINED, "", "");
    public static final ConfinementLabel NO_APPARMOR = new ConfinementLabel(State.NO_APPARMOR, "", "");
    public static final ConfinementLabel PROCESS_GONE = new ConfinementLabel(State.PROCESS_GONE, "", "");
    public static final ConfinementLabel NOT_LOCAL = new ConfinementLabel(State.NOT_LOCAL, "", "");

    /** Parses the file's text: {@code unconfined}, or {@code NAME (MODE)}; a trailing NUL or newline is ignored. */
    public static ConfinementLabel parse(String text) {
        String label = text.replace("\0", "").strip();
        if (label.isEmpty() || label.equals("unconfined")) {
            return UNCONFINED;
        }
        Matcher matcher = LABEL.matcher(label);
        if (matcher.matches()) {
            return new ConfinementLabel(State.CONFINED, matcher.group(1), matcher.group(2));
        }
        // A label without a mode is still a profile name (older kernels print stacked labels so).
        return new ConfinementLabel(State.CONFINED, label, "");
    }

    /** For display: {@code docker-default (enforce)}, {@code unconfined}, {@code no AppArmor}, {@code exited}. */
    public String describe() {
        return switch (state) {
            case CONFINED -> mode.isEmpty() ? profile : profile + " (" + mode + ")";
            case UNCONFINED -> "unconfined";
            case NO_APPARMOR -> "no AppArmor";
            case PROCESS_GONE -> "exited";
            case NOT_LOCAL -> "unknown (remote engine)";
        };
    }
}
