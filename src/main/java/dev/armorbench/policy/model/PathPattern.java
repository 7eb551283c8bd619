package dev.armorbench.policy.model;

import dev.armorbench.policy.aare.AarePattern;
import dev.armorbench.policy.aare.AareSyntaxException;
import dev.armorbench.policy.aare.AareTokenText;

/**
 * A path or label pattern as {@code covers} needs it, backed by the AARE engine: {@code /etc/**}
 * includes {@code /etc/*.conf} because every path the second matches, the first matches too.
 * Text the engine cannot compile (an unexpanded variable, a syntax error already reported by the
 * checks) falls back to {@link LiteralPattern}, which is exact for equal text and otherwise answers
 * "not covered" — never a wrong "covered".
 */
public interface PathPattern {
    boolean matches(String path);

    /** Every string {@code other} matches is matched by this pattern. */
    boolean includes(PathPattern other);

    String text();

    static PathPattern of(String text) {
        String unquoted = AareTokenText.unquoteIfQuoted(text);
        try {
            AarePattern pattern = unquoted.startsWith("/") ? AarePattern.compilePath(unquoted)
                    : AarePattern.compile(unquoted);
            return new AarePathPattern(text, pattern);
        } catch (AareSyntaxException e) {
            return new LiteralPattern(text);
        }
    }

    /** Whether the pattern {@code mine} covers the pattern {@code theirs} (null is a bare rule: everything). */
    static boolean covers(String mine, String theirs) {
        return mine == null || theirs != null && of(mine).includes(of(theirs));
    }
}
