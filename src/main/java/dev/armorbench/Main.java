package dev.armorbench;

import dev.armorbench.cli.CommandLine;

/**
 * Entry point of the jar. With no arguments, or with only the names of files to open, it opens the
 * desktop app; otherwise it runs the command line, which never touches JavaFX.
 *
 * <p>This class must not be the {@code Application} subclass: a JavaFX application started from a
 * plain classpath jar needs a launcher class that does not extend {@code Application}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || CommandLine.namesFilesToOpen(args)) {
            // Referenced only here so that the command line never loads JavaFX classes.
            dev.armorbench.ui.DesktopLauncher.launch(args);
        } else {
            System.exit(CommandLine.run(args));
        }
    }
}
