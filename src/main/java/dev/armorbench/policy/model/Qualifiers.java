package dev.armorbench.policy.model;

/**
 * What stands before a rule: {@code priority=N audit allow|deny|prompt owner|user|other}.
 *
 * @param priority null when not given
 * @param access "allow", "deny", "prompt" or null (plain allow)
 * @param owner "owner", "user", "other" or null
 */
public record Qualifiers(Integer priority, boolean audit, String access, String owner) {
    public static final Qualifiers NONE = new Qualifiers(null, false, null, null);

    public boolean deny() {
        return "deny".equals(access);
    }

    /** Later qualifiers (a rule inside a qualifier block) add to earlier ones. */
    public Qualifiers with(Qualifiers inner) {
        return new Qualifiers(inner.priority != null ? inner.priority : priority, audit || inner.audit,
                inner.access != null ? inner.access : access, inner.owner != null ? inner.owner : owner);
    }

    /** The canonical prefix, with a trailing space when not empty. */
    public String prefix() {
        StringBuilder out = new StringBuilder();
        if (priority != null) {
            out.append("priority=").append(priority).append(' ');
        }
        if (audit) {
            out.append("audit ");
        }
        if (access != null && !access.equals("allow")) {
            out.append(access).append(' ');
        }
        if (owner != null) {
            out.append(owner).append(' ');
        }
        return out.toString();
    }

    /** A rule with these qualifiers grants at least what one with {@code other} does. */
    public boolean covers(Qualifiers other) {
        return deny() == other.deny() && (owner == null || owner.equals(other.owner)) && (!other.audit || audit);
    }
}
