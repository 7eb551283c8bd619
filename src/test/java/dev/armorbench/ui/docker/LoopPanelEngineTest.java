package dev.armorbench.ui.docker;

import static dev.armorbench.ui.docker.PanelDriver.fx;
import static dev.armorbench.ui.docker.PanelDriver.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.suggest.Hunk;
import dev.armorbench.testing.ReplayedKernelLog;
import dev.armorbench.testing.docker.BusyboxImages;
import dev.armorbench.testing.docker.PrivateDockerEngine;
import dev.armorbench.testing.docker.RealDockerEngine;
import dev.armorbench.trial.DockerEndpoint;
import dev.armorbench.trial.loop.Iteration;
import dev.armorbench.trial.loop.OfferedRule;
import dev.armorbench.trial.loop.SessionStore;
import dev.armorbench.trial.loop.TrialLoop;
import dev.armorbench.trial.run.TrialEventSource;
import dev.armorbench.ui.EditorTab;
import dev.armorbench.ui.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The complain → enforce loop in the panel, with real containers on the tests' own engine. The kernel
 * has no AppArmor, so the profile is not loaded and the events are kernel lines recorded in the
 * AppArmor guest: while the container "needs" them they are replayed every run; once the profile
 * allows what they asked for, the enforce run sees none — as on the guest.
 */
@ExtendWith({RealDockerEngine.class, ApplicationExtension.class})
class LoopPanelEngineTest {
    static PrivateDockerEngine engine;

    @TempDir
    static Path temp;

    private final AtomicReference<TrialEventSource> kernel = new AtomicReference<>(
            new ReplayedKernelLog(ReplayedKernelLog.ABTEST, Duration.ofMillis(500)));
    private TrialRuns trials;
    private SessionStore sessions;
    private Path configDirectory;
    private MainWindow window;

    @BeforeAll
    static void engine(PrivateDockerEngine privateEngine) {
        engine = privateEngine;
    }

    @Start
    void start(Stage stage) throws Exception {
        configDirectory = Files.createTempDirectory(temp, "config");
        sessions = new SessionStore(Files.createTempDirectory(temp, "state").resolve("armorbench/trial-sessions"));
        TrialRuns base = PanelDriver.trialsWithoutAppArmor();
        TrialEventSource switchable = () -> kernel.get().open();
        trials = new TrialRuns(base.loading(), switchable, base.settings(), sessions);
        window = PanelDriver.window(stage, configDirectory, DockerEndpoint.of("unix://" + engine.socket()), trials);
    }

