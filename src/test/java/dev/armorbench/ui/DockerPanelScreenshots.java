package dev.armorbench.ui;

import dev.armorbench.testing.docker.BusyboxImages;
import dev.armorbench.testing.docker.PrivateDockerEngine;
import dev.armorbench.trial.RunConfiguration;
import dev.armorbench.trial.RunConfigurationStore;
import dev.armorbench.ui.docker.PanelDriver;
import dev.armorbench.ui.settings.Settings;
import dev.armorbench.ui.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;

/**
 * The Docker panel during a trial run, against a Docker engine of its own (the tests' private
 * dockerd with the busybox images): output, AppArmor events, suggestions and the confinement view.
 * This machine's kernel has no AppArmor, so the events are kernel lines recorded in the AppArmor
 * guest (docs/kernel-facts.md), replayed while the container runs, and the labels read "no AppArmor".
 */
final class DockerPanelScreenshots {
    private static final String PROFILE = """
            # A trial profile for the busybox test image.
            abi <abi/3.0>,
            include <tunables/global>

            profile abtest flags=(complain) {
              include <abstractions/base>

              capability setuid,
              capability net_bind_service,

              /bin/** rix,
              /srv/** r,

              profile helper {
                /opt/helper/cat rix,
              }
            }
            """;

    private DockerPanelScreenshots() {
    }

    static void capture(Path output) throws Exception {
        Optional<PrivateDockerEngine> started = Screenshots.privateEngineFor("docker-panel.png");
        if (started.isEmpty()) {
            return;
        }
        try (PrivateDockerEngine engine = started.get()) {
            Path directory = Files.createTempDirectory("armorbench-docker-screenshot");
            Path profile = directory.resolve("abtest.profile");
            Files.writeString(profile, PROFILE);
            Path config = directory.resolve("config");
            new RunConfigurationStore(config).save(profile, RunConfiguration.forImage(BusyboxImages.SHELL_FORM)
                    .withCommand(List.of("/bin/sh", "-c", "echo serving /srv on port 8080; "
                            + "cat /srv/secret || echo 'cannot read /srv/secret' >&2; "
                            + "while true; do sleep 1; done"))
                    .withInit(true)
                    .withNoNewPrivileges(true)
                    .withCapabilities(Set.of("SETUID", "NET_BIND_SERVICE")));
            Screenshots.capture(output.resolve("docker-panel.png"), Settings.Theme.LIGHT, stage -> {
                SettingsStore store = new SettingsStore(config);
                return new MainWindow(stage, store, store.load(), new FxUserPrompts(stage), stage::close,
                        engine.endpoint(), PanelDriver.trialsWithoutAppArmor());
            }, window -> duringRun(window, profile));
            Screenshots.capture(output.resolve("docker-panel-dark.png"), Settings.Theme.DARK, stage -> {
                SettingsStore store = new SettingsStore(config);
                return new MainWindow(stage, store, store.load(), new FxUserPrompts(stage), stage::close,
                        engine.endpoint(), PanelDriver.trialsWithoutAppArmor());
            }, window -> duringRun(window, profile));
        }
    }

    /** Opens the profile, shows the panel, starts a run once the engine answers; ready when every view shows something. */
    private static BooleanSupplier duringRun(MainWindow window, Path profile) {
        window.open(profile);
        window.setDockerPanelShown(true);
        boolean[] started = {false};
        return () -> {
            if (!started[0]) {
                if (window.dockerPanel().connection().state().isConnected()) {
                    started[0] = true;
                    window.runTrial();
                }
                return false;
            }
            Node scene = window.stage().getScene().getRoot();
            return window.transitionTree().imageConfig() != null && window.transitionTree().upToDate()
                    && size(scene, "#docker-run-events") == 3 && size(scene, "#docker-run-suggestions") > 0
                    && size(scene, "#docker-run-processes") > 1;
        };
    }

    private static int size(Node root, String id) {
        Node node = root.lookup(id);
        if (node instanceof ListView<?> list) {
            return list.getItems().size();
        }
        if (node instanceof TableView<?> table) {
            return table.getItems().size();
        }
        return 0;
    }
}
