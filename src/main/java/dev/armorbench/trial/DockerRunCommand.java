package dev.armorbench.trial;

import dev.armorbench.trial.RunConfiguration.BindMount;
import dev.armorbench.trial.RunConfiguration.PublishedPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code docker run} command equivalent to what ArmorBench does for a run configuration, for the
 * user to read and copy: as an argument list (for a process) and as one shell-quoted line.
 *
 * @param arguments the whole command, starting with {@code docker run}
 */
public record DockerRunCommand(List<String> arguments) {
    public DockerRunCommand {
        arguments = List.copyOf(arguments);
    }

    /**
     * Renders the configuration.
     *
     * @param configuration   how to run
     * @param appArmorProfile the top-level profile's name for {@code --security-opt apparmor=}; empty for none
     */
    public static DockerRunCommand of(RunConfiguration configuration, Optional<String> appArmorProfile) {
        List<String> args = new ArrayList<>(List.of("docker", "run", "--rm"));
        appArmorProfile.ifPresent(name -> args.addAll(List.of("--security-opt", "apparmor=" + name)));
        if (configuration.noNewPrivileges()) {
            args.addAll(List.of("--security-opt", "no-new-privileges"));
        }
        if (!configuration.keepDefaultCapabilities()) {
            args.addAll(List.of("--cap-drop", "ALL"));
        }
        for (String capability : configuration.capabilities()) {
            args.addAll(List.of("--cap-add", capability));
        }
        if (configuration.readOnlyRootFilesystem()) {
            args.add("--read-only");
        }
        if (configuration.init()) {
            args.add("--init");
        }
        if (!configuration.user().isEmpty()) {
            args.addAll(List.of("--user", configuration.user()));
        }
        if (!configuration.network().isEmpty()) {
            args.addAll(List.of("--network", configuration.network()));
        }
        for (Map.Entry<String, String> variable : configuration.environment().entrySet()) {
            args.addAll(List.of("--env", variable.getKey() + "=" + variable.getValue()));
        }
        for (BindMount mount : configuration.mounts()) {
            args.addAll(List.of("--mount", mountSpec(mount)));
        }
        for (PublishedPort port : configuration.ports()) {
            args.addAll(List.of("--publish", publishSpec(port)));
        }
        args.add(configuration.image());
        args.addAll(configuration.command());
        return new DockerRunCommand(args);
    }

    /** The line to paste into a shell; it passes exactly {@link #arguments()}. */
    public String shellLine() {
        return ShellQuoting.join(arguments);
    }

    /**
     * {@code --mount} takes comma-separated CSV fields, so a path holding a comma or a double quote is
     * written as a quoted CSV field, inner quotes doubled.
     */
    static String mountSpec(BindMount mount) {
        List<String> fields = new ArrayList<>(List.of("type=bind", "source=" + mount.source(), "target=" + mount.target()));
        if (mount.readOnly()) {
            fields.add("readonly");
        }
        return String.join(",", fields.stream().map(DockerRunCommand::csvField).toList());
    }

    private static String csvField(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }

    static String publishSpec(PublishedPort port) {
        String container = port.containerPort() + (port.protocol().equals("tcp") ? "" : "/" + port.protocol());
        String ip = port.hostIp().contains(":") ? "[" + port.hostIp() + "]" : port.hostIp();
        String host = port.hostPort() == 0 ? "" : Integer.toString(port.hostPort());
        if (ip.isEmpty()) {
            return host.isEmpty() ? container : host + ":" + container;
        }
        return ip + ":" + host + ":" + container;
    }
}
