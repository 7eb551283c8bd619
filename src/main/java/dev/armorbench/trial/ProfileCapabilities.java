package dev.armorbench.trial;

import dev.armorbench.policy.model.AllRule;
import dev.armorbench.policy.model.CapabilityRule;
import dev.armorbench.policy.model.Policy;
import dev.armorbench.policy.model.Profile;
import dev.armorbench.policy.model.Rule;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The capabilities a trial container should be bound to: the union of what the policy's profiles
 * (top level, children and hats) allow with {@code capability} rules. A container bound to fewer
 * would fail for want of a capability before AppArmor is asked; one bound to more tests less.
 * Deny rules take nothing away here: the container's bounding set is about what may be asked at all.
 *
 * @param names      capabilities in the run configuration's form, e.g. {@code NET_BIND_SERVICE}
 * @param allowsAll  some profile allows every capability ({@code capability,} or {@code all,}); the names
 *                   then say nothing and the user decides
 */
public record ProfileCapabilities(Set<String> names, boolean allowsAll) {
    public ProfileCapabilities {
        names = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(names));
    }

    public static ProfileCapabilities of(Policy policy) {
        Set<String> names = new TreeSet<>();
        boolean all = false;
        for (Profile profile : policy.profiles()) {
            all |= collect(profile, names);
        }
        return new ProfileCapabilities(names, all);
    }

    /** The top-level profile's name, for {@code --security-opt apparmor=NAME}; empty without a profile. */
    public static Optional<String> topLevelName(Policy policy) {
        return policy == null || policy.profiles().isEmpty() ? Optional.empty()
                : Optional.of(policy.profiles().get(0).name());
    }

    private static boolean collect(Profile profile, Set<String> names) {
        boolean all = false;
        for (Rule rule : profile.rules()) {
            if (rule.qualifiers().deny()) {
                continue;
            }
            if (rule instanceof CapabilityRule capability) {
                if (capability.names().isEmpty()) {
                    all = true;
                }
                capability.names().forEach(name -> names.add(name.toUpperCase(Locale.ROOT)));
            } else if (rule instanceof AllRule) {
                all = true;
            }
        }
        for (Profile child : profile.children()) {
            all |= collect(child, names);
        }
        return all;
    }
}
