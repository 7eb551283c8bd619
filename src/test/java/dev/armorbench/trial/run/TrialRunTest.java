package dev.armorbench.trial.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.audit.LineSource;
import dev.armorbench.audit.LiveSourceDetector;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.trial.RunConfiguration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The steps of a trial run before any container: the check, the load, the event source. */
class TrialRunTest {
    private static final SourceFile PROFILE = new SourceFile(Path.of("/work/abtrial.profile"),
            "profile abtrial flags=(complain) {\n  /etc/app.conf r,\n}\n");
    private static final RunConfiguration CONFIG = RunConfiguration.forImage("busybox:test");

    private final List<SourceFile> loaded = new ArrayList<>();
    private final List<String> launched = new ArrayList<>();
    private final List<TrialPhase> phases = new ArrayList<>();
    private final List<TrialRunResult> finished = new ArrayList<>();
    private final List<String> loadReports = new ArrayList<>();

    private final TrialListener listener = new TrialListener() {
        @Override
        public void phase(TrialPhase phase) {
            phases.add(phase);
        }

        @Override
        public void profileLoaded(String message) {
            loadReports.add(message);
        }

        @Override
        public void finished(TrialRunResult result) {
            finished.add(result);
        }
    };

    private ContainerLauncher launcher() {
        return (configuration, profileName, output, timeout) -> {
            launched.add(profileName);
            throw new AssertionError("no container may start in these tests");
        };
    }

    private static TrialEventSource noLines() {
        return List::<LineSource>of;
    }

    private TrialRun trial(ProfileLoading loading, TrialEventSource events) {
        return new TrialRun(loading, launcher(), events, TrialRun.Settings.DEFAULT);
    }

    @Test
    void errorsInTheProfileStopTheRunBeforeTheLoad() {
        SourceFile broken = new SourceFile(Path.of("/work/broken.profile"),
                "profile abtrial {\n  /etc/app.conf rz,\n}\n");
        TrialRunResult result = trial(profile -> {
            loaded.add(profile);
            return ProfileLoading.LoadReport.loaded("loaded");
        }, noLines()).run(TrialRequest.of(broken, PolicySources.defaults(), CONFIG), listener);

        assertThat(result.outcome()).isEqualTo(TrialOutcome.LINT_FAILED);
        assertThat(result.profileName()).isEqualTo("abtrial");
        assertThat(result.message()).contains("/work/broken.profile:2:").contains("before a trial run");
        assertThat(loaded).isEmpty();
        assertThat(phases).containsExactly(TrialPhase.LINTING, TrialPhase.FINISHED);
        assertThat(finished).containsExactly(result);
    }

    @Test
    void aFileWithoutAProfileCannotRun() {
        SourceFile empty = new SourceFile(Path.of("/work/vars.profile"), "@{HOME}=/home/\n");
        TrialRunResult result = trial(profile -> ProfileLoading.LoadReport.loaded("loaded"), noLines())
                .run(TrialRequest.of(empty, PolicySources.defaults(), CONFIG), listener);

        assertThat(result.outcome()).isEqualTo(TrialOutcome.LINT_FAILED);
        assertThat(result.message()).contains("defines no profile");
    }

    @Test
    void aRefusedLoadEndsTheRunWithTheLoadersWords() {
        TrialRunResult result = trial(profile -> {
            loaded.add(profile);
            return ProfileLoading.LoadReport.refused("apparmor_parser is not installed: sudo apt install apparmor");
        }, noLines()).run(TrialRequest.of(PROFILE, PolicySources.defaults(), CONFIG), listener);

        assertThat(result.outcome()).isEqualTo(TrialOutcome.LOAD_FAILED);
        assertThat(result.message()).isEqualTo("apparmor_parser is not installed: sudo apt install apparmor");
        assertThat(loaded).containsExactly(PROFILE);
        assertThat(launched).isEmpty();
        assertThat(loadReports).isEmpty();
        assertThat(phases).containsExactly(TrialPhase.LINTING, TrialPhase.LOADING, TrialPhase.FINISHED);
    }

    @Test
    void withoutAReadableEventSourceTheContainerDoesNotStart() {
        LiveSourceDetector nothingReadable = new LiveSourceDetector(new LiveSourceDetector.SystemView() {
            @Override
            public boolean exists(Path path) {
                return path.toString().equals("/dev/kmsg");
            }

            @Override
            public boolean canRead(Path path) {
                return false;
            }

            @Override
            public boolean auditdRunning() {
                return false;
            }

            @Override
            public boolean hasJournal() {
                return false;
            }

            @Override
            public boolean journalShowsKernel() {
                return false;
            }

            @Override
            public int dmesgRestrict() {
                return 1;
            }

            @Override
            public String userName() {
                return "alice";
            }
        });
        TrialRunResult result = trial(profile -> ProfileLoading.LoadReport.loaded("loaded"),
                TrialEventSource.live(nothingReadable))
                .run(TrialRequest.of(PROFILE, PolicySources.defaults(), CONFIG), listener);

        assertThat(loadReports).containsExactly("loaded");
        assertThat(result.outcome()).isEqualTo(TrialOutcome.NO_EVENT_SOURCE);
        assertThat(result.message()).contains("kernel.dmesg_restrict = 1").contains("needs AppArmor's events");
        assertThat(launched).isEmpty();
    }

    @Test
    void aStopBeforeTheLoadEndsTheRunThere() {
        TrialRun run = trial(profile -> {
            loaded.add(profile);
            return ProfileLoading.LoadReport.loaded("loaded");
        }, noLines());
        run.stop();
        TrialRunResult result = run.run(TrialRequest.of(PROFILE, PolicySources.defaults(), CONFIG), listener);

        assertThat(result.outcome()).isEqualTo(TrialOutcome.STOPPED);
        assertThat(loaded).isEmpty();
    }
}
