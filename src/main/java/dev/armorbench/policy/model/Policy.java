package dev.armorbench.policy.model;

import java.util.List;
import java.util.Map;

/**
 * What one policy file means once its includes are read: its profiles and the variables of its
 * preamble.
 */
public record Policy(List<Profile> profiles, Map<String, List<String>> variables, Map<String, Boolean> booleans) {
}
