package dev.armorbench.container;

import static dev.armorbench.container.ContainerFixture.covered;
import static dev.armorbench.container.ContainerFixture.withCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.policy.check.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerChecksTest {
    @TempDir
    Path dir;

    private ContainerFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ContainerFixture(dir);
    }

    @Test
    void theSampleRaisesNoAttachmentOrFlagWarnings() {
        ContainerAnalysis analysis = fixture.analyze(ContainerFixture.sample());
        assertThat(withCode(analysis, ContainerCheck.ATTACHMENT)).isEmpty();
        assertThat(withCode(analysis, ContainerCheck.DISCONNECTED_FLAGS)).isEmpty();
        assertThat(analysis.diagnostics()).noneMatch(d -> d.diagnostic().severity() == Severity.WARNING);
        assertThat(analysis.policy().containerProfile().name()).isEqualTo("container-with-children");
    }

    @Test
    void attachmentOnTheContainerProfileIsWarnedAndTheFixRemovesIt() {
        String text = "profile web /usr/sbin/nginx flags=(attach_disconnected,mediate_deleted) {\n  /etc/nginx/** r,\n}\n";
        ContainerAnalysis analysis = fixture.analyze(text);
        List<ContainerDiagnostic> found = withCode(analysis, ContainerCheck.ATTACHMENT);
        assertThat(found).hasSize(1);
        ContainerDiagnostic diagnostic = found.get(0);
        assertThat(diagnostic.diagnostic().severity()).isEqualTo(Severity.WARNING);
        assertThat(covered(analysis, diagnostic)).isEqualTo("/usr/sbin/nginx");
        assertThat(diagnostic.message()).contains("Remove the attachment");
        String fixed = diagnostic.quickFix().orElseThrow().apply(text);
        assertThat(fixed).isEqualTo("profile web flags=(attach_disconnected,mediate_deleted) {\n  /etc/nginx/** r,\n}\n");
        assertThat(withCode(fixture.analyze(fixed), ContainerCheck.ATTACHMENT)).isEmpty();
        // An editor holding only the plain diagnostic finds the fix by code and range.
        dev.armorbench.policy.check.Diagnostic plain = analysis.plainDiagnostics().stream()
                .filter(d -> d.code().equals("container-attachment")).findFirst().orElseThrow();
        assertThat(analysis.quickFixFor(plain)).contains(diagnostic.fix());
    }

    @Test
    void aPathNamedHostProfileGetsNoContainerChecksOrEntries() {
        String text = "/usr/sbin/cupsd {\n  /etc/cups/** r,\n  /usr/lib/cups/backend/* Px,\n}\n";
        ContainerAnalysis analysis = fixture.analyze(text);
        assertThat(analysis.policy().containerProfile()).isNull();
        assertThat(analysis.diagnostics()).isEmpty();
        assertThat(analysis.entries()).isEmpty();
        // A named profile next to it is still taken for the container's.
        ContainerAnalysis both = fixture.analyze(text + "profile web {\n  /srv/** r,\n}\n");
        assertThat(both.policy().containerProfile().name()).isEqualTo("web");
    }

    @Test
    void attachmentOfAChildIsNotTheContainerAttachmentCheck() {
        ContainerAnalysis analysis = fixture.analyze(ContainerFixture.sample());
        assertThat(withCode(analysis, ContainerCheck.ATTACHMENT)).isEmpty();
        assertThat(withCode(analysis, ContainerCheck.CHILD_ATTACHMENT_EXEC)).hasSize(1);
    }

    @Test
    void missingFlagsAreWarnedOnEveryReachableProfileAndTheFixAddsOrCreatesThem() {
        String text = """
                profile box flags=(complain) {
                  /usr/bin/tool cx -> tool,
                  /usr/bin/other px -> other,
                  profile tool {
                    /usr/bin/tool mr,
                  }
                  ^helper flags=(attach_disconnected) {
                  }
                }
                profile other flags=(attach_disconnected,mediate_deleted) {
                }
                profile unrelated {
                }
                """;
        ContainerAnalysis analysis = fixture.analyze(text);
        List<ContainerDiagnostic> found = withCode(analysis, ContainerCheck.DISCONNECTED_FLAGS);
        assertThat(found).extracting(d -> covered(analysis, d))
                .containsExactly("flags=(complain)", "tool", "flags=(attach_disconnected)");
        assertThat(found.get(0).message()).contains("'box'", "attach_disconnected and mediate_deleted");
        assertThat(found.get(2).message()).contains("box//helper", "lacks mediate_deleted");

        String fixed = text;
        // Apply from the last so offsets stay valid.
        for (int i = found.size() - 1; i >= 0; i--) {
            fixed = found.get(i).quickFix().orElseThrow().apply(fixed);
        }
        assertThat(fixed).contains("profile box flags=(complain,attach_disconnected,mediate_deleted) {")
                .contains("profile tool flags=(attach_disconnected,mediate_deleted) {")
                .contains("^helper flags=(attach_disconnected,mediate_deleted) {")
                .contains("profile unrelated {");
        assertThat(withCode(fixture.analyze(fixed), ContainerCheck.DISCONNECTED_FLAGS)).isEmpty();
    }

    @Test
    void childAttachmentGetsAnInformationAboutDockerExec() {
        String text = """
                profile c flags=(attach_disconnected,mediate_deleted) {
                  /usr/bin/x cx,
                  profile x /usr/bin/x flags=(attach_disconnected,mediate_deleted) {
                  }
                  profile y flags=(attach_disconnected,mediate_deleted) {
                  }
                }
                """;
        ContainerAnalysis analysis = fixture.analyze(text);
        List<ContainerDiagnostic> found = withCode(analysis, ContainerCheck.CHILD_ATTACHMENT_EXEC);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).diagnostic().severity()).isEqualTo(Severity.INFO);
        assertThat(covered(analysis, found.get(0))).isEqualTo("/usr/bin/x");
        assertThat(found.get(0).message()).contains("docker exec CONTAINER /usr/bin/x", "runs under 'c'", "c//x");
        assertThat(found.get(0).quickFix()).isEmpty();
        // cx without a target lands in the child attached to the binary.
        assertThat(analysis.policy().exec(analysis.policy().containerProfile(), "/usr/bin/x").landsInName()).isEqualTo("c//x");
    }

    @Test
    void capabilityUnionOverReachableProfilesGivesTheDockerFlags() {
        String text = """
                profile c flags=(attach_disconnected,mediate_deleted) {
                  capability chown setuid,
                  /usr/bin/a cx -> a,
                  /usr/bin/b px -> b,
                  profile a flags=(attach_disconnected,mediate_deleted) {
                    capability net_bind_service,
                    capability sys_admin,
                  }
                }
                profile b flags=(attach_disconnected,mediate_deleted) {
                  capability dac_read_search,
                  deny capability setuid,
                }
                profile elsewhere {
                  capability sys_module,
                }
                """;
        ContainerAnalysis analysis = fixture.analyze(text);
        List<ContainerDiagnostic> flags = withCode(analysis, ContainerCheck.CAPABILITY_FLAGS);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).message()).contains("allow chown, dac_read_search, net_bind_service, setuid, sys_admin;")
                .contains("--cap-drop ALL --cap-add CHOWN --cap-add DAC_READ_SEARCH --cap-add NET_BIND_SERVICE "
                        + "--cap-add SETUID --cap-add SYS_ADMIN")
                .doesNotContain("SYS_MODULE");
        List<ContainerDiagnostic> extra = withCode(analysis, ContainerCheck.CAPABILITY_NOT_IN_DOCKER_DEFAULT);
        assertThat(extra).extracting(d -> covered(analysis, d))
                .containsExactly("capability sys_admin,", "capability dac_read_search,");
        assertThat(extra.get(0).message()).contains("--cap-add SYS_ADMIN");
        assertThat(ContainerChecks.dockerFlags(java.util.Set.of("kill", "chown"))).isEqualTo("--cap-drop ALL --cap-add CHOWN --cap-add KILL");
    }

    @Test
    void aMisspeltCapabilityIsTheLintsErrorAndNeverADockerFlag() {
        String text = "profile c {\n  capability chown net_bind_servce,\n  /usr/bin/a cx -> a,\n"
                + "  profile a {\n    capability kill,\n  }\n}\n";
        ContainerAnalysis analysis = ContainerAnalysis.analyze(fixture.lint(text), ProfileCatalog.NONE, null);
        assertThat(withCode(analysis, ContainerCheck.CAPABILITY_FLAGS)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("allow chown, kill;").doesNotContain("SERVCE"));
    }

    @Test
    void withoutTransitionsABareCapabilityRuleLeavesDockerAloneToFilter() {
        String text = "profile c flags=(attach_disconnected,mediate_deleted) {\n  capability,\n}\n";
        ContainerAnalysis analysis = fixture.analyze(text);
        assertThat(analysis.diagnostics()).noneMatch(d -> d.code().startsWith("container-capability"));
    }

    @Test
    void dockerDefaultsNoProfileUsesAreListedWithoutTransitions() {
        String text = "profile c flags=(attach_disconnected,mediate_deleted) {\n  capability chown kill net_bind_service,\n}\n";
        ContainerAnalysis analysis = fixture.analyze(text);
        List<ContainerDiagnostic> unused = withCode(analysis, ContainerCheck.CAPABILITY_DOCKER_DEFAULT_UNUSED);
        assertThat(unused).hasSize(1);
        assertThat(unused.get(0).message()).contains("audit_write", "setuid", "--cap-drop AUDIT_WRITE")
                .doesNotContain("--cap-drop CHOWN").doesNotContain("--cap-drop KILL");
        assertThat(withCode(analysis, ContainerCheck.CAPABILITY_NOT_IN_DOCKER_DEFAULT)).isEmpty();
        assertThat(withCode(analysis, ContainerCheck.CAPABILITY_FLAGS)).isEmpty();
    }

    @Test
    void pxToTheNameOfAChildIsWarnedAndTheFixMakesItCx() {
        String text = "profile web flags=(attach_disconnected,mediate_deleted) {\n"
                + "  /usr/bin/* mrPix -> helpers,\n  px /usr/bin/tool -> elsewhere,\n"
                + "  profile helpers flags=(attach_disconnected,mediate_deleted) {\n    /usr/bin/x Px -> helpers,\n  }\n}\n";
        ContainerAnalysis analysis = fixture.analyze(text);
        List<ContainerDiagnostic> found = withCode(analysis, ContainerCheck.PX_TO_CHILD_NAME);
        // 'elsewhere' is no child, and the child's own 'Px -> helpers' would need a 'web//helpers//helpers'.
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(covered(analysis, d)).isEqualTo("/usr/bin/* mrPix -> helpers,");
            assertThat(d.message()).startsWith("'Pix -> helpers' looks for a top-level profile 'helpers', which this"
                    + " file does not define, so the program stays in 'web' (the 'i' fallback) unless one is loaded")
                    .endsWith("the child profile 'web//helpers' is reached with 'Cix -> helpers'");
            assertThat(d.fix().title()).isEqualTo("Use 'Cix -> helpers' (the child profile)");
        });
        String fixed = found.get(0).quickFix().orElseThrow().apply(text);
        assertThat(fixed).contains("  /usr/bin/* mrCix -> helpers,\n");
        assertThat(withCode(fixture.analyze(fixed), ContainerCheck.PX_TO_CHILD_NAME)).isEmpty();
        // Written with the permissions first, the rule's letters are found as well.
        String first = "profile web {\n  px /usr/bin/a -> helpers,\n  profile helpers { }\n}\n";
        assertThat(withCode(fixture.analyze(first), ContainerCheck.PX_TO_CHILD_NAME).get(0).quickFix().orElseThrow()
                .apply(first)).isEqualTo("profile web {\n  cx /usr/bin/a -> helpers,\n  profile helpers { }\n}\n");
        // The letters are found among the rule's words: a quoted path that holds " px " is left as written.
        String quoted = "profile web {\n  \"/opt/a px b\" Px -> helpers,\n  profile helpers { }\n}\n";
        assertThat(withCode(fixture.analyze(quoted), ContainerCheck.PX_TO_CHILD_NAME).get(0).quickFix().orElseThrow()
                .apply(quoted)).isEqualTo("profile web {\n  \"/opt/a px b\" Cx -> helpers,\n  profile helpers { }\n}\n");
    }

    @Test
    void everyCheckCodeIsExplainedInTheDocs() throws java.io.IOException {
        String docs = java.nio.file.Files.readString(Path.of("docs/container-checks.md"));
        for (ContainerCheck check : ContainerCheck.values()) {
            assertThat(docs).as(check.code()).contains("`" + check.code() + "`");
        }
    }
}
