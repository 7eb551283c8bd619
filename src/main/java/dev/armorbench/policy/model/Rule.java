package dev.armorbench.policy.model;

/**
 * One rule of a profile. Each kind is a record that knows how it prints in canonical form and
 * whether it grants everything another rule grants.
 */
public sealed interface Rule permits FileRule, LinkRule, CapabilityRule, NetworkRule, UnixRule, SignalRule,
        PtraceRule, DbusRule, MountRule, RemountRule, UmountRule, PivotRootRule, ChangeProfileRule,
        ChangeHatRule, RlimitRule, UsernsRule, IoUringRule, MqueueRule, AllRule {
    Qualifiers qualifiers();

    /** The rule as a tool writes it: canonical order, single spaces, trailing comma. */
    String canonical();

    /** This rule grants (or, for deny rules, denies) everything {@code other} does. */
    boolean covers(Rule other);
}
