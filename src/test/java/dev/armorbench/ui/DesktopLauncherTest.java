package dev.armorbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the launcher says when the window cannot open, in place of the toolkit's stack trace. */
class DesktopLauncherTest {
    @Test
    void aDisplayIsNeededOnlyWhenNoneIsSet() {
        assertThat(DesktopLauncher.noDisplay(Map.of("DISPLAY", ":0"))).isNull();
        assertThat(DesktopLauncher.noDisplay(Map.of())).startsWith("there is no display").contains("armorbench --help");
        assertThat(DesktopLauncher.noDisplay(Map.of("DISPLAY", " "))).startsWith("there is no display");
    }

    @Test
    void theToolkitsRefusalsAreExplainedWithTheFix() {
        // The messages OpenJFX 21's GtkApplication throws.
        assertThat(DesktopLauncher.cannotOpen("Unable to load glass GTK library.", ":0")).isEqualTo(
                "the window needs GTK 3, which is not installed (Unable to load glass GTK library). On Debian or Ubuntu:"
                        + " sudo apt install libgtk-3-0 libgl1 libxxf86vm1 libxtst6. The command line needs no window:"
                        + " armorbench --help.");
        assertThat(DesktopLauncher.cannotOpen("Unable to open DISPLAY", ":99"))
                .startsWith("cannot open the display DISPLAY=:99 (Unable to open DISPLAY): is its X server running");
        assertThat(DesktopLauncher.cannotOpen("something new", ":0"))
                .isEqualTo("the window cannot open: something new. The command line needs no window: armorbench --help.");
    }
}
