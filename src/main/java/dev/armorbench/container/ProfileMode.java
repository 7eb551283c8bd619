package dev.armorbench.container;

import java.util.Locale;
import java.util.Set;

/** How a profile confines: the mode flag it declares or inherits. */
public enum ProfileMode {
    ENFORCE,
    COMPLAIN,
    KILL,
    UNCONFINED,
    PROMPT,
    DEFAULT_ALLOW;

    /** The mode a profile's own flags set, or null when they set none. */
    public static ProfileMode declaredIn(Set<String> flags) {
        for (ProfileMode mode : values()) {
            if (flags.contains(mode.label())) {
                return mode;
            }
        }
        return null;
    }

    /** As written in {@code flags=(…)}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
