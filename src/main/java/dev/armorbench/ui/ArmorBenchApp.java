package dev.armorbench.ui;

import dev.armorbench.ui.settings.SettingsStore;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The desktop application: reads the settings and opens the main window, with the files named on the command line. */
public final class ArmorBenchApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.getIcons().setAll(AppIcons.images());
        SettingsStore store = SettingsStore.forEnvironment(System.getenv());
        SettingsStore.Loaded loaded = store.load();
        loaded.warning().ifPresent(warning -> System.err.println("armorbench: warning: " + warning));
        MainWindow window = new MainWindow(stage, store, loaded, new FxUserPrompts(stage), Platform::exit);
        window.show();
        window.openAtStart(getParameters().getRaw().stream().map(java.nio.file.Path::of).toList());
    }
}
