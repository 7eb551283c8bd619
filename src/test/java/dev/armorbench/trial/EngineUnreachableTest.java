package dev.armorbench.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.armorbench.trial.EngineProblem.Kind;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the user sees when no engine answers, with real sockets (no Docker needed): a missing socket,
 * a path that is not a socket, a socket nobody listens on, and one that accepts but never answers.
 */
class EngineUnreachableTest {
    @TempDir
    Path directory;

    @Test
    void aMissingSocketMeansNoEngineAndSaysHowToStartOne() throws Exception {
        EngineProblem problem = pingProblem("unix://" + directory.resolve("docker.sock"), Duration.ofSeconds(30));

        assertThat(problem.kind()).isEqualTo(Kind.NO_ENGINE);
        assertThat(problem.message()).contains(directory.resolve("docker.sock") + " does not exist")
                .contains("systemctl start docker").contains("DOCKER_HOST");
    }

    @Test
    void aPathThatIsNotASocketIsNamedAsSuch() throws Exception {
        Path file = Files.writeString(directory.resolve("docker.sock"), "not a socket");

        EngineProblem problem = pingProblem("unix://" + file, Duration.ofSeconds(30));

        assertThat(problem.kind()).isEqualTo(Kind.NO_ENGINE);
        assertThat(problem.message()).contains(file + " is not a socket");
    }

    @Test
    void aSocketNobodyListensOnMeansNoEngine() throws Exception {
        Path socket = directory.resolve("stale.sock");
        // Binding creates the socket file; closing leaves it behind with nobody listening, like a crashed engine.
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
        }

        EngineProblem problem = pingProblem("unix://" + socket, Duration.ofSeconds(30));

        assertThat(problem.kind()).isEqualTo(Kind.NO_ENGINE);
        assertThat(problem.message()).contains("nothing listens on " + socket);
    }

    @Test
    void anEngineThatNeverAnswersTimesOutInsteadOfHanging() throws Exception {
        Path socket = directory.resolve("silent.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread acceptor = new Thread(() -> {
                try (SocketChannel accepted = server.accept()) {
                    // Hold the connection open without a word, like a hung engine.
                    Thread.sleep(accepted.isOpen() ? 30_000 : 0);
                } catch (Exception e) {
                    // The test ended and closed the server.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();

            long started = System.nanoTime();
            EngineProblem problem = pingProblem("unix://" + socket, Duration.ofMillis(800));
            Duration waited = Duration.ofNanos(System.nanoTime() - started);

            assertThat(problem.kind()).isEqualTo(Kind.TIMED_OUT);
            assertThat(problem.message()).contains("did not finish checking that the engine answers within 800 ms");
            assertThat(waited).isLessThan(Duration.ofSeconds(20));
            acceptor.interrupt();
        }
    }

    @Test
    void anSshEndpointIsRefusedWithTheWayAround() {
        assertThatThrownBy(() -> DockerEngine.connect(new DockerEndpoint("ssh://me@host", "Docker context 'far'", Optional.empty())))
                .isInstanceOfSatisfying(DockerEngineException.class, e -> {
                    assertThat(e.problem().kind()).isEqualTo(Kind.UNSUPPORTED_ENDPOINT);
                    assertThat(e.problem().message()).contains("ssh -L").contains("Docker context 'far'");
                });
    }

    private static EngineProblem pingProblem(String host, Duration timeout) throws DockerEngineException {
        try (DockerEngine engine = DockerEngine.connect(DockerEndpoint.of(host))) {
            engine.ping(timeout);
        } catch (DockerEngineException e) {
            return e.problem();
        }
        throw new AssertionError("the ping to " + host + " succeeded");
    }
}
