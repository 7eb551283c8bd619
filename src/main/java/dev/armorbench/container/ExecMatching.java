package dev.armorbench.container;

import dev.armorbench.policy.aare.AarePattern;
import dev.armorbench.policy.aare.AareVariables;
import java.util.List;
import java.util.Map;

/** Whether an exec rule's path (or an attachment) matches a binary, through the AARE engine. */
final class ExecMatching {
    private final AareVariables variables;

    ExecMatching(Map<String, List<String>> variables) {
        this.variables = new AareVariables(variables);
    }

    boolean matches(String pattern, String binary) {
        try {
            String expanded = pattern.contains("@{") ? variables.expand(pattern) : pattern;
            return AarePattern.compilePath(expanded).matches(binary);
        } catch (RuntimeException e) {
            // A pattern the parser rejects is reported by lint; it grants nothing here.
            return false;
        }
    }

    static boolean matchesLiteral(String pattern, String binary) {
        if (pattern.contains("@{")) {
            return false;
        }
        try {
            return AarePattern.compilePath(pattern).matches(binary);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
