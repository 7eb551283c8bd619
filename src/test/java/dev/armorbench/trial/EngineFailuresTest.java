package dev.armorbench.trial;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.armorbench.trial.EngineProblem.Kind;
import java.net.SocketException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.junit.jupiter.api.Test;

/**
 * The mapping for failures a test engine cannot produce on this machine, with the messages seen from
 * real engines (FACTS.md); the others are exercised against a real engine in {@link DockerEngineTest},
 * {@link EngineGoneTest}, {@link EngineAccessTest} and {@link EngineUnreachableTest}.
 */
class EngineFailuresTest {
    static final DockerEndpoint ENDPOINT = DockerEndpoint.of("unix:///var/run/docker.sock");

    @Test
    void aProfileThatIsNotLoadedIsExplained() {
        InternalServerErrorException failure = new InternalServerErrorException("Status 500: {\"message\":\"failed to create"
                + " shim task: OCI runtime create failed: runc create failed: unable to start container process: error"
                + " during container init: unable to apply apparmor profile: apparmor failed to apply profile: write"
                + " /proc/self/attr/apparmor/exec: no such file or directory: unknown\"}\n");

        EngineProblem problem = EngineFailures.describe(failure, ENDPOINT, "starting container abc");

        assertThat(problem.kind()).isEqualTo(Kind.APPARMOR_PROFILE_NOT_LOADED);
        assertThat(problem.message()).contains("not loaded").contains("apparmor_parser -r")
                .contains("write /proc/self/attr/apparmor/exec: no such file or directory");
    }

    @Test
    void aClientTooNewForTheEngineMeansTheEngineIsTooOld() {
        BadRequestException failure = new BadRequestException("Status 400: {\"message\":\"client version 1.44 is too new."
                + " Maximum supported API version is 1.41\"}");

        EngineProblem problem = EngineFailures.describe(failure, ENDPOINT, "checking that the engine answers");

        assertThat(problem.kind()).isEqualTo(Kind.ENGINE_TOO_OLD);
        assertThat(problem.message()).contains("Maximum supported API version is 1.41").contains("Upgrade Docker");
    }

    @Test
    void aKilledEngineCuttingAStreamIsGone() {
        RuntimeException failure = new RuntimeException(new ConnectionClosedException(
                "Premature end of chunk coded message body: closing chunk expected"));

        assertThat(EngineFailures.describe(failure, ENDPOINT, "following output").kind()).isEqualTo(Kind.ENGINE_GONE);
    }

    @Test
    void theEnginesOwnWordsAreKept() {
        NotFoundException missing = new NotFoundException("Status 404: {\"message\":\"No such image: web:2\"}\n");
        InternalServerErrorException other = new InternalServerErrorException("Status 500: {\"message\":\"disk full\"}");

        assertThat(EngineFailures.describe(missing, ENDPOINT, "creating").message()).startsWith("No such image: web:2.");
        assertThat(EngineFailures.describe(other, ENDPOINT, "creating a container"))
                .isEqualTo(new EngineProblem(Kind.ENGINE_REFUSED,
                        "The Docker engine refused creating a container (HTTP 500): disk full"));
    }

    @Test
    void permissionDeniedOnTheSocketNamesTheDockerGroup() {
        RuntimeException failure = new RuntimeException(new SocketException("Permission denied"));

        EngineProblem problem = EngineFailures.describe(failure, ENDPOINT, "listing images");

        assertThat(problem.kind()).isEqualTo(Kind.PERMISSION_DENIED);
        assertThat(problem.message()).contains("group docker");
    }

    @Test
    void versionsCompareNumerically() {
        assertThat(DockerEngine.compareVersions("1.9", "1.25")).isNegative();
        assertThat(DockerEngine.compareVersions("1.41", "1.25")).isPositive();
        assertThat(DockerEngine.compareVersions("1.25", "1.25.0")).isZero();
        assertThat(DockerEngine.compareVersions("2.0", "1.99")).isPositive();
    }

    @Test
    void imageCommandsTellExecFromShellForm() {
        assertThat(ImageCommand.of(new String[] {"/bin/sh", "-c", "nginx -g 'daemon off;'"}).orElseThrow().form())
                .isEqualTo(ImageCommand.Form.SHELL);
        assertThat(ImageCommand.of(new String[] {"/bin/sh", "-c"}).orElseThrow().form()).isEqualTo(ImageCommand.Form.EXEC);
        assertThat(ImageCommand.of(new String[] {"/docker-entrypoint.sh", "nginx"}).orElseThrow().shellScript()).isEmpty();
        assertThat(ImageCommand.of(new String[0])).isEmpty();
        assertThat(ImageCommand.of(null)).isEmpty();
    }
}
