package dev.armorbench.ui;

import dev.armorbench.testing.ReplayedKernelLog;
import dev.armorbench.testing.docker.BusyboxImages;
import dev.armorbench.testing.docker.PrivateDockerEngine;
import dev.armorbench.trial.RunConfiguration;
import dev.armorbench.trial.RunConfigurationStore;
import dev.armorbench.trial.loop.SessionStore;
import dev.armorbench.ui.docker.PanelDriver;
import dev.armorbench.ui.docker.TrialRuns;
import dev.armorbench.ui.settings.Settings;
import dev.armorbench.ui.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.TableView;

/**
 * The Loop tab after three complain runs of a real container (the tests' private dockerd and busybox
 * image): the first run learned three events, one suggestion was rejected and the others accepted,
 * the next two saw nothing new, so enforce mode is proposed. The kernel has no AppArmor: the events
 * are the kernel lines recorded in the AppArmor guest, as complain mode logs them (ALLOWED).
 */
final class LoopScreenshots {
    private static final String PROFILE = """
            # A trial profile for the busybox test image.
            abi <abi/3.0>,
            include <tunables/global>

            profile abtest flags=(complain) {
              include <abstractions/base>

              /bin/** rix,
            }
            """;

    private LoopScreenshots() {
    }

    static void capture(Path output) throws Exception {
        Optional<PrivateDockerEngine> started = Screenshots.privateEngineFor("loop.png");
        if (started.isEmpty()) {
            return;
        }
        try (PrivateDockerEngine engine = started.get()) {
            Path directory = Files.createTempDirectory("armorbench-loop-screenshot");
            Path profile = directory.resolve("abtest.profile");
            Files.writeString(profile, PROFILE);
            Path config = directory.resolve("config");
            new RunConfigurationStore(config).save(profile, RunConfiguration.forImage(BusyboxImages.SHELL_FORM)
                    .withCommand(List.of("/bin/sh", "-c", "echo serving /srv; sleep 2; echo done")));
            List<String> complainLines = ReplayedKernelLog.ABTEST.stream()
                    .map(line -> line.replace("apparmor=\"DENIED\"", "apparmor=\"ALLOWED\"")).toList();
            TrialRuns base = PanelDriver.trialsWithoutAppArmor();
            TrialRuns trials = new TrialRuns(base.loading(), new ReplayedKernelLog(complainLines, Duration.ofMillis(500)),
                    base.settings(), new SessionStore(directory.resolve("state/armorbench/trial-sessions")));
            Screenshots.capture(output.resolve("loop.png"), Settings.Theme.LIGHT, stage -> {
                SettingsStore store = new SettingsStore(config);
                return new MainWindow(stage, store, store.load(), new FxUserPrompts(stage), stage::close,
                        engine.endpoint(), trials);
            }, window -> threeComplainRuns(window, profile));
        }
    }

    /** Run; answer the suggestions (one rejected, the rest accepted); run twice more; show the Loop tab. */
    private static BooleanSupplier threeComplainRuns(MainWindow window, Path profile) {
        window.open(profile);
        window.setDockerPanelShown(true);
        int[] step = {0};
        return () -> {
            Node root = window.stage().getScene().getRoot();
            boolean idle = !window.dockerPanel().runningProperty().get();
            int iterations = root.lookup("#docker-loop-iterations") instanceof TableView<?> table ? table.getItems().size() : 0;
            EditorTab tab = window.currentTab().orElseThrow();
            switch (step[0]) {
                case 0 -> {
                    if (window.dockerPanel().connection().state().isConnected()) {
                        window.runTrial();
                        step[0] = 1;
                    }
                }
                case 1 -> {
                    if (idle && iterations == 1 && !tab.suggestions().hunks().isEmpty()) {
                        tab.suggestions().reject(tab.suggestions().hunks().get(0));
                        tab.suggestions().acceptAll();
                        window.runTrial();
                        step[0] = 2;
                    }
                }
                case 2, 3 -> {
                    if (idle && iterations == step[0]) {
                        if (step[0] == 2) {
                            window.runTrial();
                        } else {
                            window.dockerPanel().showLoop();
                            // Room for the loop, as a user would drag the panel's divider up.
                            for (Node up = window.dockerPanel(); up != null; up = up.getParent()) {
                                if (up instanceof javafx.scene.control.SplitPane split && split.getItems().contains(window.dockerPanel())) {
                                    split.setDividerPositions(0.22, 0.30);
                                    break;
                                }
                            }
                            // Run 2's row: the rules accepted after run 1, as the profile's diff.
                            ((TableView<?>) root.lookup("#docker-loop-iterations")).getSelectionModel().select(1);
                        }
                        step[0]++;
                    }
                }
                default -> {
                    return idle;
                }
            }
            return false;
        };
    }
}
