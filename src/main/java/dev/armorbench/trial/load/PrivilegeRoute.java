package dev.armorbench.trial.load;

/** How ArmorBench gets root for running {@code apparmor_parser}, the only step that needs it. */
public enum PrivilegeRoute {
    /** Already root: the parser runs directly. */
    AS_ROOT("as root"),
    /** The installed root helper through pkexec: polkit asks with the helper's own message. */
    ROOT_HELPER("through pkexec and ArmorBench's root helper"),
    /** pkexec of the parser itself: polkit's generic "run a program as root" prompt. */
    PKEXEC("through pkexec"),
    /** sudo without a password (sudo -n), where sudoers allows the parser. */
    SUDO("through sudo -n");

    private final String description;

    PrivilegeRoute(String description) {
        this.description = description;
    }

    /** E.g. "through pkexec", for a sentence about the command. */
    public String description() {
        return description;
    }
}
