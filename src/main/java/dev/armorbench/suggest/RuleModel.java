package dev.armorbench.suggest;

import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.policy.model.Profile;
import dev.armorbench.policy.model.Rule;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rule's meaning, read by the policy engine itself from the rule's text inside a throw-away
 * profile: what is checked for coverage is what the parser will read. Text the engine reports an
 * error for has no model.
 */
public final class RuleModel {
    private static final PolicySources NO_INCLUDES = new PolicySources(List.of(), Path.of(""));
    /**
     * How many rule texts keep their reading. A live run remakes its suggestions every few hundred
     * milliseconds from the same few thousand rules, so those stay; a workbench left open through
     * many runs must not keep every rule it ever suggested.
     */
    static final int KEPT_READINGS = 20_000;
    /** Least recently used first; guarded by itself. */
    private static final Map<String, Optional<Rule>> CACHE = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<Rule>> eldest) {
            return size() > KEPT_READINGS;
        }
    };

    private RuleModel() {
    }

    /**
     * The suggested rule's model, or null; kept (up to {@link #KEPT_READINGS} texts), since
     * suggestions repeat a small set of rules. Read outside the lock: two threads may read the same
     * text at once, and both get an equal model.
     */
    static Rule parse(String ruleText) {
        Optional<Rule> reading;
        synchronized (CACHE) {
            reading = CACHE.get(ruleText);
        }
        if (reading == null) {
            reading = read(ruleText);
            synchronized (CACHE) {
                CACHE.put(ruleText, reading);
            }
        }
        return reading.orElse(null);
    }

    /** How many rule texts keep their reading now; for tests. */
    static int keptReadings() {
        synchronized (CACHE) {
            return CACHE.size();
        }
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
