package dev.armorbench.ui;

import dev.armorbench.AppVersion;

/** What Help → About says: the versions a bug report needs. */
final class AboutText {
    private AboutText() {
    }

    static String text() {
        return "ArmorBench " + AppVersion.version() + "\n"
                + "A workbench for writing AppArmor profiles for Docker containers.\n\n"
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")\n"
                + "JavaFX " + System.getProperty("javafx.runtime.version", "unknown") + "\n"
                + "OS " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")";
    }
}
