package dev.armorbench.trial;

import java.util.List;
import java.util.Optional;

/**
 * What an image runs and as whom: the input of the entry point analysis.
 *
 * @param id          the image id
 * @param repoTags    its names
 * @param entrypoint  its {@code ENTRYPOINT}, if any
 * @param command     its {@code CMD}, if any (the entry point's arguments when both are set)
 * @param user        its {@code USER}; empty means root
 * @param workingDir  its {@code WORKDIR}; empty means {@code /}
 * @param environment its {@code ENV}, as {@code NAME=value} strings
 */
public record ImageDetails(String id, List<String> repoTags, Optional<ImageCommand> entrypoint,
                           Optional<ImageCommand> command, String user, String workingDir, List<String> environment) {
    public ImageDetails {
        repoTags = List.copyOf(repoTags);
        environment = List.copyOf(environment);
    }

    /**
     * The argument vector the container starts with when nothing is overridden: the entry point
     * followed by the command, or the command alone.
     */
    public List<String> effectiveCommand() {
        List<String> all = new java.util.ArrayList<>();
        entrypoint.ifPresent(e -> all.addAll(e.arguments()));
        command.ifPresent(c -> all.addAll(c.arguments()));
        return List.copyOf(all);
    }
}
