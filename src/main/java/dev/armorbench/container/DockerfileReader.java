package dev.armorbench.container;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads what a Dockerfile's final stage runs. Exec form is a JSON array; anything else is shell form,
 * stored as the SHELL (default {@code /bin/sh -c}) followed by the string, as {@code docker build}
 * stores it. An ENTRYPOINT in the stage clears a CMD inherited from the base image.
 */
final class DockerfileReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerfileReader() {
    }

    static ImageConfig read(String text) throws ImageConfigException {
        ImageConfig.Command entrypoint = null;
        ImageConfig.Command cmd = null;
        List<String> shell = List.of("/bin/sh", "-c");
        List<String> path = ImageConfig.DEFAULT_PATH;
        boolean sawFrom = false;
        boolean entrypointSet = false;
        boolean cmdSet = false;
        for (String line : logicalLines(text)) {
            int space = line.indexOf(' ');
            String instruction = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
            String argument = space < 0 ? "" : line.substring(space + 1).trim();
            switch (instruction) {
                case "FROM" -> {
                    sawFrom = true;
                    entrypoint = null;
                    cmd = null;
                    entrypointSet = false;
                    cmdSet = false;
                    shell = List.of("/bin/sh", "-c");
                    path = ImageConfig.DEFAULT_PATH;
                }
                case "SHELL" -> {
                    List<String> words = jsonArray(argument);
                    if (words == null || words.isEmpty()) {
                        throw new ImageConfigException("SHELL takes a JSON array, e.g. SHELL [\"/bin/bash\", \"-c\"]");
                    }
                    shell = words;
                }
                case "ENTRYPOINT" -> {
                    entrypoint = command(argument, shell);
                    entrypointSet = true;
                    if (!cmdSet) {
                        cmd = null;
                    }
                }
                case "CMD" -> {
                    cmd = command(argument, shell);
                    cmdSet = true;
                }
                case "ENV" -> {
                    String value = envPath(argument);
                    if (value != null) {
                        path = ImageConfig.splitPath(value);
                    }
                }
                default -> {
                }
            }
        }
        if (!sawFrom) {
            throw new ImageConfigException("the Dockerfile has no FROM line; give the Dockerfile the image is built from");
        }
        String note = entrypointSet || cmdSet ? null
                : "the Entrypoint and Cmd come from the base image, which a Dockerfile does not show";
        if (!entrypointSet && cmdSet) {
            note = "an Entrypoint of the base image would run with this CMD as its arguments; "
                    + "check 'docker image inspect' when the base image has one";
        }
        return new ImageConfig(entrypoint, cmd, path, note);
    }

    private static ImageConfig.Command command(String argument, List<String> shell) {
        List<String> words = jsonArray(argument);
        if (words != null) {
            return words.isEmpty() ? null : new ImageConfig.Command(words, false);
        }
        List<String> argv = new ArrayList<>(shell);
        argv.add(argument);
        return new ImageConfig.Command(argv, true);
    }

    /** The strings of a JSON array, or null when the text is not one (Docker then takes shell form). */
    private static List<String> jsonArray(String text) {
        if (!text.startsWith("[")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isArray()) {
                return null;
            }
            List<String> words = new ArrayList<>();
            for (JsonNode word : node) {
                if (!word.isTextual()) {
                    return null;
                }
                words.add(word.asText());
            }
            return words;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String envPath(String argument) {
        if (argument.startsWith("PATH=")) {
            String value = argument.substring(5);
            int space = value.indexOf(' ');
            value = space < 0 ? value : value.substring(0, space);
            return value.replace("\"", "");
        }
        if (argument.startsWith("PATH ")) {
            return argument.substring(5).trim().replace("\"", "");
        }
        return null;
    }

    /** Lines joined across trailing backslashes, comments and blank lines dropped. */
    private static List<String> logicalLines(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : text.split("\r?\n", -1)) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            String joined = current.toString().trim();
            current.setLength(0);
            if (!joined.isEmpty()) {
                lines.add(joined);
            }
        }
        if (!current.toString().isBlank()) {
            lines.add(current.toString().trim());
        }
        return lines;
    }
}
