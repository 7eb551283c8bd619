package dev.armorbench.suggest;

/**
 * What writing a rule for one profile needs to know about the policy around it.
 *
 * @param procVariables whether {@code @{PROC}} and {@code @{pid}} are defined (tunables included)
 * @param profiles the profiles that exist, to choose {@code px} when the exec'd program has one
 */
public record TargetContext(boolean procVariables, KnownProfiles profiles) {
}
