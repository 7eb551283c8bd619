package dev.armorbench.policy.model;

/**
 * {@code change_profile [safe|unsafe] [EXEC] [-> PROFILE],}.
 *
 * @param execMode "safe", "unsafe" or null
 */
public record ChangeProfileRule(Qualifiers qualifiers, String execMode, String exec, String target) implements Rule {
    @Override
    public String canonical() {
        return qualifiers.prefix() + "change_profile" + (execMode == null ? "" : " " + execMode)
                + (exec == null ? "" : " " + exec) + (target == null ? "" : " -> " + target) + ",";
    }

    @Override
    public boolean covers(Rule other) {
        return other instanceof ChangeProfileRule that && qualifiers.covers(that.qualifiers)
                && Permissions.covers(exec, that.exec) && Permissions.covers(target, that.target)
                && (!"safe".equals(execMode) || !"unsafe".equals(that.execMode));
    }
}
