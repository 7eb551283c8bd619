package dev.armorbench.ui.editor;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The editor's documentation of the language's words (written for this project, in
 * {@code docs/documentation.properties}): keywords, capabilities, file permissions, exec modes and
 * profile flags.
 */
public final class Documentation {
    private static final Documentation BUNDLED = load();
    private final Properties entries;

    private Documentation(Properties entries) {
        this.entries = entries;
    }

    public static Documentation bundled() {
        return BUNDLED;
    }

    public Optional<String> keyword(String word) {
        return entry("keyword." + word);
    }

    public Optional<String> capability(String name) {
        return entry("capability." + name);
    }

    public Optional<String> flag(String flag) {
        int equals = flag.indexOf('=');
        return entry("flag." + (equals >= 0 ? flag.substring(0, equals) : flag));
    }

    public Optional<String> execMode(String mode) {
        return entry("exec." + mode);
    }

    /** A permission string such as {@code mrix}: one line per permission, the exec mode as a whole. */
    public Optional<String> permissions(String permissions) {
        int execStart = permissions.length();
        while (execStart > 0 && "ipcuPCUx".indexOf(permissions.charAt(execStart - 1)) >= 0) {
            execStart--;
        }
        List<String> lines = new ArrayList<>();
        for (char permission : permissions.substring(0, execStart).toCharArray()) {
            entry("permission." + permission).ifPresent(lines::add);
        }
        String exec = permissions.substring(execStart);
        if (!exec.isEmpty()) {
            Optional<String> text = exec.equals("x") ? entry("permission.x") : entry("exec." + exec);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            lines.add(text.get());
        }
        return lines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", lines));
    }

    private Optional<String> entry(String key) {
        return Optional.ofNullable(entries.getProperty(key));
    }

    private static Documentation load() {
        Properties properties = new Properties();
        try (InputStream in = Documentation.class.getResourceAsStream("docs/documentation.properties")) {
            if (in == null) {
                throw new IllegalStateException("The editor documentation is missing from the application");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the editor documentation", e);
        }
        return new Documentation(properties);
    }
}
