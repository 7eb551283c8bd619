package dev.armorbench.trial;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.armorbench.trial.EngineProblem.Kind;
import dev.armorbench.trial.RunConfiguration.BindMount;
import dev.armorbench.trial.RunConfiguration.PublishedPort;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ArmorBench's view of one Docker engine, over docker-java's httpclient5 transport. Every call
 * blocks for at most the caller's timeout: the transport has no read timeout on a unix socket, so a
 * stuck engine would otherwise hang the caller forever. Failures come out as
 * {@link DockerEngineException}s carrying an {@link EngineProblem} with the fix.
 *
 * <p>The API version is left unset: requests go unversioned and the engine answers at its own
 * version, so any engine from {@link #MINIMUM_API_VERSION} on works without negotiation.
 */
public final class DockerEngine implements AutoCloseable {
    /** Docker 1.13: the first API with {@code --init}, mounts in HostConfig and everything else used here. */
    public static final String MINIMUM_API_VERSION = "1.25";
    /** Marks containers ArmorBench created, so that leftovers can be found. */
    public static final String TRIAL_LABEL = "dev.armorbench.trial";

    private static final AtomicInteger THREADS = new AtomicInteger();
    /**
     * httpclient5 logs every retried connection at INFO ("recoverable I/O exception … re-executed"),
     * which would reach the user's terminal through java.util.logging; the problems are reported as
     * {@link EngineProblem}s instead. Held here because java.util.logging keeps loggers only weakly.
     */
    private static final List<java.util.logging.Logger> QUIETED = List.of(
            quiet("org.apache.hc.client5", java.util.logging.Level.WARNING),
            quiet("com.github.dockerjava", java.util.logging.Level.WARNING),
            // Logs every failed stream as SEVERE with a stack trace, though the caller gets the error too.
            quiet("com.github.dockerjava.api.async.ResultCallbackTemplate", java.util.logging.Level.OFF));

    private final DockerEndpoint endpoint;
    private final String minimumApiVersion;
    private final DockerClient client;
    private final ExecutorService calls = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "docker-engine-call-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private DockerEngine(DockerEndpoint endpoint, String minimumApiVersion, DockerClient client) {
        this.endpoint = endpoint;
        this.minimumApiVersion = minimumApiVersion;
        this.client = client;
    }

    /** A client for the endpoint; nothing is sent until the first call. */
    public static DockerEngine connect(DockerEndpoint endpoint) throws DockerEngineException {
        return connect(endpoint, MINIMUM_API_VERSION);
    }

    /**
     * A client for the endpoint that calls an engine older than {@code minimumApiVersion} too old.
     *
     * @throws DockerEngineException {@link Kind#UNSUPPORTED_ENDPOINT} for an address ArmorBench cannot speak
     */
    public static DockerEngine connect(DockerEndpoint endpoint, String minimumApiVersion) throws DockerEngineException {
        URI host;
        try {
            host = URI.create(endpoint.host());
        } catch (IllegalArgumentException e) {
            throw new DockerEngineException(new EngineProblem(Kind.UNSUPPORTED_ENDPOINT, "The Docker address '"
                    + endpoint.host() + "' (" + endpoint.origin() + ") is not a valid address. Fix it, e.g."
                    + " DOCKER_HOST=unix:///var/run/docker.sock."), e);
        }
        String scheme = String.valueOf(host.getScheme());
        if (!scheme.equals("unix") && !scheme.equals("tcp")) {
            throw new DockerEngineException(new EngineProblem(Kind.UNSUPPORTED_ENDPOINT, "ArmorBench cannot reach a"
                    + " Docker engine through '" + endpoint.host() + "' (" + endpoint.origin() + "): only unix://"
                    + " sockets and plain tcp:// are supported. For an ssh:// engine, forward its socket"
                    + " (ssh -L /tmp/docker.sock:/var/run/docker.sock HOST) and set DOCKER_HOST=unix:///tmp/docker.sock."));
        }
        // Built by hand rather than from createDefaultConfigBuilder(): that one reads DOCKER_API_VERSION and
        // TLS variables from the environment, and a pinned API version breaks older engines.
        DefaultDockerClientConfig config = new DefaultDockerClientConfig.Builder()
                .withDockerHost(endpoint.host())
                .withDockerTlsVerify(false)
                .build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .maxConnections(32)
                .connectionTimeout(Duration.ofSeconds(10))
                .build();
        return new DockerEngine(endpoint, minimumApiVersion, DockerClientImpl.getInstance(config, http));
    }

    public DockerEndpoint endpoint() {
        return endpoint;
    }

    private static java.util.logging.Logger quiet(String name, java.util.logging.Level level) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(level);
        return logger;
    }

    /**
     * Whether the engine accepts a new connection now. A stopping engine first closes its listening
     * socket, then stops its containers: connections already open (docker-java's pooled ones) still
     * get answers then, so only a fresh connection tells a container stopped by the engine's
     * shutdown from one that exited.
     */
    boolean acceptsNewConnections() {
        Optional<java.nio.file.Path> socket = endpoint.socketPath();
        try {
            if (socket.isPresent()) {
                try (java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open(
                        java.net.StandardProtocolFamily.UNIX)) {
                    channel.connect(java.net.UnixDomainSocketAddress.of(socket.get()));
                }
                return true;
            }
            URI host = URI.create(endpoint.host());
            try (java.net.Socket plain = new java.net.Socket()) {
                plain.connect(new java.net.InetSocketAddress(host.getHost(), host.getPort() < 0 ? 2375 : host.getPort()),
                        5_000);
            }
            return true;
        } catch (IOException e) {
            // Permission denied means the socket is there and listening, only not for us.
            return String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("permission denied");
        }
    }

    /** Succeeds when the engine answers. */
    public void ping(Duration timeout) throws DockerEngineException {
        call("checking that the engine answers", timeout, () -> client.pingCmd().exec());
    }

    /**
     * The engine's version and security options, checked against the minimum API version.
     *
     * @throws DockerEngineException {@link Kind#ENGINE_TOO_OLD} for an engine below {@link #MINIMUM_API_VERSION}, or
     *                               whatever kept the engine from answering
     */
    public EngineStatus status(Duration timeout) throws DockerEngineException {
        Instant deadline = Instant.now().plus(timeout);
        Version version = call("reading the engine's version", timeout, () -> client.versionCmd().exec());
        String api = String.valueOf(version.getApiVersion());
        if (compareVersions(api, minimumApiVersion) < 0) {
            throw new DockerEngineException(new EngineProblem(Kind.ENGINE_TOO_OLD, "The Docker engine at "
                    + endpoint.host() + " is version " + version.getVersion() + " with API " + api
                    + "; ArmorBench needs API " + minimumApiVersion + " or newer. Upgrade Docker."));
        }
        Info info = call("reading the engine's information", remaining(deadline), () -> client.infoCmd().exec());
        List<String> options = info.getSecurityOptions() == null ? List.of() : info.getSecurityOptions();
        return new EngineStatus(endpoint, String.valueOf(version.getVersion()), api,
                String.valueOf(info.getOperatingSystem()), String.valueOf(version.getKernelVersion()), options);
    }

    /** The images in the engine, newest first; intermediate layers are left out as {@code docker images} does. */
    public List<ImageSummary> images(Duration timeout) throws DockerEngineException {
        List<Image> images = call("listing images", timeout, () -> client.listImagesCmd().exec());
        List<ImageSummary> summaries = new ArrayList<>();
        for (Image image : images) {
            List<String> tags = image.getRepoTags() == null ? List.of()
                    : Arrays.stream(image.getRepoTags()).filter(tag -> !tag.equals("<none>:<none>")).toList();
            long created = image.getCreated() == null ? 0 : image.getCreated();
            long size = image.getSize() == null ? 0 : image.getSize();
            summaries.add(new ImageSummary(image.getId(), tags, size, Instant.ofEpochSecond(created)));
        }
        summaries.sort(Comparator.comparing(ImageSummary::created).reversed().thenComparing(ImageSummary::displayName));
        return List.copyOf(summaries);
    }

    /**
     * What the image runs, as whom and where.
     *
     * @param reference {@code repository:tag}, a name (meaning {@code :latest}) or an id
     * @throws DockerEngineException {@link Kind#MISSING_IMAGE} when the engine has no such image
     */
    public ImageDetails inspectImage(String reference, Duration timeout) throws DockerEngineException {
        InspectImageResponse image = call("inspecting image " + reference, timeout,
                () -> client.inspectImageCmd(reference).exec());
        ContainerConfig config = image.getConfig();
        if (config == null) {
            return new ImageDetails(image.getId(), nonNull(image.getRepoTags()), Optional.empty(), Optional.empty(),
                    "", "", List.of());
        }
        return new ImageDetails(image.getId(), nonNull(image.getRepoTags()), ImageCommand.of(config.getEntrypoint()),
                ImageCommand.of(config.getCmd()), nullToEmpty(config.getUser()), nullToEmpty(config.getWorkingDir()),
                config.getEnv() == null ? List.of() : List.of(config.getEnv()));
    }

    /**
     * Creates (does not start) a container for the configuration, confined by the named profile.
     *
     * @param appArmorProfile the top-level profile's name for {@code --security-opt apparmor=}; empty for none
     * @throws DockerEngineException {@link Kind#MISSING_IMAGE} when the image is not in the engine; the
     *                               configuration's own {@link RunConfiguration#problems()} as {@link Kind#ENGINE_REFUSED}
     */
    public TrialContainer create(RunConfiguration configuration, Optional<String> appArmorProfile, Duration timeout)
            throws DockerEngineException {
        List<String> problems = configuration.problems();
        if (!problems.isEmpty()) {
            throw new DockerEngineException(new EngineProblem(Kind.ENGINE_REFUSED,
                    "The run configuration cannot be used: " + String.join(" ", problems)));
        }
        String id = call("creating a container from " + configuration.image(), timeout,
                () -> containerCommand(configuration, appArmorProfile).exec().getId());
        return new TrialContainer(this, id);
    }

    private CreateContainerCmd containerCommand(RunConfiguration configuration, Optional<String> appArmorProfile) {
        List<String> securityOptions = new ArrayList<>();
        appArmorProfile.ifPresent(name -> securityOptions.add("apparmor=" + name));
        if (configuration.noNewPrivileges()) {
            securityOptions.add("no-new-privileges");
        }
        HostConfig host = HostConfig.newHostConfig()
                .withSecurityOpts(securityOptions)
                .withReadonlyRootfs(configuration.readOnlyRootFilesystem())
                // Null, not false, without --init: false would override an engine configured with "init": true.
                .withInit(configuration.init() ? Boolean.TRUE : null)
                .withCapAdd(configuration.capabilities().stream().map(Capability::valueOf).toArray(Capability[]::new));
        if (!configuration.keepDefaultCapabilities()) {
            host.withCapDrop(Capability.ALL);
        }
        if (!configuration.network().isEmpty()) {
            host.withNetworkMode(configuration.network());
        }
        List<Mount> mounts = new ArrayList<>();
        for (BindMount mount : configuration.mounts()) {
            mounts.add(new Mount().withType(MountType.BIND).withSource(mount.source()).withTarget(mount.target())
                    .withReadOnly(mount.readOnly()));
        }
        host.withMounts(mounts);
        List<ExposedPort> exposed = new ArrayList<>();
        List<PortBinding> bindings = new ArrayList<>();
        for (PublishedPort port : configuration.ports()) {
            ExposedPort containerPort = new ExposedPort(port.containerPort(), InternetProtocol.parse(port.protocol()));
            String ip = port.hostIp().isEmpty() ? null : port.hostIp();
            Ports.Binding binding = port.hostPort() == 0 ? Ports.Binding.bindIp(ip)
                    : Ports.Binding.bindIpAndPort(ip, port.hostPort());
            exposed.add(containerPort);
            bindings.add(new PortBinding(binding, containerPort));
        }
        host.withPortBindings(bindings);
        List<String> environment = configuration.environment().entrySet().stream()
                .map(variable -> variable.getKey() + "=" + variable.getValue()).toList();
        CreateContainerCmd command = client.createContainerCmd(configuration.image())
                .withHostConfig(host)
                .withEnv(environment)
                .withExposedPorts(exposed)
                .withLabels(Map.of(TRIAL_LABEL, "1"));
        if (!configuration.user().isEmpty()) {
            command.withUser(configuration.user());
        }
        if (!configuration.command().isEmpty()) {
            command.withCmd(configuration.command());
        }
        return command;
    }

    /** A handle on a container that already exists, e.g. one left from an earlier run. */
    public TrialContainer container(String id) {
        return new TrialContainer(this, id);
    }

    /**
     * The containers ArmorBench created in this engine that still exist, running or not (labelled
     * {@link #TRIAL_LABEL}): leftovers of a run the app could not finish, for cleaning up.
     */
    public List<TrialContainer> trialContainers(Duration timeout) throws DockerEngineException {
        return call("listing ArmorBench's containers", timeout, () -> client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(TRIAL_LABEL, "1")).exec()).stream()
                .map(container -> new TrialContainer(this, container.getId()))
                .toList();
    }

    DockerClient client() {
        return client;
    }

    /**
     * Runs one blocking docker-java call on a worker thread and waits at most {@code timeout}. On
     * timeout the worker is interrupted and left to finish on its own; closing the engine ends it.
     */
    <T> T call(String action, Duration timeout, Callable<T> work) throws DockerEngineException {
        Future<T> result = calls.submit(work);
        try {
            return result.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new DockerEngineException(timedOut(action, timeout), e);
        } catch (ExecutionException e) {
            throw new DockerEngineException(EngineFailures.describe(e.getCause(), endpoint, action), e.getCause());
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new DockerEngineException(new EngineProblem(Kind.TIMED_OUT, "Stopped waiting for the Docker engine"
                    + " while " + action + ": the wait was cancelled."), e);
        }
    }

    EngineProblem timedOut(String action, Duration timeout) {
        return new EngineProblem(Kind.TIMED_OUT, "The Docker engine at " + endpoint.host() + " did not finish "
                + action + " within " + describe(timeout) + ". It may be busy or stuck: try again, or restart"
                + " Docker if it keeps happening.");
    }

    /** "800 ms" below a second, else whole seconds: "60 s". */
    static String describe(Duration duration) {
        return duration.compareTo(Duration.ofSeconds(1)) < 0 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
    }

    static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ofMillis(1) : left;
    }

    /** Compares dotted version numbers numerically: 1.9 &lt; 1.25 &lt; 1.41. Missing parts count as 0. */
    static int compareVersions(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? leadingNumber(a[i]) : 0;
            int y = i < b.length ? leadingNumber(b[i]) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    private static int leadingNumber(String part) {
        int end = 0;
        while (end < part.length() && Character.isDigit(part.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(part.substring(0, Math.min(end, 9)));
    }

    private static List<String> nonNull(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Closes the connections; calls still waiting on the engine end with an error. */
    @Override
    public void close() {
        calls.shutdownNow();
        try {
            client.close();
        } catch (IOException e) {
            // Closing a socket that is already gone: nothing left to release.
        }
    }
}
