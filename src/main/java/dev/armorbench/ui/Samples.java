package dev.armorbench.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The sample profiles of {@code samples/}, bundled in the jar so a first start can show one. */
public final class Samples {
    /** The sample a first start shows: the container shape the AppArmor documentation recommends. */
    public static final String FIRST_START = "container-with-children.profile";

    /** Every bundled sample, in the order File → Open Sample lists them. */
    public static final List<String> ALL = List.of(
            FIRST_START, "web-server.profile", "worker-with-helper.profile", "web-app-multi-process.profile",
            "complain-starter.profile", "trial-converged.profile");

    private Samples() {
    }

    public static String text(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/dev/armorbench/samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No bundled sample named " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled sample " + name, e);
        }
    }
}
