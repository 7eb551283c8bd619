package dev.armorbench.ui.docker;

import dev.armorbench.container.ImageConfig;
import dev.armorbench.trial.ImageCommand;
import dev.armorbench.trial.ImageDetails;
import java.util.List;
import java.util.Optional;

/**
 * The tree's entry point analysis input for an inspected image as the run configuration runs it: a
 * command override replaces the image's Cmd (exec form, as {@code docker run IMAGE ARG…} does) and
 * keeps its Entrypoint.
 */
final class EntryPointConfig {
    private EntryPointConfig() {
    }

    static ImageConfig of(ImageDetails image, List<String> commandOverride) {
        ImageConfig.Command entrypoint = command(image.entrypoint());
        ImageConfig.Command cmd = commandOverride.isEmpty() ? command(image.command())
                : new ImageConfig.Command(commandOverride, false);
        List<String> path = ImageConfig.DEFAULT_PATH;
        for (String variable : image.environment()) {
            if (variable.startsWith("PATH=")) {
                path = java.util.Arrays.stream(variable.substring("PATH=".length()).split(":"))
                        .filter(directory -> !directory.isEmpty()).toList();
            }
        }
        String note = "image " + ImagesView.nameOf(image) + (commandOverride.isEmpty() ? "" : ", command overridden");
        return new ImageConfig(entrypoint, cmd, path, entrypoint == null && cmd == null ? note : null);
    }

    private static ImageConfig.Command command(Optional<ImageCommand> stored) {
        return stored.map(command -> ImageConfig.Command.stored(command.arguments())).orElse(null);
    }
}
