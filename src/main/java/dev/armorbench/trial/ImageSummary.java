package dev.armorbench.trial;

import java.time.Instant;
import java.util.List;

/**
 * One image as listed by the engine.
 *
 * @param id        the full image id, {@code sha256:…}
 * @param repoTags  its names, {@code repository:tag}; empty for an untagged image
 * @param sizeBytes its size on disk
 * @param created   when it was built
 */
public record ImageSummary(String id, List<String> repoTags, long sizeBytes, Instant created) {
    public ImageSummary {
        repoTags = List.copyOf(repoTags);
    }

    /** The first {@code repository:tag}, or {@code <none>:<none>} like {@code docker images} shows. */
    public String displayName() {
        return repoTags.isEmpty() ? "<none>:<none>" : repoTags.get(0);
    }

    /** The twelve hex digits {@code docker images} shows. */
    public String shortId() {
        String hex = id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }

    /** Whether the filter text (case-insensitive) occurs in a name or the id, for the panel's filter box. */
    public boolean matches(String filter) {
        String wanted = filter.strip().toLowerCase(java.util.Locale.ROOT);
        return wanted.isEmpty() || id.toLowerCase(java.util.Locale.ROOT).contains(wanted)
                || repoTags.stream().anyMatch(tag -> tag.toLowerCase(java.util.Locale.ROOT).contains(wanted));
    }
}
