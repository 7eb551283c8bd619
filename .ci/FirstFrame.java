import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Waits for an application's first frame on an Xvfb screen and keeps it as a PNG.
 *
 * <p>Xvfb started with {@code -fbdir DIR} keeps its screen in {@code DIR/Xvfb_screen0}, an XWD
 * image, always current. This reads it until the screen shows a window with real content (many
 * colours, a good part of the screen not the background), waits a moment for the layout to settle,
 * and writes the screen to a PNG. Run with the JDK's source launcher, so CI needs no image tools:
 *
 * <pre>java .ci/FirstFrame.java FRAMEBUFFER OUT.png TIMEOUT_SECONDS</pre>
 *
 * Exit status 0 with a frame written; 1 when the screen stayed blank (the last state is written
 * anyway, for looking at); 2 usage.
 */
public final class FirstFrame {
    /** Fewer colours than this is a blank screen or an empty window: text alone brings dozens. */
    private static final int MIN_COLOURS = 64;
    /** The share of the screen that must differ from its most common colour (the bare root). */
    private static final double MIN_COVERED = 0.2;

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java FirstFrame.java FRAMEBUFFER OUT.png TIMEOUT_SECONDS");
            System.exit(2);
        }
        Path framebuffer = Path.of(args[0]);
        Path out = Path.of(args[1]);
        long deadline = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
        long started = System.nanoTime();
        BufferedImage screen = null;
        while (System.nanoTime() < deadline) {
            if (Files.exists(framebuffer)) {
                screen = read(framebuffer);
                if (hasContent(screen)) {
                    // The first painted frame can precede the last layout pass: let it settle.
                    Thread.sleep(3000);
                    screen = read(framebuffer);
                    ImageIO.write(screen, "png", out.toFile());
                    System.out.printf("first-frame: %s after %.1f s: %s%n", out,
                            (System.nanoTime() - started) / 1e9, describe(screen));
                    return;
                }
            }
            Thread.sleep(500);
        }
        if (screen != null) {
            ImageIO.write(screen, "png", out.toFile());
        }
        System.out.println("first-frame: the screen stayed blank for " + args[2] + " s"
                + (screen == null ? " (no framebuffer file " + framebuffer + ")" : ": " + describe(screen)));
        System.exit(1);
    }

    private static boolean hasContent(BufferedImage screen) {
        Map<Integer, Integer> counts = colourCounts(screen);
        int background = counts.values().stream().max(Integer::compare).orElse(0);
        double covered = 1.0 - (double) background / (screen.getWidth() * screen.getHeight());
        return counts.size() >= MIN_COLOURS && covered >= MIN_COVERED;
    }

    private static String describe(BufferedImage screen) {
        Map<Integer, Integer> counts = colourCounts(screen);
        int background = counts.values().stream().max(Integer::compare).orElse(0);
        double covered = 1.0 - (double) background / (screen.getWidth() * screen.getHeight());
        return String.format("%dx%d, %d colours, %.0f%% not background", screen.getWidth(), screen.getHeight(),
                counts.size(), covered * 100);
    }

    private static Map<Integer, Integer> colourCounts(BufferedImage screen) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = 0; y < screen.getHeight(); y++) {
            for (int x = 0; x < screen.getWidth(); x++) {
                counts.merge(screen.getRGB(x, y), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Reads a TrueColor XWD image with 32 bits per pixel, what Xvfb writes for depth 24. */
    private static BufferedImage read(Path file) throws IOException {
        ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.BIG_ENDIAN);
        int[] header = new int[25];
        for (int i = 0; i < header.length; i++) {
            header[i] = data.getInt(i * 4);
        }
        int headerSize = header[0];
        int width = header[4];
        int height = header[5];
        boolean lsbFirst = header[7] == 0;
        int bitsPerPixel = header[11];
        int bytesPerLine = header[12];
        int redMask = header[14];
        int greenMask = header[15];
        int blueMask = header[16];
        int colours = header[19];
        if (header[1] != 7 || bitsPerPixel != 32) {
            throw new IOException(file + ": expected an XWD version 7 image with 32 bits per pixel, got version "
                    + header[1] + " with " + bitsPerPixel);
        }
        int pixels = headerSize + colours * 12;
        data.order(lsbFirst ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int value = data.getInt(pixels + y * bytesPerLine + x * 4);
                image.setRGB(x, y, channel(value, redMask) << 16 | channel(value, greenMask) << 8 | channel(value, blueMask));
            }
        }
        return image;
    }

    private static int channel(int value, int mask) {
        return (value & mask) >>> Integer.numberOfTrailingZeros(mask) & 0xff;
    }
}
