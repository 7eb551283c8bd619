package dev.armorbench.policy.check;

import dev.armorbench.policy.model.Rule;
import dev.armorbench.policy.syntax.SyntaxNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an include inside a profile contributes, read once and replayed into every profile that
 * includes it under the same definitions: abstractions/base is read once per run, not per profile.
 *
 * @param closure every file it read, so a profile that already read one of them does not reuse it
 */
record CachedInclude(List<Origin> rules, List<Diagnostic> diagnostics, Set<Path> closure, Map<String, Object> dependencies) {
    /** Every variable lookup made while reading it gives the same answer now. */
    boolean matches(Variables variables) {
        for (Map.Entry<String, Object> dependency : dependencies.entrySet()) {
            if (!dependency.getValue().equals(variables.lookUp(dependency.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** A rule with where it was written, for the checks that compare rules across a profile. */
    record Origin(Rule rule, SourceFile source, SyntaxNode node, int end) {
    }
}
