package dev.armorbench.policy.check;

/** Where readers send what they find, in the file being read. */
interface Reporter {
    void report(Severity severity, String code, String message, int start, int end);

    default void error(String code, String message, int start, int end) {
        report(Severity.ERROR, code, message, start, end);
    }
}
