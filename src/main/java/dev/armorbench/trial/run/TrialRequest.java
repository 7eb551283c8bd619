package dev.armorbench.trial.run;

import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.suggest.AbstractionOffers;
import dev.armorbench.trial.RunConfiguration;
import java.util.Objects;

/**
 * What one trial run runs: the profile text as saved (the caller saves it first), where its
 * includes are found, and the container's configuration.
 *
 * @param profile the policy file and its text; its top-level profile confines the container
 * @param sources where {@code include} finds its files, for the check and the suggestions
 * @param configuration the container to run (capabilities as given: the caller bounds them)
 * @param profileName the top-level profile to run under, or null for the file's first one
 * @param abstractions include offers for the suggestions, or null for none
 */
public record TrialRequest(SourceFile profile, PolicySources sources, RunConfiguration configuration,
        String profileName, AbstractionOffers abstractions) {
    public TrialRequest {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(configuration, "configuration");
    }

    public static TrialRequest of(SourceFile profile, PolicySources sources, RunConfiguration configuration) {
        return new TrialRequest(profile, sources, configuration, null, null);
    }
}
