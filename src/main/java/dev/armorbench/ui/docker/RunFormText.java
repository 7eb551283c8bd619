package dev.armorbench.ui.docker;

import dev.armorbench.trial.RunConfiguration.BindMount;
import dev.armorbench.trial.RunConfiguration.PublishedPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The run configuration's lists as the form shows them, one entry a line, in the {@code docker run}
 * notation users know: {@code NAME=value}, {@code /host:/container[:ro]}, {@code [ip:]host:container[/udp]}.
 * Reading collects a message for each line it cannot use instead of guessing.
 */
final class RunFormText {
    private RunFormText() {
    }

    /** A value read from the form and what was wrong with its lines. */
    record Read<T>(T value, List<String> problems) {
    }

    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    /** One argument a line, kept exactly (only empty lines are dropped), so no quoting is needed. */
    static List<String> command(String text) {
        List<String> arguments = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                arguments.add(line);
            }
        }
        return arguments;
    }

    static Read<Map<String, String>> environment(String text) {
        Map<String, String> variables = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String line : lines(text)) {
            int equals = line.indexOf('=');
            if (equals <= 0) {
                problems.add("Environment line '" + line + "' needs the form NAME=value.");
            } else {
                variables.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return new Read<>(variables, problems);
    }

    static String environment(Map<String, String> variables) {
        StringBuilder text = new StringBuilder();
        variables.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        return text.toString().stripTrailing();
    }

    static Read<List<BindMount>> mounts(String text) {
        List<BindMount> mounts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String line : lines(text)) {
            String[] parts = line.split(":", -1);
            boolean readOnly = parts.length == 3 && (parts[2].equals("ro") || parts[2].equals("readonly"));
            boolean readWrite = parts.length == 3 && parts[2].equals("rw");
            if (parts.length == 2 || readOnly || readWrite) {
                mounts.add(new BindMount(parts[0], parts[1], readOnly));
            } else {
                problems.add("Mount line '" + line + "' needs the form /host/path:/container/path, with :ro for read-only.");
            }
        }
        return new Read<>(mounts, problems);
    }

    static String mounts(List<BindMount> mounts) {
        StringBuilder text = new StringBuilder();
        for (BindMount mount : mounts) {
            text.append(mount.source()).append(':').append(mount.target()).append(mount.readOnly() ? ":ro" : "")
                    .append('\n');
        }
        return text.toString().stripTrailing();
    }

    static Read<List<PublishedPort>> ports(String text) {
        List<PublishedPort> ports = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String line : lines(text)) {
            String spec = line;
            String protocol = "tcp";
            int slash = spec.lastIndexOf('/');
            if (slash > 0) {
                protocol = spec.substring(slash + 1);
                spec = spec.substring(0, slash);
            }
            String bracketedIp = null;
            if (spec.startsWith("[") && spec.indexOf("]:") > 0) {
                // An IPv6 host address is written in brackets: [::1]:8080:80.
                bracketedIp = spec.substring(1, spec.indexOf("]:"));
                spec = spec.substring(spec.indexOf("]:") + 2);
            }
            String[] parts = spec.split(":", -1);
            try {
                if (bracketedIp != null) {
                    if (parts.length != 2) {
                        throw new NumberFormatException();
                    }
                    parts = new String[] {bracketedIp, parts[0], parts[1]};
                }
                if (!protocol.equals("tcp") && !protocol.equals("udp") && !protocol.equals("sctp")) {
                    throw new NumberFormatException();
                }
                PublishedPort port = switch (parts.length) {
                    case 1 -> new PublishedPort("", 0, port(parts[0]), protocol);
                    case 2 -> new PublishedPort("", port(parts[0]), port(parts[1]), protocol);
                    case 3 -> new PublishedPort(parts[0], parts[1].isEmpty() ? 0 : port(parts[1]), port(parts[2]), protocol);
                    default -> throw new NumberFormatException();
                };
                ports.add(port);
            } catch (NumberFormatException e) {
                problems.add("Port line '" + line + "' needs the form [host-ip:]host-port:container-port[/udp],"
                        + " ports from 1 to 65535.");
            }
        }
        return new Read<>(ports, problems);
    }

    static String ports(List<PublishedPort> ports) {
        StringBuilder text = new StringBuilder();
        for (PublishedPort port : ports) {
            if (!port.hostIp().isEmpty()) {
                text.append(port.hostIp().contains(":") ? "[" + port.hostIp() + "]" : port.hostIp()).append(':').append(port.hostPort() == 0 ? "" : port.hostPort()).append(':');
            } else if (port.hostPort() != 0) {
                text.append(port.hostPort()).append(':');
            }
            text.append(port.containerPort()).append(port.protocol().equals("tcp") ? "" : "/" + port.protocol())
                    .append('\n');
        }
        return text.toString().stripTrailing();
    }

    /** Capabilities separated by spaces or commas, with or without {@code CAP_}, any case. */
    static Set<String> capabilities(String text) {
        Set<String> names = new TreeSet<>();
        for (String word : text.split("[\\s,]+")) {
            if (!word.isBlank()) {
                names.add(word);
            }
        }
        return names;
    }

    private static int port(String text) {
        int port = Integer.parseInt(text.strip());
        if (port < 1 || port > 65535) {
            throw new NumberFormatException();
        }
        return port;
    }
}
