package dev.armorbench.trial.run;

import dev.armorbench.container.ProfileMode;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.model.CapabilityRule;
import dev.armorbench.policy.model.Profile;
import dev.armorbench.policy.model.Rule;
import dev.armorbench.trial.RunConfiguration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which capabilities a trial's container gets, by mode.
 *
 * <ul>
 *   <li><b>Complain</b>: Docker's default set plus those asked for. A capability the container's
 *       bounding set lacks fails in the kernel's own capability check, before AppArmor is asked, so
 *       complain mode would never log it and the loop could not learn it.</li>
 *   <li><b>Enforce</b>: {@code --cap-drop ALL} and exactly the union of what the file's profiles
 *       allow ({@code capability NAME,} rules that are not {@code deny}) plus those asked for; a
 *       profile allowing every capability ({@code capability,}) keeps Docker's default set.</li>
 * </ul>
 */
public final class CapabilityBounds {
    private CapabilityBounds() {
    }

    public static RunConfiguration forMode(RunConfiguration configuration, LintResult lint, ProfileMode mode) {
        if (mode == ProfileMode.COMPLAIN) {
            return configuration.withKeepDefaultCapabilities(true);
        }
        Set<String> union = new TreeSet<>(configuration.capabilities());
        boolean all = false;
        if (lint.policy() != null) {
            for (Profile profile : lint.policy().profiles()) {
                all |= collect(profile, union);
            }
        }
        return configuration.withKeepDefaultCapabilities(all).withCapabilities(union);
    }

    /** Adds the profile's (and its children's) allowed capabilities; true when one allows them all. */
    private static boolean collect(Profile profile, Set<String> union) {
        boolean all = false;
        for (Rule rule : profile.rules()) {
            if (rule instanceof CapabilityRule capability && !capability.qualifiers().deny()) {
                if (capability.names().isEmpty()) {
                    all = true;
                }
                capability.names().forEach(name -> union.add(name.toUpperCase(Locale.ROOT)));
            }
        }
        for (Profile child : profile.children()) {
            all |= collect(child, union);
        }
        return all;
    }
}
