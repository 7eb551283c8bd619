package dev.armorbench.trial;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.dockerjava.api.model.Capability;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a profile's container is run: everything the user sets for a trial except the AppArmor
 * profile itself, whose name always comes from the profile's top-level profile. Saved as JSON with
 * the profile (see {@link RunConfigurationStore}); absent fields read as the defaults.
 *
 * @param image                   the image to run, {@code repository:tag} or an id
 * @param command                 replaces the image's {@code CMD} when not empty
 * @param environment             extra variables, in order
 * @param mounts                  bind mounts from the host
 * @param ports                   published ports
 * @param user                    {@code --user}; empty keeps the image's user
 * @param init                    {@code --init}: docker-init becomes pid 1 and runs the entry point as its child
 * @param network                 {@code --network}; empty keeps the engine's default
 * @param readOnlyRootFilesystem  {@code --read-only}
 * @param noNewPrivileges         {@code --security-opt no-new-privileges}
 * @param keepDefaultCapabilities false (the default) drops all capabilities and adds back only {@code capabilities}
 * @param capabilities            capabilities added, upper case without {@code CAP_}, e.g. {@code NET_BIND_SERVICE}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunConfiguration(String image, List<String> command, Map<String, String> environment,
                               List<BindMount> mounts, List<PublishedPort> ports, String user, boolean init,
                               String network, boolean readOnlyRootFilesystem, boolean noNewPrivileges,
                               boolean keepDefaultCapabilities, Set<String> capabilities) {

    public RunConfiguration {
        image = image == null ? "" : image.strip();
        command = command == null ? List.of() : List.copyOf(command);
        environment = environment == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        ports = ports == null ? List.of() : List.copyOf(ports);
        user = user == null ? "" : user.strip();
        network = network == null ? "" : network.strip();
        capabilities = capabilities == null ? Set.of() : normalizedCapabilities(capabilities);
    }

    /** A configuration for the image with the defaults: no capabilities, nothing else changed. */
    public static RunConfiguration forImage(String image) {
        return new RunConfiguration(image, List.of(), Map.of(), List.of(), List.of(), "", false, "", false, false,
                false, Set.of());
    }

    public RunConfiguration withImage(String newImage) {
        return new RunConfiguration(newImage, command, environment, mounts, ports, user, init, network,
                readOnlyRootFilesystem, noNewPrivileges, keepDefaultCapabilities, capabilities);
    }

    public RunConfiguration withCommand(List<String> newCommand) {
        return new RunConfiguration(image, newCommand, environment, mounts, ports, user, init, network,
                readOnlyRootFilesystem, noNewPrivileges, keepDefaultCapabilities, capabilities);
    }

    public RunConfiguration withEnvironment(Map<String, String> newEnvironment) {
        return new RunConfiguration(image, command, newEnvironment, mounts, ports, user, init, network,
                readOnlyRootFilesystem, noNewPrivileges, keepDefaultCapabilities, capabilities);
    }

    public RunConfiguration withMounts(List<BindMount> newMounts) {
        return new RunConfiguration(image, command, environment, newMounts, ports, user, init, network,
                readOnlyRootFilesystem, noNewPrivileges, keepDefaultCapabilities, capabilities);
    }

    public RunConfiguration withPorts(List<PublishedPort> newPorts) {
        return new RunConfiguration(image, command, environment, mounts, newPorts, user, init, network,
                readOnlyRootFilesystem, noNewPrivileges, keepDefaultCapabilities, capabilities);
    }

    public RunConfiguration withUser(String newUser) {
        return new RunConfiguration(image, command, environment, mounts, ports, newUser, init, network,
                readOnlyRootFilesystem, noNewPrivileges, keepDefaultCapabilities, capabilities);
    }

    public RunConfiguration withInit(boolean newInit) {
        return new RunConfiguration(image, command, environment, mounts, ports, user, newInit, network,
                readOnlyRootFilesystem, noNewPrivileges, keepDefaultCapabilities, capabilities);
    }

    public RunConfiguration withNetwork(String newNetwork) {
        return new RunConfiguration(image, command, environment, mounts, ports, user, init, newNetwork,
                readOnlyRootFilesystem, noNewPrivileges, keepDefaultCapabilities, capabilities);
    }

    public RunConfiguration withReadOnlyRootFilesystem(boolean readOnly) {
        return new RunConfiguration(image, command, environment, mounts, ports, user, init, network,
                readOnly, noNewPrivileges, keepDefaultCapabilities, capabilities);
    }

    public RunConfiguration withNoNewPrivileges(boolean newNoNewPrivileges) {
        return new RunConfiguration(image, command, environment, mounts, ports, user, init, network,
                readOnlyRootFilesystem, newNoNewPrivileges, keepDefaultCapabilities, capabilities);
    }

    public RunConfiguration withKeepDefaultCapabilities(boolean keep) {
        return new RunConfiguration(image, command, environment, mounts, ports, user, init, network,
                readOnlyRootFilesystem, noNewPrivileges, keep, capabilities);
    }

    /** Replaces the added capabilities, e.g. with the union the profiles' {@code capability} rules need. */
    public RunConfiguration withCapabilities(Collection<String> newCapabilities) {
        return new RunConfiguration(image, command, environment, mounts, ports, user, init, network,
                readOnlyRootFilesystem, noNewPrivileges, keepDefaultCapabilities, new TreeSet<>(newCapabilities));
    }

    /**
     * What stops this configuration from running, one sentence each; empty when it can run. The
     * panel shows these next to the fields instead of letting the engine fail later.
     */
    @JsonIgnore
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (image.isEmpty()) {
            problems.add("Choose an image to run.");
        }
        for (String capability : capabilities) {
            if (!knownCapability(capability)) {
                problems.add("Unknown capability " + capability + ": use a name from capabilities(7) such as"
                        + " NET_BIND_SERVICE.");
            }
        }
        environment.keySet().stream().filter(name -> name.isEmpty() || name.contains("="))
                .forEach(name -> problems.add("Environment variable name '" + name + "' is empty or contains '='."));
        for (BindMount mount : mounts) {
            if (!mount.target().startsWith("/")) {
                problems.add("Mount target '" + mount.target() + "' must be an absolute path in the container.");
            }
            if (!mount.source().startsWith("/")) {
                problems.add("Mount source '" + mount.source() + "' must be an absolute path on the host.");
            }
        }
        for (PublishedPort port : ports) {
            if (port.containerPort() < 1 || port.containerPort() > 65535 || port.hostPort() < 0 || port.hostPort() > 65535) {
                problems.add("Port " + port.hostPort() + ":" + port.containerPort() + " is out of range.");
            }
        }
        return problems;
    }

    /** Capability names upper case, without the {@code CAP_} prefix, sorted: "cap_chown" and "CHOWN" are one. */
    static Set<String> normalizedCapabilities(Collection<String> names) {
        TreeSet<String> normalized = new TreeSet<>();
        for (String name : names) {
            String upper = name.strip().toUpperCase(Locale.ROOT);
            if (upper.startsWith("CAP_")) {
                upper = upper.substring(4);
            }
            if (!upper.isEmpty()) {
                normalized.add(upper);
            }
        }
        return java.util.Collections.unmodifiableSortedSet(normalized);
    }

    static boolean knownCapability(String name) {
        try {
            return Capability.valueOf(name) != Capability.ALL;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A host directory or file made visible in the container.
     *
     * @param source   absolute host path
     * @param target   absolute path in the container
     * @param readOnly mounted read-only
     */
    public record BindMount(String source, String target, boolean readOnly) {
    }

    /**
     * A container port published on the host.
     *
     * @param hostIp        the host address to bind, empty for all
     * @param hostPort      the host port, 0 for one the engine picks
     * @param containerPort the port inside the container
     * @param protocol      {@code tcp} (the default when empty) or {@code udp}
     */
    public record PublishedPort(String hostIp, int hostPort, int containerPort, String protocol) {
        public PublishedPort {
            hostIp = hostIp == null ? "" : hostIp.strip();
            protocol = protocol == null || protocol.isBlank() ? "tcp" : protocol.strip().toLowerCase(Locale.ROOT);
        }
    }
}
