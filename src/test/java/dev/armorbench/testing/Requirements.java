package dev.armorbench.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a test needs from the machine. Outside CI a missing requirement skips the test with a message
 * saying what is missing; in CI ({@code CI=true}) {@code .ci/run} provides everything, so it fails.
 */
public final class Requirements {
    private Requirements() {
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public static void require(boolean available, String whatIsMissing) {
        if (available) {
            return;
        }
        if (inCi()) {
            fail("Required in CI but missing: " + whatIsMissing);
        }
        assumeTrue(false, "Skipped: " + whatIsMissing);
    }
}
