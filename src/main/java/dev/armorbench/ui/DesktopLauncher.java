package dev.armorbench.ui;

import javafx.application.Application;

/** Starts the JavaFX toolkit and the {@link ArmorBenchApp}. */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(ArmorBenchApp.class, args);
    }
}
