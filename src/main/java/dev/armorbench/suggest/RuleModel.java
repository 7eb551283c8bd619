package dev.armorbench.suggest;

import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.policy.model.Profile;
import dev.armorbench.policy.model.Rule;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A rule's meaning, read by the policy engine itself from the rule's text inside a throw-away
 * profile: what is checked for coverage is what the parser will read. Text the engine reports an
 * error for has no model.
 */
public final class RuleModel {
    private static final PolicySources NO_INCLUDES = new PolicySources(List.of(), Path.of(""));
    private static final ConcurrentHashMap<String, Optional<Rule>> CACHE = new ConcurrentHashMap<>();

    private RuleModel() {
    }

    /** The suggested rule's model, or null; kept, since suggestions repeat a small set of rules. */
    static Rule parse(String ruleText) {
        return CACHE.computeIfAbsent(ruleText, RuleModel::read).orElse(null);
    }

    /** The one rule {@code ruleText} writes, read afresh (for text a person types, which is not kept); empty for errors. */
    public static Optional<Rule> read(String ruleText) {
        LintResult result = PolicyReader.lint(new SourceFile(Path.of("suggestion"), "profile s {\n  " + ruleText + "\n}\n"),
                NO_INCLUDES);
        if (result.hasErrors() || result.policy().profiles().size() != 1) {
            return Optional.empty();
        }
        Profile profile = result.policy().profiles().get(0);
        return profile.rules().size() == 1 ? Optional.of(profile.rules().get(0)) : Optional.empty();
    }
}
