package dev.armorbench.trial.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.audit.AuditEvent;
import dev.armorbench.audit.EventKind;
import dev.armorbench.audit.LineSource;
import dev.armorbench.audit.StreamFollower;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.suggest.Suggestion;
import dev.armorbench.testing.ReplayedKernelLog;
import dev.armorbench.testing.docker.BusyboxImages;
import dev.armorbench.testing.docker.PrivateDockerEngine;
import dev.armorbench.testing.docker.RealDockerEngine;
import dev.armorbench.trial.DockerEngine;
import dev.armorbench.trial.OutputChannel;
import dev.armorbench.trial.RunConfiguration;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A trial run against a real Docker engine of the tests' own. This machine's kernel has no
 * AppArmor (the engine ignores {@code --security-opt apparmor=} then), so the kernel's side comes
 * from lines recorded in the AppArmor guest, written to the run's event source while its
 * container runs, stamped with the time of the run.
 */
@ExtendWith(RealDockerEngine.class)
class TrialRunEngineTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final SourceFile PROFILE = new SourceFile(Path.of("/work/abtest.profile"), """
            profile abtest flags=(complain) {
              /bin/busybox mrix,

              /opt/helper/cat cx -> helper,

              profile helper flags=(complain) {
                /opt/helper/cat mr,
              }
            }
            """);
    /** As the guest's kernel logged them (docs/kernel-facts.md); times are replaced by the run's. */
    private static final List<String> RECORDED = List.of(
            "[  412.113] audit: type=1400 audit(1764391200.113:220): apparmor=\"DENIED\" operation=\"open\" profile=\"abtest\" name=\"/srv/secret\" pid=886 comm=\"cat\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0",
            "[  412.120] audit: type=1400 audit(1764391200.120:221): apparmor=\"DENIED\" operation=\"open\" profile=\"abtest//helper\" name=\"/etc/hostname\" pid=887 comm=\"cat\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0",
            // A module request: the family's, but of a class no rule covers; counted and named, not suggested for.
            "[  412.125] audit: type=1400 audit(1764391200.125:224): apparmor=\"DENIED\" operation=\"module\" profile=\"abtest\" pid=888 comm=\"modprobe\" kmod=\"nf_tables\" requested_mask=\"request\" denied_mask=\"request\"",
            // Another container's profile: not this run's family.
            "[  412.130] audit: type=1400 audit(1764391200.130:222): apparmor=\"DENIED\" operation=\"open\" profile=\"docker-default\" name=\"/srv/other\" pid=901 comm=\"cat\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0",
            // The profile's load: logged by the loader, under "unconfined".
            "[  412.140] audit: type=1400 audit(1764391200.140:223): apparmor=\"STATUS\" operation=\"profile_replace\" profile=\"unconfined\" name=\"abtest\" pid=950 comm=\"apparmor_parser\"");
    /** The same kind of line from before the run: an earlier run's, never this one's. */
    private static final String OLD = "[  300.000] audit: type=1400 audit(1764390000.000:100): apparmor=\"DENIED\""
            + " operation=\"open\" profile=\"abtest\" name=\"/srv/earlier\" pid=700 comm=\"cat\" requested_mask=\"r\""
            + " denied_mask=\"r\" fsuid=0 ouid=0";

    static DockerEngine engine;

    @BeforeAll
    static void connect(PrivateDockerEngine privateEngine) throws Exception {
        engine = DockerEngine.connect(privateEngine.endpoint());
    }

    @AfterAll
    static void disconnect() {
        if (engine != null) {
            engine.close();
        }
    }

    /** The kernel's side: a pipe the run reads as its event source, and the lines written once the container runs. */
    private static final class RecordedKernel implements TrialEventSource {
        private final PipedOutputStream writer = new PipedOutputStream();
        private final PipedInputStream reader;

        RecordedKernel() throws IOException {
            reader = new PipedInputStream(writer, 1 << 16);
        }

        @Override
        public List<LineSource> open() {
            return List.of(StreamFollower.ofStream("kernel", reader));
        }

        void write(List<String> lines) {
            try (OutputStream out = writer) {
                out.write((OLD + "\n").getBytes(StandardCharsets.UTF_8));
                Instant now = Instant.now();
                for (String line : lines) {
                    out.write((ReplayedKernelLog.stamped(line, now) + "\n").getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Records what a listener hears. */
    private static final class Heard implements TrialListener {
        final List<TrialPhase> phases = new CopyOnWriteArrayList<>();
        final List<String> stdout = new CopyOnWriteArrayList<>();
        final List<String> stderr = new CopyOnWriteArrayList<>();
        final List<AuditEvent> events = new CopyOnWriteArrayList<>();
        final List<List<Suggestion>> suggestions = new CopyOnWriteArrayList<>();
        final CountDownLatch runningSeen = new CountDownLatch(1);

        @Override
        public void phase(TrialPhase phase) {
            phases.add(phase);
            if (phase == TrialPhase.RUNNING) {
                runningSeen.countDown();
            }
        }

        @Override
        public void output(OutputChannel channel, String line) {
            (channel == OutputChannel.STDOUT ? stdout : stderr).add(line);
        }

        @Override
        public void event(AuditEvent event) {
            events.add(event);
        }

        @Override
        public void suggestionsChanged(List<Suggestion> list) {
            suggestions.add(list);
        }
    }

    @Test
    void runsTheContainerUnderTheProfileAndTurnsTheFamilysEventsIntoSuggestions() throws Exception {
        RecordedKernel kernel = new RecordedKernel();
        ContainerLauncher docker = ContainerLauncher.docker(engine);
        List<String> profileNames = new CopyOnWriteArrayList<>();
        ContainerLauncher launcher = (configuration, profileName, output, timeout) -> {
            profileNames.add(profileName);
            ContainerLauncher.Launched launched = docker.launch(configuration, profileName, output, timeout);
            kernel.write(RECORDED);
            return launched;
        };
        RunConfiguration config = RunConfiguration.forImage(BusyboxImages.SHELL_FORM)
                .withCommand(List.of("sh", "-c", "echo one; echo two >&2; echo three; sleep 1; exit 3"));
        Heard heard = new Heard();

        TrialRunResult result = new TrialRun(profile -> ProfileLoading.LoadReport.loaded("loaded"), launcher, kernel,
                TrialRun.Settings.DEFAULT).run(TrialRequest.of(PROFILE, PolicySources.defaults(), config), heard);

        assertThat(result.outcome()).as(result.message()).isEqualTo(TrialOutcome.EXITED);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(profileNames).containsExactly("abtest");
        assertThat(heard.stdout).containsExactly("one", "three");
        assertThat(heard.stderr).containsExactly("two");
        assertThat(heard.phases).containsExactly(TrialPhase.LINTING, TrialPhase.LOADING, TrialPhase.STARTING,
                TrialPhase.RUNNING, TrialPhase.COLLECTING, TrialPhase.CLEANING_UP, TrialPhase.FINISHED);
        // The family's three events since the start; the other profile, the load and the earlier run's are not.
        assertThat(heard.events).extracting(event -> event.record().profile())
                .containsExactly("abtest", "abtest//helper", "abtest");
        assertThat(result.eventsByKind()).containsEntry(EventKind.DENIED, 3L).hasSize(1);
        assertThat(result.distinctEvents()).hasSize(3);
        assertThat(result.message()).endsWith("1 event asked for what no rule allows here: kernel module (1);"
                + " no rule is suggested for them.");
        assertThat(result.suggestions()).extracting(s -> s.profile().toString() + ": " + s.chosen().rule())
                .containsExactly("abtest: owner /srv/secret r,", "abtest//helper: owner /etc/hostname r,");
        assertThat(heard.suggestions).isNotEmpty();
        assertThat(heard.suggestions.get(heard.suggestions.size() - 1)).isEqualTo(result.suggestions());
        assertThat(engine.trialContainers(TIMEOUT)).isEmpty();
    }

    @Test
    void stopEndsARunningContainerAndRemovesIt() throws Exception {
        RecordedKernel kernel = new RecordedKernel();
        RunConfiguration config = RunConfiguration.forImage(BusyboxImages.SHELL_FORM)
                .withCommand(List.of("sleep", "600"));
        Heard heard = new Heard();
        TrialRun run = new TrialRun(profile -> ProfileLoading.LoadReport.loaded("loaded"),
                ContainerLauncher.docker(engine), kernel, TrialRun.Settings.DEFAULT);

        var pending = run.start(TrialRequest.of(PROFILE, PolicySources.defaults(), config), heard);
        assertThat(heard.runningSeen.await(60, TimeUnit.SECONDS)).isTrue();
        long stopped = System.nanoTime();
        run.stop();
        TrialRunResult result = pending.get(60, TimeUnit.SECONDS);

        assertThat(result.outcome()).isEqualTo(TrialOutcome.STOPPED);
        assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofSeconds(40));
        assertThat(result.totalEvents()).isZero();
        assertThat(engine.trialContainers(TIMEOUT)).isEmpty();
    }
}
