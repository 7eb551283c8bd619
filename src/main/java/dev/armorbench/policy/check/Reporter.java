package dev.armorbench.policy.check;

import java.util.List;

/** Where readers send what they find, in the file being read. */
interface Reporter {
    void report(Severity severity, String code, String message, int start, int end);

    default void error(String code, String message, int start, int end) {
        report(Severity.ERROR, code, message, start, end);
    }

    /** An error with the fixes its check can make; a reporter that keeps no fixes drops them. */
    default void error(String code, String message, int start, int end, List<DiagnosticFix> fixes) {
        error(code, message, start, end);
    }
}
