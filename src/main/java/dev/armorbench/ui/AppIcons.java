package dev.armorbench.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/**
 * The application's icon in every rendered size (drawn in {@code assets/armorbench.svg}, bundled
 * from {@code assets/icons/}). Given all sizes, the window system picks the best one for the title
 * bar, the task switcher and the dock.
 */
public final class AppIcons {
    /** The sizes {@code assets/render-icons.sh} renders; the .deb installs the same files. */
    public static final List<Integer> SIZES = List.of(16, 32, 48, 64, 128, 256);

    private AppIcons() {
    }

    /** Where the icon of one size is bundled in the jar. */
    public static String resource(int size) {
        return "/dev/armorbench/icons/armorbench-" + size + ".png";
    }

    public static List<Image> images() {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream in = AppIcons.class.getResourceAsStream(resource(size))) {
                if (in == null) {
                    throw new IllegalStateException("The jar lacks its icon " + resource(size));
                }
                images.add(new Image(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the bundled icon " + resource(size), e);
            }
        }
        return images;
    }
}
