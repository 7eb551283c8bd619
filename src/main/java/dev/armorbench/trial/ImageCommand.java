package dev.armorbench.trial;

import java.util.List;
import java.util.Optional;

/**
 * An image's {@code ENTRYPOINT} or {@code CMD} as the engine stores it, with its form recognised.
 * Docker stores the shell form {@code CMD echo hi} as {@code ["/bin/sh", "-c", "echo hi"]}; that
 * matters for confinement because the shell is then the first program the profile sees.
 *
 * @param arguments the stored argument vector
 * @param form      {@link Form#SHELL} when the vector is {@code /bin/sh -c SCRIPT}, else {@link Form#EXEC}
 */
public record ImageCommand(List<String> arguments, Form form) {
    public enum Form { EXEC, SHELL }

    public ImageCommand {
        arguments = List.copyOf(arguments);
    }

    /** Recognises the form of a stored vector; an absent or empty vector is no command. */
    public static Optional<ImageCommand> of(String[] stored) {
        if (stored == null || stored.length == 0) {
            return Optional.empty();
        }
        List<String> arguments = List.of(stored);
        boolean shell = arguments.size() == 3 && arguments.get(0).equals("/bin/sh") && arguments.get(1).equals("-c");
        return Optional.of(new ImageCommand(arguments, shell ? Form.SHELL : Form.EXEC));
    }

    /** For the shell form, the script handed to {@code /bin/sh -c}. */
    public Optional<String> shellScript() {
        return form == Form.SHELL ? Optional.of(arguments.get(2)) : Optional.empty();
    }

    /** The program the runtime executes first: {@code /bin/sh} for the shell form. */
    public String program() {
        return arguments.get(0);
    }
}
