package dev.armorbench.policy.model;

import java.util.List;
import java.util.Set;

/**
 * A profile, child profile or hat with its rules (includes already inlined).
 *
 * @param name the name as written (variables expanded), namespace included
 * @param attachment the attachment glob, or null
 * @param flags the profile flags as written
 * @param hat declared with {@code ^} or {@code hat}
 */
public record Profile(String name, String attachment, Conditions xattrs, Set<String> flags, boolean hat,
        List<Rule> rules, List<Profile> children) {
}
