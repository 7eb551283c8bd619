package dev.armorbench.ui.docker;

import dev.armorbench.testing.ReplayedKernelLog;
import dev.armorbench.trial.DockerEndpoint;
import dev.armorbench.trial.run.ProfileLoading;
import dev.armorbench.trial.run.TrialEventSource;
import dev.armorbench.trial.run.TrialRun;
import dev.armorbench.ui.FxUserPrompts;
import dev.armorbench.ui.MainWindow;
import dev.armorbench.ui.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real main window with the Docker panel on a given engine, and reads FX state safely. */
public final class PanelDriver {
    private PanelDriver() {
    }

    /**
     * The kernel of the test machines has no AppArmor: the loader says so and lets the run go on (the
     * engine accepts and ignores {@code --security-opt apparmor=}), and the events are recorded ones.
     */
    public static TrialRuns trialsWithoutAppArmor() {
        return trialsWithoutAppArmor(ReplayedKernelLog.ABTEST);
    }

    /** As {@link #trialsWithoutAppArmor()}, with these recorded kernel lines as the run's events. */
    public static TrialRuns trialsWithoutAppArmor(java.util.List<String> kernelLines) {
        ProfileLoading noKernelSupport = profile -> ProfileLoading.LoadReport.loaded(
                "Not loaded: the test kernel has no AppArmor; the engine ignores the profile.");
        TrialEventSource events = new ReplayedKernelLog(kernelLines, Duration.ofMillis(800));
        return new TrialRuns(noKernelSupport, events, TrialRun.Settings.DEFAULT.withLongest(Duration.ofSeconds(90)));
    }

    static MainWindow window(Stage stage, Path configDirectory, DockerEndpoint endpoint, TrialRuns trials) {
        SettingsStore store = new SettingsStore(configDirectory);
        MainWindow window = new MainWindow(stage, store, store.load(), new FxUserPrompts(stage), () -> { },
                endpoint, trials);
        window.show();
        return window;
    }

    /** A value read on the FX thread. */
    static <T> T fx(Supplier<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read::get).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not read the FX state: " + e, e);
        }
    }

    /** Waits until the condition, checked on the FX thread, holds. */
    static void waitUntil(int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not within " + seconds + " s", e);
        }
    }
}
