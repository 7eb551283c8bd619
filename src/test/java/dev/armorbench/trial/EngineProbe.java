package dev.armorbench.trial;

import java.time.Duration;

/**
 * Pings an engine in a separate process and prints the problem's kind and message: lets a test see
 * what a process with fewer privileges than the test's own meets.
 */
public final class EngineProbe {
    private EngineProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (DockerEngine engine = DockerEngine.connect(DockerEndpoint.of(args[0]))) {
            engine.ping(Duration.ofSeconds(30));
            System.out.println("ANSWERED");
        } catch (DockerEngineException e) {
            System.out.println(e.problem().kind() + "\n" + e.problem().message());
        }
    }
}
