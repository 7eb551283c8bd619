package dev.armorbench.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.armorbench.ui.settings.Settings.Theme;
import javafx.application.Application;
import javafx.scene.Scene;

/** Applies the AtlantaFX theme and ArmorBench's own stylesheet. */
final class Themes {
    private static final String APP_STYLESHEET =
            Themes.class.getResource("/dev/armorbench/ui/armorbench.css").toExternalForm();

    private Themes() {
    }

    static void apply(Theme theme, Scene scene) {
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        if (!scene.getStylesheets().contains(APP_STYLESHEET)) {
            scene.getStylesheets().add(APP_STYLESHEET);
        }
        scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
        scene.getRoot().getStyleClass().add(theme == Theme.DARK ? "theme-dark" : "theme-light");
    }
}
