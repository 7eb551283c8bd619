package dev.armorbench.trial.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.armorbench.testing.Requirements;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * The root helper ({@code installers/linux/armorbench-load-profile}) run for real, and its polkit
 * action. The helper must refuse everything but its fixed requests, and the action must name the
 * helper's installed path, the path the app looks for.
 */
class RootHelperTest {
    private static final Path HELPER = Path.of("installers/linux/armorbench-load-profile");
    private static final Path POLICY = Path.of("installers/linux/dev.armorbench.load-profile.policy");

    @TempDir
    Path dir;

    private static CommandOutput helper(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/sh", HELPER.toString()));
        command.addAll(List.of(arguments));
        return new ProcessCommandRunner().run(command, Optional.empty(), "profile t {}\n".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(30));
    }

    private static void asRoot() {
        assumeTrue("root".equals(System.getProperty("user.name")), "the helper's refusals are checked as root, as pkexec runs it");
    }

    @Test
    void extraArgumentsAreRefusedBeforeAnythingRuns() throws Exception {
        asRoot();
        for (List<String> arguments : List.of(List.of("replace", "-C"), List.of("replace", "--directory", "/tmp", "-C"),
                List.of("replace", "-r", "-K"), List.of("remove", "--directory"), List.of("replace", "--dir", "/tmp"))) {
            CommandOutput output = helper(arguments.toArray(String[]::new));
            assertThat(output.exitCode()).as("%s", arguments).isEqualTo(ProfileLoader.HELPER_USAGE);
            assertThat(output.stderr()).as("%s", arguments).contains("unexpected arguments after '" + arguments.get(0) + "'")
                    .contains("usage: armorbench-load-profile replace|replace-complain|remove [--directory DIR]");
            assertThat(output.stdout()).isEmpty();
        }
    }

    @Test
    void onlyTheThreeRequestsAreKnown() throws Exception {
        asRoot();
        assertThat(helper().stderr()).contains("no request given");
        for (String request : List.of("load", "-r", "--help", "Replace")) {
            CommandOutput output = helper(request);
            assertThat(output.exitCode()).isEqualTo(ProfileLoader.HELPER_USAGE);
            assertThat(output.stderr()).contains("unknown request '" + request + "'");
        }
    }

    @Test
    void theDirectoryMustBeAnAbsoluteExistingOne() throws Exception {
        asRoot();
        CommandOutput relative = helper("replace", "--directory", "etc");
        assertThat(relative.exitCode()).isEqualTo(ProfileLoader.HELPER_USAGE);
        assertThat(relative.stderr()).contains("must be an absolute path: 'etc'");
        CommandOutput missing = helper("replace", "--directory", dir.resolve("gone").toString());
        assertThat(missing.exitCode()).isEqualTo(ProfileLoader.HELPER_USAGE);
        assertThat(missing.stderr()).contains("no such directory");
    }

    @Test
    void aValidRequestReachesTheParser() throws Exception {
        asRoot();
        Requirements.require(Files.isExecutable(Path.of("/usr/sbin/apparmor_parser")), "apparmor_parser (Debian package apparmor)");
        assumeTrue(!Files.isDirectory(Path.of("/sys/kernel/security/apparmor")),
                "this machine has AppArmor's securityfs, so the parser would really load");
        CommandOutput output = helper("replace-complain", "--directory", dir.toString());
        assertThat(output.exitCode()).isEqualTo(1);
        assertThat(output.stderr()).contains("unable to find a suitable fs in /proc/mounts").doesNotContain("usage:");
    }

    @Test
    void itRefusesToRunAsAnotherUser() throws Exception {
        asRoot();
        Requirements.require(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv (Debian package util-linux)");
        Path copy = dir.resolve("armorbench-load-profile");
        Files.copy(HELPER, copy);
        dir.toFile().setExecutable(true, false);
        copy.toFile().setReadable(true, false);
        CommandOutput output = new ProcessCommandRunner().run(List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534",
                "--clear-groups", "/bin/sh", copy.toString(), "replace"), Optional.empty(), new byte[0], Duration.ofSeconds(30));
        assertThat(output.exitCode()).as(output.stderr()).isEqualTo(77);
        assertThat(output.stderr()).contains("must run as root");
    }

    @Test
    void thePolkitActionNamesTheHelpersInstalledPathAndAsksForAnAdministrator() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setValidating(false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        Document policy = builder.parse(new InputSource(new ByteArrayInputStream(Files.readAllBytes(POLICY))));

        Element action = (Element) policy.getElementsByTagName("action").item(0);
        assertThat(policy.getElementsByTagName("action").getLength()).isEqualTo(1);
        assertThat(action.getAttribute("id")).isEqualTo(AppArmorHost.POLKIT_ACTION);
        Element annotate = (Element) action.getElementsByTagName("annotate").item(0);
        assertThat(annotate.getAttribute("key")).isEqualTo("org.freedesktop.policykit.exec.path");
        assertThat(annotate.getTextContent()).isEqualTo(AppArmorHost.ROOT_HELPER.toString());
        assertThat(text(action, "allow_active")).isEqualTo("auth_admin_keep");
        assertThat(text(action, "allow_inactive")).isEqualTo("auth_admin");
        assertThat(text(action, "allow_any")).isEqualTo("auth_admin");
        assertThat(text(action, "message")).contains("ArmorBench wants to load an AppArmor profile");
        assertThat(policy.getDoctype().getPublicId()).isEqualTo("-//freedesktop//DTD PolicyKit Policy Configuration 1.0//EN");
    }

    @Test
    void theHelperIsExecutableInTheSourceTreeForThePackage() {
        assertThat(Files.isExecutable(HELPER)).isTrue();
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent().strip();
    }
}
