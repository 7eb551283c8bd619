package dev.armorbench.ui.docker;

import dev.armorbench.policy.model.Policy;
import dev.armorbench.trial.ProfileCapabilities;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The profile the panel works for: the selected document's file (none while untitled), its name, and
 * what the last check read it to mean.
 *
 * @param file   the profile file, the key of its saved run configuration; empty for an untitled document
 * @param name   the document's name, for messages and for keeping an untitled document's configuration
 * @param policy the document's profiles, or null before its first check
 */
public record ProfileContext(Optional<Path> file, String name, Policy policy) {
    /** The name for {@code --security-opt apparmor=}: the first top-level profile's. */
    public Optional<String> appArmorProfile() {
        return ProfileCapabilities.topLevelName(policy);
    }

    public ProfileCapabilities capabilities() {
        return policy == null ? new ProfileCapabilities(java.util.Set.of(), false) : ProfileCapabilities.of(policy);
    }

    /** The key its configuration is kept under while the panel is open. */
    String key() {
        return file.map(path -> path.toAbsolutePath().normalize().toString()).orElse("untitled:" + name);
    }
}
