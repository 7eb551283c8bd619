package dev.armorbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AppIconsTest {
    @Test
    void everySizeIsBundledAtItsSizeWithTransparentCorners() throws Exception {
        for (int size : AppIcons.SIZES) {
            try (InputStream in = AppIcons.class.getResourceAsStream(AppIcons.resource(size))) {
                assertThat(in).as(AppIcons.resource(size)).isNotNull();
                BufferedImage image = ImageIO.read(in);
                assertThat(image.getWidth()).as("width of %s", size).isEqualTo(size);
                assertThat(image.getHeight()).as("height of %s", size).isEqualTo(size);
                // The shield leaves the corners free: an icon on an opaque square would look pasted on.
                assertThat(image.getRGB(0, size - 1) >>> 24).as("alpha of the corner at %s", size).isZero();
                assertThat(image.getRGB(size / 2, size / 2) >>> 24).as("alpha of the centre at %s", size).isEqualTo(255);
            }
        }
    }

    @Test
    void pngsWereRenderedFromTheCurrentSvg() throws Exception {
        byte[] svg = Files.readAllBytes(Path.of("assets/armorbench.svg"));
        String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(svg));
        String recorded = Files.readString(Path.of("assets/icons/armorbench.svg.sha256")).strip();
        assertThat(actual).as("assets/armorbench.svg changed: run assets/render-icons.sh").isEqualTo(recorded);
    }
}
