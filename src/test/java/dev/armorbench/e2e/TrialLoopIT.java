package dev.armorbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.armorbench.container.ProfileSite;
import dev.armorbench.container.ProfileSites;
import dev.armorbench.policy.syntax.SyntaxTree;
import dev.armorbench.testing.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The complain → enforce loop on a real AppArmor kernel with a real Docker engine (the guest of
 * {@link AppArmorGuest}): {@code src/test/guest/e2e/trial-loop.sh} runs the packaged jar's
 * {@code trial --until-stable --apply} from {@code trial-loop.profile}, then {@code trial --mode
 * enforce}. Each test asserts one part of what the guest printed.
 */
class TrialLoopIT {
    private static final Duration WORKLOAD_TIMEOUT = Duration.ofMinutes(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> facts;
    private static JsonNode loop;
    private static JsonNode enforce;
    private static String finalProfile;
    private static List<String> kernelLines;
    private static String loopLog;

    @BeforeAll
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    static void runTheLoopInTheGuest() throws IOException {
        Requirements.require(AppArmorGuest.unavailableReason().isEmpty(), AppArmorGuest.unavailableReason().orElse(""));
        Path jar = Path.of(System.getProperty("armorbench.jar", "target/armorbench.jar")).toAbsolutePath();
        Requirements.require(Files.isRegularFile(jar), "the packaged jar " + jar + " (./mvnw package)");
        long started = System.nanoTime();
        AppArmorGuest guest = AppArmorGuest.build();
        Duration build = Duration.ofNanos(System.nanoTime() - started);
        Path checks = AppArmorGuest.scripts().resolve("e2e");
        GuestResult result = guest.run(Map.of("armorbench.jar", jar, "trial-loop.profile",
                checks.resolve("trial-loop.profile")), Files.readString(checks.resolve("trial-loop.sh")), WORKLOAD_TIMEOUT);
        Duration total = Duration.ofNanos(System.nanoTime() - started);

        String output = result.output();
        facts = new LinkedHashMap<>();
        output.lines().filter(line -> line.startsWith("FACT ") && line.contains("="))
                .forEach(line -> facts.put(line.substring(5, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        loop = JSON.readTree(prefixed(output, "TRIAL1 "));
        enforce = JSON.readTree(prefixed(output, "TRIAL2 "));
        finalProfile = prefixed(output, "PROFILE ");
        reportAgainstTheSample(finalProfile);
        kernelLines = output.lines().filter(line -> line.startsWith("KERNEL ")).toList();
        loopLog = prefixed(output, "TRIAL1_LOG ");
        System.out.printf("e2e trial loop: %.1f s in all (guest build %.1f s, boot %.1f s, workload %.1f s);"
                        + " %d runs to converge%n", total.toMillis() / 1e3, build.toMillis() / 1e3,
                result.boot().toMillis() / 1e3, result.run().toMillis() / 1e3, loop == null ? -1 : loop.path("runs").size());
        output.lines().filter(line -> line.startsWith("PHASE ")).forEach(line ->
                System.out.println("e2e phase: " + line.substring(6) + " s"));
        assertThat(result.exitCode()).as("the guest workload's exit code; its output:%n%s", output).isZero();
    }

    private static String prefixed(String output, String prefix) {
        return output.lines().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    @Test
    void untilStableLearnsInComplainModeThenPassesInEnforceMode() {
        assertThat(facts.get("trial1_exit")).as(loop.toPrettyString()).isEqualTo("0");
        assertThat(loop.path("verdict").path("goal_met").asBoolean()).isTrue();
        assertThat(loop.path("verdict").path("state").asText()).isEqualTo("complete");
        JsonNode runs = loop.path("runs");
        assertThat(runs.size()).isGreaterThanOrEqualTo(4); // learning, two stable, enforce
        for (int i = 0; i < runs.size() - 1; i++) {
            assertThat(runs.get(i).path("mode").asText()).isEqualTo("complain");
            assertThat(runs.get(i).path("outcome").asText()).isEqualTo("exited");
        }
        // The first run learned: complain-mode ALLOWED events and suggestions, all applied.
        assertThat(runs.get(0).path("events").path("ALLOWED").asLong()).isPositive();
        assertThat(runs.get(0).path("suggestions").size()).isPositive();
        // The two runs before enforce showed nothing new.
        assertThat(runs.get(runs.size() - 2).path("new_events").asInt()).isZero();
        assertThat(runs.get(runs.size() - 3).path("new_events").asInt()).isZero();
        JsonNode last = runs.get(runs.size() - 1);
        assertThat(last.path("mode").asText()).isEqualTo("enforce");
        assertThat(last.path("exit_code").asLong()).isZero();
        assertThat(last.path("events").path("DENIED").asLong()).isZero();
    }

    /**
     * samples/trial-converged.profile is what an earlier run converged to. A difference is printed,
     * not failed on: the rules asserted below are the contract; their order and form may change
     * with the suggester, and then the sample is refreshed from target/e2e/trial-converged.profile.
     */
    private static void reportAgainstTheSample(String converged) throws IOException {
        Path written = Path.of("target/e2e/trial-converged.profile");
        Files.createDirectories(written.getParent());
        Files.writeString(written, converged);
        Path sample = Path.of("samples/trial-converged.profile");
        boolean same = Files.isRegularFile(sample) && policyBody(Files.readString(sample)).equals(policyBody(converged));
        System.out.println("e2e trial loop: the converged profile " + (same ? "matches" : "DIFFERS FROM") + " " + sample
                + " (written to " + written + ")");
    }

    /** The policy without its comments and blank lines (the sample has a header of its own). */
    private static String policyBody(String text) {
        return text.lines().filter(line -> !line.isBlank() && !line.strip().startsWith("# ") && !line.strip().equals("#"))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void aSeparateEnforceRunOfTheFinalProfileExitsZeroWithNoDenial() {
        assertThat(facts.get("trial2_exit")).as(enforce.toPrettyString()).isEqualTo("0");
        JsonNode run = enforce.path("runs").get(0);
        assertThat(run.path("mode").asText()).isEqualTo("enforce");
        assertThat(run.path("exit_code").asLong()).isZero();
        assertThat(run.path("events").path("DENIED").asLong()).isZero();
        assertThat(enforce.path("verdict").path("goal_met").asBoolean()).isTrue();
    }

    @Test
    void theFinalProfileHoldsTheLearnedRulesInTheRightProfiles() {
        List<ProfileSite> sites = ProfileSites.read(SyntaxTree.parse(finalProfile));
        assertThat(sites).extracting(ProfileSite::name).containsExactly("abtrial");
        ProfileSite container = sites.get(0);
        assertThat(container.flags().values()).containsExactly("attach_disconnected", "mediate_deleted");
        assertThat(container.children()).extracting(ProfileSite::name).containsExactly("helper");
        ProfileSite helper = container.children().get(0);
        assertThat(helper.flags()).isNull();

        List<String> containerRules = rules(container);
        List<String> helperRules = rules(helper);
        assertThat(containerRules).anyMatch(rule -> rule.contains("/etc/app.conf") && rule.endsWith(" r"));
        assertThat(containerRules).anyMatch(rule -> rule.contains("/var/log/app/app.log") && rule.contains("w"));
        assertThat(containerRules).contains("capability net_bind_service");
        assertThat(containerRules).anyMatch(rule -> rule.startsWith("network") && rule.contains("inet"));
        assertThat(containerRules).anyMatch(rule -> rule.startsWith("/opt/helper/cat cx"));
        assertThat(helperRules).anyMatch(rule -> rule.contains("/srv/data.txt") && rule.endsWith(" r"));
        // Each rule where its events were: the child's file is not granted to the container, nor the reverse.
        assertThat(containerRules).noneMatch(rule -> rule.contains("/srv/data.txt"));
        assertThat(helperRules).noneMatch(rule -> rule.contains("/etc/app.conf") || rule.contains("net_bind_service"));
    }

    @Test
    void theFileKeepsABackupAndTheSessionIsSaved() {
        assertThat(facts.get("backup_kept")).isEqualTo("yes");
        assertThat(facts.get("session_files")).startsWith("abtrial.profile-").endsWith(".json");
    }

    @Test
    void dockerLetsAContainersOwnNetworkBindLowPortsWithoutTheCapability() {
        assertThat(facts.get("port_start_network_none")).isEqualTo("0");
        assertThat(facts.get("port_start_network_host")).isEqualTo("1024");
    }

    /** What docs/kernel-facts.md quotes from this run. */
    @Test
    void theKernelLoggedLearningProfilesAndSocketOperationsAsTheDocsSay() {
        assertThat(kernelLines).anySatisfy(line -> assertThat(line).contains("apparmor=\"ALLOWED\" operation=\"exec\"",
                "profile=\"abtrial\"", "name=\"/bin/busybox\"", "target=\"abtrial//null-/bin/busybox\""));
        assertThat(kernelLines).anySatisfy(line -> assertThat(line).contains("operation=\"capable\"",
                "profile=\"abtrial//null-/bin/busybox\"", "capname=\"net_bind_service\""));
        assertThat(kernelLines).anySatisfy(line -> assertThat(line).contains("operation=\"mknod\"",
                "name=\"/var/log/app/app.log\"", "requested_mask=\"c\""));
        // A learning profile mediates no network: no socket event under it, every operation under abtrial.
        assertThat(kernelLines).noneSatisfy(line -> assertThat(line).contains("null-/bin/busybox", "family="));
        for (String operation : List.of("create", "bind", "listen", "accept", "connect", "sendmsg", "recvmsg")) {
            assertThat(kernelLines).as(operation).anySatisfy(line -> assertThat(line).contains("apparmor=\"ALLOWED\"",
                    "operation=\"" + operation + "\"", "profile=\"abtrial\"", "family=\"inet"));
        }
        assertThat(kernelLines).anySatisfy(line -> assertThat(line).contains("operation=\"profile_replace\"",
                "info=\"same as current profile, skipping\""));
        assertThat(kernelLines).anySatisfy(line -> assertThat(line).contains("apparmor=\"ALLOWED\"",
                "profile=\"abtrial//helper\"", "name=\"/srv/data.txt\""));
        assertThat(loopLog).contains("| helper label: abtrial//helper (complain)");
        assertThat(facts.get("loaded_profiles")).contains("abtrial (enforce)", "abtrial//helper (enforce)",
                "abtrial//null-/bin/busybox (complain)");
    }

    /** A profile's rules as written, words joined by one space, without the trailing comma. */
    private static List<String> rules(ProfileSite site) {
        return site.rules().stream().map(rule -> String.join(" ", rule.words())).toList();
    }
}
