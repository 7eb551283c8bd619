package dev.armorbench.container;

import static dev.armorbench.container.ContainerFixture.covered;
import static dev.armorbench.container.ContainerFixture.withCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntryAnalysisTest {
    @TempDir
    Path dir;

    private ContainerFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ContainerFixture(dir);
    }

    private static ImageConfig inspect(String entrypoint, String cmd) throws ImageConfigException {
        return ImageConfig.fromInspectJson("[{\"Id\":\"sha256:0\",\"Config\":{\"Env\":[\"PATH=/usr/local/bin:/usr/bin:/bin\"],"
                + "\"Entrypoint\":" + entrypoint + ",\"Cmd\":" + cmd + "}}]");
    }

    private static Entry entry(ContainerAnalysis analysis, String variant) {
        return analysis.entries().stream().filter(e -> e.variant().equals(variant)).findFirst().orElseThrow();
    }

    @Test
    void execFormLandsInTheContainerProfileAndTheCxRuleNeverFires() throws ImageConfigException {
        ContainerAnalysis analysis = fixture.analyze(ContainerFixture.sample(),
                inspect("[\"/usr/local/bin/app-server\",\"--port\",\"80\"]", "null"));
        Entry plain = entry(analysis, "exec form");
        assertThat(plain.binary()).isEqualTo("/usr/local/bin/app-server");
        assertThat(plain.profile()).isEqualTo("container-with-children");
        assertThat(plain.steps()).hasSize(1);
        assertThat(plain.steps().get(0).byRuntime()).isTrue();

        List<ContainerDiagnostic> never = withCode(analysis, ContainerCheck.ENTRYPOINT_TRANSITION_NEVER_FIRES);
        assertThat(never).hasSize(1);
        assertThat(covered(analysis, never.get(0))).isEqualTo("/usr/local/bin/app-server cxr -> app-server,");
        assertThat(never.get(0).message()).contains("--init");
        assertThat(withCode(analysis, ContainerCheck.ENTRYPOINT_NO_EXEC)).isEmpty();
    }

    @Test
    void withInitDockerInitExecsTheEntryPointThroughTheCxRule() throws ImageConfigException {
        ContainerAnalysis analysis = fixture.analyze(ContainerFixture.sample(),
                inspect("[\"/usr/local/bin/app-server\"]", "[\"--verbose\"]"));
        Entry init = entry(analysis, "exec form, --init");
        assertThat(init.steps()).extracting(Entry.EntryStep::binary)
                .containsExactly(EntryAnalysis.DOCKER_INIT, "/usr/local/bin/app-server");
        assertThat(init.steps().get(0).profile()).isEqualTo("container-with-children");
        assertThat(init.profile()).isEqualTo("container-with-children//app-server");
    }

    @Test
    void shellFormRunsTheShellInTheContainerProfileAndTheProgramThroughItsRules() throws ImageConfigException {
        ContainerAnalysis analysis = fixture.analyze(ContainerFixture.sample(),
                inspect("null", "[\"/bin/sh\",\"-c\",\"exec log-shipper --follow /srv/app/logs\"]"));
        Entry shell = entry(analysis, "shell form");
        assertThat(shell.steps()).extracting(Entry.EntryStep::binary).containsExactly("/bin/sh", "/usr/local/bin/log-shipper");
        assertThat(shell.steps().get(0).profile()).isEqualTo("container-with-children");
        assertThat(shell.profile()).isEqualTo("container-with-children//log-shipper");
        // With --init: docker-init execs /bin/sh (ix), which execs the program (cx).
        Entry init = entry(analysis, "shell form, --init");
        assertThat(init.steps()).extracting(Entry.EntryStep::profile).containsExactly("container-with-children",
                "container-with-children", "container-with-children//log-shipper");
        assertThat(withCode(analysis, ContainerCheck.ENTRYPOINT_NO_EXEC)).isEmpty();
        assertThat(withCode(analysis, ContainerCheck.ENTRYPOINT_TRANSITION_NEVER_FIRES)).isEmpty();
    }

    @Test
    void anEntryPointStartedThroughAShellWithoutExecPermissionIsWarnedWithAFix() throws ImageConfigException {
        String text = """
                profile c flags=(attach_disconnected,mediate_deleted) {
                  /bin/sh ix,
                  /etc/app.conf r,
                }
                """;
        ContainerAnalysis analysis = fixture.analyze(text, inspect("null", "[\"/bin/sh\",\"-c\",\"/app/run --now\"]"));
        List<ContainerDiagnostic> noExec = withCode(analysis, ContainerCheck.ENTRYPOINT_NO_EXEC);
        assertThat(noExec).hasSize(2);
        assertThat(noExec).allSatisfy(d -> assertThat(covered(analysis, d)).isEqualTo("c"));
        assertThat(noExec.get(0).message()).contains("/bin/sh", "'/app/run'", "/app/run ix,");
        String fixed = noExec.get(0).quickFix().orElseThrow().apply(text);
        assertThat(fixed).isEqualTo("""
                profile c flags=(attach_disconnected,mediate_deleted) {
                  /bin/sh ix,
                  /etc/app.conf r,
                  /app/run ix,
                }
                """);
        ContainerAnalysis after = fixture.analyze(fixed, inspect("null", "[\"/bin/sh\",\"-c\",\"/app/run --now\"]"));
        assertThat(withCode(after, ContainerCheck.ENTRYPOINT_NO_EXEC)).isEmpty();
        assertThat(entry(after, "shell form").profile()).isEqualTo("c");
    }

    @Test
    void initWithoutExecPermissionForTheEntryPointIsWarnedButExecFormAloneIsNot() throws ImageConfigException {
        String text = "profile c flags=(attach_disconnected,mediate_deleted) {\n  /etc/app.conf r,\n}\n";
        ContainerAnalysis analysis = fixture.analyze(text, inspect("[\"/app/server\"]", "null"));
        List<ContainerDiagnostic> noExec = withCode(analysis, ContainerCheck.ENTRYPOINT_NO_EXEC);
        assertThat(noExec).hasSize(1);
        assertThat(noExec.get(0).message()).contains("exec form, --init", "docker-init", "/app/server");
        assertThat(entry(analysis, "exec form").profile()).isEqualTo("c");
        assertThat(entry(analysis, "exec form, --init").profile()).contains("no exec permission");
    }

    @Test
    void aDenyRuleRefusesTheEntryPoint() throws ImageConfigException {
        String text = "profile c flags=(attach_disconnected,mediate_deleted) {\n  /bin/** ix,\n  deny /bin/bad x,\n}\n";
        ContainerAnalysis analysis = fixture.analyze(text, inspect("null", "[\"/bin/sh\",\"-c\",\"bad\"]"));
        assertThat(entry(analysis, "shell form").profile()).contains("denied");
        assertThat(withCode(analysis, ContainerCheck.ENTRYPOINT_NO_EXEC)).anySatisfy(d -> {
            assertThat(d.message()).contains("denies");
            assertThat(d.quickFix()).isEmpty();
        });
    }

    @Test
    void globbedExecRulesMatchThroughTheAareEngineAndVariables() throws ImageConfigException {
        String text = """
                @{APP}=/opt/app
                profile c flags=(attach_disconnected,mediate_deleted) {
                  /bin/sh ix,
                  @{APP}/bin/* cx -> worker,
                  profile worker flags=(attach_disconnected,mediate_deleted) {
                  }
                }
                """;
        ContainerAnalysis analysis = fixture.analyze(text, inspect("null", "[\"/bin/sh\",\"-c\",\"/opt/app/bin/serve\"]"));
        assertThat(entry(analysis, "shell form").profile()).isEqualTo("c//worker");
    }

    @Test
    void dockerExecLandsInTheContainerProfileEvenForAChildsAttachment() {
        ContainerAnalysis analysis = fixture.analyze(ContainerFixture.sample());
        List<Entry> exec = analysis.entries().stream().filter(e -> e.via() == Entry.Via.EXEC).toList();
        assertThat(exec).extracting(Entry::binary).containsExactly("*", "/usr/local/bin/log-shipper");
        assertThat(exec).allSatisfy(e -> assertThat(e.profile()).isEqualTo("container-with-children"));
        // Started from inside the container, the same binary lands in the child.
        PolicyProfile container = analysis.policy().containerProfile();
        assertThat(analysis.policy().exec(container, "/usr/local/bin/log-shipper").landsInName())
                .isEqualTo("container-with-children//log-shipper");
    }

    @Test
    void dockerRulesCombineEntrypointAndCmd() throws ImageConfigException {
        StartCommand both = inspect("[\"/entry\",\"a\"]", "[\"b\"]").startCommand();
        assertThat(both.argv()).containsExactly("/entry", "a", "b");
        assertThat(both.shellForm()).isFalse();
        StartCommand shellEntry = inspect("[\"/bin/sh\",\"-c\",\"/entry a\"]", "[\"ignored\"]").startCommand();
        assertThat(shellEntry.argv()).containsExactly("/bin/sh", "-c", "/entry a");
        assertThat(shellEntry.shellForm()).isTrue();
        assertThat(shellEntry.program()).isEqualTo("/entry");
        StartCommand cmdOnly = inspect("null", "[\"serve\",\"-v\"]").startCommand();
        assertThat(cmdOnly.program()).isEqualTo("serve");
        assertThat(StartCommand.candidates("serve", cmdOnly.path())).containsExactly("/usr/local/bin/serve", "/usr/bin/serve",
                "/bin/serve");
        assertThatThrownBy(() -> inspect("null", "null").startCommand()).isInstanceOf(ImageConfigException.class)
                .hasMessageContaining("neither an Entrypoint nor a Cmd");
    }

    @Test
    void dockerfileExecAndShellForms() throws ImageConfigException {
        ImageConfig exec = ImageConfig.fromDockerfile("""
                FROM debian AS build
                ENTRYPOINT ["/wrong"]
                FROM busybox
                ENV PATH=/app/bin:/bin
                # the service
                ENTRYPOINT ["/app/bin/serve", \\
                            "--port", "80"]
                CMD ["--verbose"]
                """);
        assertThat(exec.startCommand().argv()).containsExactly("/app/bin/serve", "--port", "80", "--verbose");
        assertThat(exec.path()).containsExactly("/app/bin", "/bin");
        ImageConfig shell = ImageConfig.fromDockerfile("FROM busybox\nSHELL [\"/bin/ash\", \"-c\"]\nCMD serve --port 80\n");
        StartCommand start = shell.startCommand();
        assertThat(start.shellForm()).isTrue();
        assertThat(start.argv()).containsExactly("/bin/ash", "-c", "serve --port 80");
        assertThat(start.program()).isEqualTo("serve");
        // An ENTRYPOINT clears a CMD inherited from the base image, but keeps one of this stage.
        ImageConfig cleared = ImageConfig.fromDockerfile("FROM x\nCMD [\"a\"]\nENTRYPOINT [\"/e\"]\n");
        assertThat(cleared.startCommand().argv()).containsExactly("/e", "a");
        assertThat(ImageConfig.fromDockerfile("FROM x\nRUN true\n").note()).contains("base image");
        assertThatThrownBy(() -> ImageConfig.fromDockerfile("RUN x\n")).hasMessageContaining("FROM");
    }

    @Test
    void badInspectJsonIsAMessageNotAStackTrace() {
        assertThatThrownBy(() -> ImageConfig.fromInspectJson("{not json")).isInstanceOf(ImageConfigException.class)
                .hasMessageContaining("docker image inspect");
        assertThatThrownBy(() -> ImageConfig.fromInspectJson("[]")).hasMessageContaining("empty");
        assertThatThrownBy(() -> ImageConfig.fromInspectJson("{\"Id\":1}")).hasMessageContaining("Config");
    }

    @Test
    void aBareProgramNameWithoutExecPermissionGetsAdviceButNoFix() throws ImageConfigException {
        String text = "profile c flags=(attach_disconnected,mediate_deleted) {\n  /bin/sh ix,\n}\n";
        ContainerAnalysis analysis = fixture.analyze(text, inspect("null", "[\"/bin/sh\",\"-c\",\"serve --port 80\"]"));
        List<ContainerDiagnostic> noExec = withCode(analysis, ContainerCheck.ENTRYPOINT_NO_EXEC);
        assertThat(noExec).isNotEmpty().allSatisfy(d -> {
            assertThat(d.message()).contains("'serve'", "PATH");
            assertThat(d.quickFix()).isEmpty();
        });
        // With an image PATH of no directories the lookup finds nothing, and says so instead of failing.
        ImageConfig noPath = new ImageConfig(null, new ImageConfig.Command(List.of("serve"), false), List.of(), null);
        ContainerAnalysis empty = fixture.analyze(text, noPath);
        assertThat(empty.entries().get(1).profile()).contains("no exec permission");
    }
}
