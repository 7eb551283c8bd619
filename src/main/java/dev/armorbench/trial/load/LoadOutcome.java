package dev.armorbench.trial.load;

/** How an attempt to load (or remove) a profile ended. {@link #succeeded()} for the first two; {@code READY}
 * only from a plan; every other kind is a refusal. */
public enum LoadOutcome {
    /** The kernel took the profile; {@link LoadResult#profiles()} says in which mode. */
    LOADED,
    /** The kernel dropped the profile. */
    REMOVED,
    /** Only planned ({@link ProfileLoader#plan}): every check passed; {@link LoadResult#command()} would run. */
    READY,
    /** The kernel has no AppArmor, or it is switched off, or securityfs is not mounted. */
    APPARMOR_NOT_ENABLED,
    /** {@code apparmor_parser} is not installed. */
    PARSER_MISSING,
    /** The profile file cannot be read. */
    UNREADABLE,
    /** ArmorBench's own check found errors; the parser was not run. */
    LINT_ERRORS,
    /** {@code apparmor_parser} rejected the profile; its own words and the line are in the result. */
    PARSER_ERROR,
    /** The polkit prompt was dismissed. */
    AUTHENTICATION_DISMISSED,
    /** polkit refused (wrong password, not an administrator, no authentication agent) or sudo did. */
    NOT_AUTHORIZED,
    /** Not root, and neither pkexec nor a password-less sudo is available. */
    NO_PRIVILEGE_ROUTE,
    /** The root helper refused the request (it takes only its fixed options). */
    HELPER_REFUSED,
    /** The command could not be started, or it did not finish in time. */
    COMMAND_FAILED;

    public boolean succeeded() {
        return this == LOADED || this == REMOVED;
    }
}