    @Test
    void runsBecomeIterationsUntilStableThenEnforceCompletesTheLoopAndItResumesAfterARestart(FxRobot robot)
            throws Exception {
        Path profile = temp.resolve("abtest.profile");
        Files.writeString(profile, "profile abtest flags=(complain) {\n  /bin/** rix,\n}\n");
        robot.interact(() -> {
            window.open(profile);
            window.setDockerPanelShown(true);
        });
        DockerPanel panel = window.dockerPanel();
        LoopView loop = panel.loopView();
        waitUntil(60, () -> panel.connection().state().isConnected());
        robot.interact(() -> {
            panel.configurationEditor().setImage(BusyboxImages.SHELL_FORM);
            robot.lookup("#docker-run-command").queryAs(javafx.scene.control.TextArea.class)
                    .setText("/bin/sh\n-c\nsleep 2; echo done");
        });

        // Run 1, complain: three events, all new; its suggestions come inline.
        run(robot, panel, 1);
        Iteration first = lastIteration(panel);
        assertThat(first.mode()).isEqualTo("complain");
        assertThat(first.newEvents()).isEqualTo(3);
        assertThat(first.suggestions()).isNotEmpty();
        assertThat(fx(() -> loop.state().getText())).isEqualTo("Learning: 0 of 2 stable runs");
        EditorTab tab = fx(() -> window.currentTab().orElseThrow());
        waitUntil(30, () -> !tab.suggestions().hunks().isEmpty());

        // Reject one hunk, accept the others: the loop records both.
        Hunk refused = fx(() -> tab.suggestions().hunks().get(0));
        List<OfferedRule> refusedRules = refused.suggestions().stream().map(OfferedRule::of).toList();
        robot.interact(() -> tab.suggestions().reject(refused));
        robot.interact(() -> tab.suggestions().acceptAll());
        Iteration answered = lastIteration(panel);
        assertThat(answered.rejected()).containsExactlyElementsOf(refusedRules);
        assertThat(answered.accepted()).hasSize(first.suggestions().size() - refusedRules.size());
        assertThat(fx(() -> panel.loop().session().rejected())).containsAll(refusedRules);

        // Run 2, complain: the same events, none new (stable 1 of 2); the rejected rule is not offered again.
        run(robot, panel, 2);
        Iteration second = lastIteration(panel);
        assertThat(second.newEvents()).isZero();
        assertThat(second.suggestions()).doesNotContainAnyElementsOf(refusedRules);
        assertThat(fx(() -> panel.runPane().suggestions().getItems().stream().map(OfferedRule::of).toList()))
                .doesNotContainAnyElementsOf(refusedRules);
        assertThat(second.diff()).contains("@@").contains("+");
        // The accepted new child profile learns too: the run put it in complain mode with the rest.
        assertThat(Files.readString(profile)).contains("profile helper flags=(complain) {");
        assertThat(second.diff()).contains("+  profile helper flags=(complain) {");
        assertThat(fx(() -> loop.state().getText())).isEqualTo("Learning: 1 of 2 stable runs");
        assertThat(fx(() -> loop.proposal().isVisible())).isFalse();

        // Run 3, with "Show rejected": the rejected rule is offered again; stable 2 of 2: enforce mode is proposed.
        robot.interact(() -> loop.showRejectedBox().setSelected(true));
        run(robot, panel, 3);
        assertThat(fx(() -> panel.runPane().suggestions().getItems().stream().map(OfferedRule::of).toList()))
                .containsAnyElementsOf(refusedRules);
        assertThat(fx(() -> panel.loop().session().rejected())).containsAll(refusedRules);
        assertThat(fx(() -> panel.loop().verdict().state())).isEqualTo(TrialLoop.State.ENFORCE_PROPOSED);
        assertThat(fx(() -> loop.state().getText())).isEqualTo("Stable: ready for enforce mode");
        assertThat(fx(() -> loop.proposal().isVisible() && loop.proposal().getText().equals("Switch to enforce and run")))
                .isTrue();

        // Enforce too early: the same events come as DENIED, the enforce run fails and says how to go on.
        robot.interact(() -> loop.showRejectedBox().setSelected(false));
        robot.interact(() -> loop.proposal().fire());
        waitUntil(120, () -> panel.loop().active() && panel.loop().session().iterations().size() == 4
                && !panel.runningProperty().get());
        Iteration tooEarly = lastIteration(panel);
        assertThat(tooEarly.mode()).isEqualTo("enforce");
        assertThat(tooEarly.denied()).isEqualTo(3);
        assertThat(Files.readString(profile)).doesNotContain("complain");
        assertThat(fx(() -> loop.state().getText())).isEqualTo("Enforce run failed");
        assertThat(fx(() -> loop.proposal().getText())).isEqualTo("Back to complain and run");

        // The profile now allows what the container needed: the next enforce run sees nothing denied.
        kernel.set(new ReplayedKernelLog(List.of(), Duration.ofMillis(500)));
        run(robot, panel, 5);
        Iteration enforce = lastIteration(panel);
        assertThat(enforce.mode()).isEqualTo("enforce");
        assertThat(enforce.exitCode()).isZero();
        assertThat(enforce.denied()).isZero();
        assertThat(fx(() -> loop.state().getText())).isEqualTo("Loop complete");
        assertThat(fx(() -> loop.proposal().isVisible())).isFalse();
        assertThat(fx(() -> loop.iterations().getItems().stream().map(Iteration::number).toList()))
                .containsExactly(5, 4, 3, 2, 1);

        // A restart: a new window on the same state directory finds the loop where it was.
        AtomicReference<MainWindow> again = new AtomicReference<>();
        robot.interact(() -> {
            window.stage().hide();
            Stage stage = new Stage();
            again.set(PanelDriver.window(stage, configDirectory, DockerEndpoint.of("unix://" + engine.socket()), trials));
            again.get().open(profile);
            again.get().setDockerPanelShown(true);
        });
        DockerPanel resumed = again.get().dockerPanel();
        assertThat(fx(() -> resumed.loopView().iterations().getItems().size())).isEqualTo(5);
        assertThat(fx(() -> resumed.loopView().state().getText())).isEqualTo("Loop complete");
        assertThat(fx(() -> resumed.loop().session().rejected())).containsAll(refusedRules);
        assertThat(fx(() -> resumed.loopView().problemShown())).isFalse();
        robot.interact(() -> again.get().stage().hide());
    }

    private static void run(FxRobot robot, DockerPanel panel, int expectedIterations) {
        robot.interact(panel::runTrial);
        waitUntil(120, () -> !panel.runningProperty().get() && panel.loop().active()
                && panel.loop().session().iterations().size() == expectedIterations);
    }

    private static Iteration lastIteration(DockerPanel panel) {
        return fx(() -> {
            List<Iteration> iterations = panel.loop().session().iterations();
            return iterations.get(iterations.size() - 1);
        });
    }
}
