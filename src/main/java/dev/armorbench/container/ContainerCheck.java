package dev.armorbench.container;

import dev.armorbench.policy.check.Severity;

/** The container checks, each with its stable code (explained in {@code docs/container-checks.md}). */
public enum ContainerCheck {
    ATTACHMENT("container-attachment", Severity.WARNING),
    DISCONNECTED_FLAGS("container-disconnected-flags", Severity.WARNING),
    CHILD_ATTACHMENT_EXEC("container-child-attachment-exec", Severity.INFO),
    CAPABILITY_FLAGS("container-capability-flags", Severity.INFO),
    CAPABILITY_NOT_IN_DOCKER_DEFAULT("container-capability-not-in-docker-default", Severity.WARNING),
    CAPABILITY_DOCKER_DEFAULT_UNUSED("container-capability-docker-default-unused", Severity.INFO),
    ENTRYPOINT_TRANSITION_NEVER_FIRES("container-entrypoint-transition-never-fires", Severity.WARNING),
    ENTRYPOINT_NO_EXEC("container-entrypoint-no-exec", Severity.WARNING),
    PX_TO_CHILD_NAME("container-px-to-child-name", Severity.WARNING);

    private final String code;
    private final Severity severity;

    ContainerCheck(String code, Severity severity) {
        this.code = code;
        this.severity = severity;
    }

    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }

    /** The check with this code, or null. */
    public static ContainerCheck byCode(String code) {
        for (ContainerCheck check : values()) {
            if (check.code.equals(code)) {
                return check;
            }
        }
        return null;
    }
}
