package dev.armorbench.policy.check;

import java.util.Locale;

public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** As the lint output writes it: {@code error}, {@code warning}, {@code info}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
