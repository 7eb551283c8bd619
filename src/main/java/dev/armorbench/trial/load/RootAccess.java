package dev.armorbench.trial.load;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses how to run the parser as root, in this order: directly when already root; the installed
 * root helper through pkexec; pkexec of the parser; sudo without a password where sudoers allows
 * the parser. Builds the exact argument list for the chosen way.
 */
final class RootAccess {
    private static final Duration SUDO_CHECK_TIMEOUT = Duration.ofSeconds(10);

    private final AppArmorHost host;
    private final CommandRunner runner;

    RootAccess(AppArmorHost host, CommandRunner runner) {
        this.host = host;
        this.runner = runner;
    }

    /** The first way that works here, or empty (see {@link #noRoute()}). */
    Optional<PrivilegeRoute> choose(Path parser) {
        if (host.effectiveUid().orElse(-1) == 0) {
            return Optional.of(PrivilegeRoute.AS_ROOT);
        }
        Optional<Path> pkexec = host.program("pkexec");
        if (pkexec.isPresent()) {
            return Optional.of(host.rootHelper().isPresent() ? PrivilegeRoute.ROOT_HELPER : PrivilegeRoute.PKEXEC);
        }
        Optional<Path> sudo = host.program("sudo");
        if (sudo.isPresent() && sudoAllows(sudo.get(), parser)) {
            return Optional.of(PrivilegeRoute.SUDO);
        }
        return Optional.empty();
    }

    /** {@code sudo -n -l COMMAND} exits 0, without asking anything, when sudoers lets us run COMMAND. */
    private boolean sudoAllows(Path sudo, Path parser) {
        List<String> check = new ArrayList<>(List.of(sudo.toString(), "-n", "-l", parser.toString()));
        check.addAll(ParserRequest.REPLACE.parserOptions());
        try {
            return runner.run(check, Optional.empty(), new byte[0], SUDO_CHECK_TIMEOUT).exitCode() == 0;
        } catch (IOException | CommandRunner.CommandTimedOutException e) {
            return false;
        }
    }

    static String noRoute() {
        return "Loading a profile needs root, and there is no way to get it here: you are not root, pkexec is "
                + "not installed, and sudo -n may not run apparmor_parser without a password. Install ArmorBench's "
                + "package (it brings a root helper that polkit asks for), or install pkexec (Debian: apt install "
                + "pkexec), or run the load as root: sudo armorbench load PROFILE.";
    }

    ParserCommand command(PrivilegeRoute route, Path parser, ParserRequest request, Optional<Path> directory) {
        List<String> arguments = new ArrayList<>();
        switch (route) {
            case AS_ROOT -> arguments.add(parser.toString());
            case ROOT_HELPER -> {
                arguments.add(host.program("pkexec").orElseThrow().toString());
                arguments.add(host.rootHelper().orElseThrow().toString());
                arguments.add(request.helperWord());
                // pkexec starts programs in root's home directory: the helper changes to this one.
                directory.ifPresent(dir -> {
                    arguments.add("--directory");
                    arguments.add(dir.toString());
                });
                return new ParserCommand(route, arguments, Optional.empty());
            }
            case PKEXEC -> {
                arguments.add(host.program("pkexec").orElseThrow().toString());
                arguments.add(parser.toString());
                arguments.addAll(request.parserOptions());
                // pkexec starts programs in root's home directory, so a relative include "…" is not found.
                return new ParserCommand(route, arguments, Optional.empty());
            }
            case SUDO -> {
                arguments.add(host.program("sudo").orElseThrow().toString());
                arguments.add("-n");
                arguments.add(parser.toString());
            }
            default -> throw new IllegalStateException("unknown route " + route);
        }
        arguments.addAll(request.parserOptions());
        return new ParserCommand(route, arguments, directory);
    }
}
