package dev.armorbench.container;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * What an image says to run: its Entrypoint and Cmd (each null when not set) and the PATH the runtime
 * looks a bare program name up in. Read from {@code docker image inspect} JSON or from a Dockerfile.
 *
 * @param entrypoint the Entrypoint, or null
 * @param cmd the Cmd, or null
 * @param path the image's PATH directories
 * @param note what could not be known (for example an Entrypoint inherited from a base image), or null
 */
public record ImageConfig(Command entrypoint, Command cmd, List<String> path, String note) {
    /** Docker's PATH when the image sets none. */
    public static final List<String> DEFAULT_PATH = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin",
            "/sbin", "/bin");

    /**
     * An Entrypoint or Cmd as Docker stores it.
     *
     * @param argv the words; for shell form the shell, {@code -c} and the command string
     * @param shellForm written as a string in the Dockerfile, run through the shell
     */
    public record Command(List<String> argv, boolean shellForm) {
        public Command {
            argv = List.copyOf(argv);
        }

        /**
         * Reads Docker's stored form: a shell-form instruction is stored as {@code [SHELL…, "-c", "command"]}.
         */
        public static Command stored(List<String> argv) {
            boolean shell = argv.size() == 3 && argv.get(1).equals("-c") && argv.get(0).endsWith("sh");
            return new Command(argv, shell);
        }

        /** The command string of a shell-form command. */
        public String shellCommand() {
            return shellForm ? argv.get(argv.size() - 1) : null;
        }
    }

    /** Reads {@code docker image inspect IMAGE} output (an array of one object) or one image object. */
    public static ImageConfig fromInspectJson(String json) throws ImageConfigException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new ImageConfigException("the image configuration is not JSON (" + e.getOriginalMessage()
                    + "); save it with 'docker image inspect IMAGE > FILE'");
        }
        if (root != null && root.isArray()) {
            if (root.isEmpty()) {
                throw new ImageConfigException("the image configuration is an empty list; inspect an image that exists");
            }
            root = root.get(0);
        }
        JsonNode config = root == null ? null : root.has("Config") ? root.get("Config") : root.get("config");
        if (config == null || !config.isObject()) {
            throw new ImageConfigException("the JSON has no \"Config\" object; save it with 'docker image inspect IMAGE > FILE'");
        }
        Command entrypoint = command(config.get("Entrypoint"));
        Command cmd = command(config.get("Cmd"));
        List<String> path = DEFAULT_PATH;
        JsonNode env = config.get("Env");
        if (env != null && env.isArray()) {
            for (JsonNode entry : env) {
                if (entry.asText().startsWith("PATH=")) {
                    path = splitPath(entry.asText().substring(5));
                }
            }
        }
        return new ImageConfig(entrypoint, cmd, path, null);
    }

    private static Command command(JsonNode node) throws ImageConfigException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new ImageConfigException("Entrypoint and Cmd must be lists of strings in the image configuration");
        }
        List<String> argv = new ArrayList<>();
        node.forEach(word -> argv.add(word.asText()));
        return argv.isEmpty() ? null : Command.stored(argv);
    }

    static List<String> splitPath(String value) {
        List<String> dirs = new ArrayList<>();
        for (String dir : value.split(":")) {
            if (!dir.isEmpty()) {
                dirs.add(dir);
            }
        }
        return List.copyOf(dirs);
    }

    /** Reads a Dockerfile's last stage: its ENTRYPOINT, CMD, SHELL and ENV PATH. */
    public static ImageConfig fromDockerfile(String text) throws ImageConfigException {
        return DockerfileReader.read(text);
    }

    /**
     * The process the container starts, by Docker's rules: an exec-form Entrypoint gets Cmd appended as
     * arguments; a shell-form Entrypoint ignores Cmd; without an Entrypoint, Cmd runs alone.
     */
    public StartCommand startCommand() throws ImageConfigException {
        if (entrypoint != null && !entrypoint.shellForm()) {
            List<String> argv = new ArrayList<>(entrypoint.argv());
            if (cmd != null) {
                argv.addAll(cmd.argv());
            }
            return StartCommand.exec(argv, path);
        }
        if (entrypoint != null) {
            return StartCommand.shell(entrypoint.argv(), path);
        }
        if (cmd != null) {
            return cmd.shellForm() ? StartCommand.shell(cmd.argv(), path) : StartCommand.exec(cmd.argv(), path);
        }
        throw new ImageConfigException("the image has neither an Entrypoint nor a Cmd"
                + (note == null ? "" : " (" + note + ")") + "; give the image's 'docker image inspect' output instead");
    }
}
