package dev.armorbench.suggest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The qualifiers a person may put on a suggested rule before accepting it: {@code audit},
 * {@code deny}, and for file rules {@code owner}. A deny rule cannot name an exec mode, so a denied
 * exec becomes plain {@code x}.
 */
public record RuleQualifiers(boolean audit, boolean deny, boolean owner) {
    private static final Pattern EXEC_MODE = Pattern.compile(" m?r?([ipcuPCU]{1,2}x)( -> [^,]*)?,$");

    /** The qualifiers a suggested rule text starts with. */
    public static RuleQualifiers of(String rule) {
        boolean audit = false;
        boolean deny = false;
        boolean owner = false;
        for (String word : rule.split(" ")) {
            switch (word) {
                case "audit" -> audit = true;
                case "deny" -> deny = true;
                case "owner" -> owner = true;
                default -> {
                    return new RuleQualifiers(audit, deny, owner);
                }
            }
        }
        return new RuleQualifiers(audit, deny, owner);
    }

    /** {@code rule} (a suggested rule's text) with these qualifiers instead of its own. */
    public String apply(String rule, RuleKind kind) {
        String body = rule;
        while (body.startsWith("audit ") || body.startsWith("deny ") || body.startsWith("owner ")) {
            body = body.substring(body.indexOf(' ') + 1);
        }
        if (deny && kind == RuleKind.FILE) {
            Matcher exec = EXEC_MODE.matcher(body);
            if (exec.find()) {
                body = body.substring(0, exec.start()) + " x,";
            }
        }
        boolean fileLike = kind == RuleKind.FILE || kind == RuleKind.LINK;
        return (audit ? "audit " : "") + (deny ? "deny " : "") + (owner && fileLike ? "owner " : "") + body;
    }
}
