package dev.armorbench.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A named pipe whose writer gives some lines and then keeps it open for two minutes, as
 * {@code tail -f} does: a reading of it does not end by itself.
 */
public final class KeptOpenFifo {
    private KeptOpenFifo() {
    }

    /**
     * Makes the FIFO {@code fifo} and starts its writer, which writes {@code lines} once a reader
     * has opened it. The writer is the {@code sleep} itself ({@code exec}), so destroying the
     * returned process closes the FIFO, and the reading ends.
     */
    public static Process start(Path fifo, String... lines) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).as("mkfifo %s", fifo).isZero();
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                "exec 3>\"$1\"; shift; for line; do printf '%s\\n' \"$line\" >&3; done; exec sleep 120", "sh",
                fifo.toString()));
        command.addAll(List.of(lines));
        return new ProcessBuilder(command).start();
    }
}
