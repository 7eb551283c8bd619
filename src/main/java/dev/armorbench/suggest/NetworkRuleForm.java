package dev.armorbench.suggest;

import java.util.List;

/**
 * Which network rules the {@code apparmor_parser} that will load the profile reads, and so which
 * form a network suggestion offers first. AppArmor 4's parser reads permissions and addresses
 * ({@code network (send) inet stream ip=… peer=(…),}); AppArmor 3's (Debian 12's 3.0.8) stops at
 * them with "syntax error, unexpected TOK_ID", and a profile with such a rule does not load at all.
 */
public enum NetworkRuleForm {
    /** Permissions and addresses first, as aa-logprof 4 writes them. */
    FINE_GRAINED,
    /** {@code network FAMILY TYPE,} first: what AppArmor 3's parser reads and aa-logprof 3 writes. */
    FAMILY_AND_TYPE;

    /** The default among a network rule's alternatives: {@code preferred}, or the first the parser reads. */
    int defaultIndex(List<Alternative> alternatives, int preferred) {
        if (this == FINE_GRAINED) {
            return preferred;
        }
        for (int i = 0; i < alternatives.size(); i++) {
            if (isFamilyAndType(alternatives.get(i).rule())) {
                return i;
            }
        }
        return preferred;
    }

    /** A network rule without permissions ({@code (…)}) or addresses ({@code ip=}, {@code port=}, {@code peer=}). */
    public static boolean isFamilyAndType(String rule) {
        return !rule.contains("(") && !rule.contains("=");
    }
}
