package dev.armorbench.ui;

import dev.armorbench.files.RecoveryStore;
import dev.armorbench.trial.loop.SessionStore;
import dev.armorbench.ui.settings.SettingsStore;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The desktop application: reads the settings and opens the main window, with the files named on the command line. */
public final class ArmorBenchApp extends Application {
    /**
     * Set to true, the app quits once its window has been drawn a few times. The package build
     * starts it this way to list the classes a start loads (installers/build-packages.sh); the
     * installed package makes its class-data archive from that list.
     */
    private static final String EXIT_WHEN_SHOWN = "armorbench.exitWhenShown";
    /** Enough pulses for the first layout, styling and text of the window and its sample. */
    private static final int FRAMES_BEFORE_EXIT = 30;

    @Override
    public void start(Stage stage) {
        stage.getIcons().setAll(AppIcons.images());
        SettingsStore store = SettingsStore.forEnvironment(System.getenv());
        SettingsStore.Loaded loaded = store.load();
        loaded.warning().ifPresent(warning -> System.err.println("armorbench: warning: " + warning));
        MainWindow window = new MainWindow(stage, store, loaded, new FxUserPrompts(stage), Platform::exit);
        window.show();
        window.keepUnsavedTextIn(new RecoveryStore(SessionStore.stateDirectory(System.getenv()).resolve("recovery")));
        window.openAtStart(getParameters().getRaw().stream().map(java.nio.file.Path::of).toList());
        if (Boolean.getBoolean(EXIT_WHEN_SHOWN)) {
            exitAfterFrames(FRAMES_BEFORE_EXIT);
        }
    }

    private static void exitAfterFrames(int frames) {
        new AnimationTimer() {
            private int drawn;

            @Override
            public void handle(long now) {
                if (++drawn == frames) {
                    stop();
                    Platform.exit();
                }
            }
        }.start();
    }
}
