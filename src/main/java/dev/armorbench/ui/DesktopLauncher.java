package dev.armorbench.ui;

import java.util.Map;
import javafx.application.Application;

/**
 * Starts the JavaFX toolkit and the {@link ArmorBenchApp}. When the window cannot open (no
 * display, GTK not installed) it says why and what to do in one line and exits with 1, instead of
 * the toolkit's stack trace.
 */
public final class DesktopLauncher {
    private static final String COMMAND_LINE = " The command line needs no window: armorbench --help.";

    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        String noDisplay = noDisplay(System.getenv());
        if (noDisplay != null) {
            fail(noDisplay);
        }
        try {
            Application.launch(ArmorBenchApp.class, args);
        } catch (UnsupportedOperationException | UnsatisfiedLinkError e) {
            fail(cannotOpen(e.getMessage(), System.getenv("DISPLAY")));
        }
    }

    /** Why there is no display to open a window on, or null. JavaFX's GTK window is an X11 one (XWayland on Wayland). */
    static String noDisplay(Map<String, String> environment) {
        String display = environment.get("DISPLAY");
        if (display != null && !display.isBlank()) {
            return null;
        }
        return "there is no display to open the window on (DISPLAY is not set). Start ArmorBench from a desktop"
                + " session, or over ssh with -X." + COMMAND_LINE;
    }

    /** What the toolkit's refusal ({@code toolkitMessage}) means and what to do about it. */
    static String cannotOpen(String toolkitMessage, String display) {
        String said = toolkitMessage == null ? "" : toolkitMessage.strip();
        if (said.endsWith(".")) {
            said = said.substring(0, said.length() - 1); // it is quoted inside a sentence
        }
        if (said.contains("GTK")) {
            return "the window needs GTK 3, which is not installed (" + said + "). On Debian or Ubuntu:"
                    + " sudo apt install libgtk-3-0 libgl1 libxxf86vm1 libxtst6." + COMMAND_LINE;
        }
        if (said.contains("DISPLAY")) {
            return "cannot open the display DISPLAY=" + display + " (" + said + "): is its X server running, and may"
                    + " this user use it (xhost, or XAUTHORITY under sudo)?" + COMMAND_LINE;
        }
        return "the window cannot open: " + said + "." + COMMAND_LINE;
    }

    private static void fail(String message) {
        System.err.println("armorbench: " + message);
        System.exit(1);
    }
}
