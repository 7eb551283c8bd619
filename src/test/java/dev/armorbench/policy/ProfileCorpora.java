package dev.armorbench.policy;

import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Lints the shipped profile collections, each with its own folder as the include root. */
final class ProfileCorpora {
    static final List<String> FOLDERS = List.of("profiles-apparmor", "profiles-apparmor-extras", "profiles-apparmor.d");

    record Result(int files, List<Diagnostic> errors) {
    }

    private ProfileCorpora() {
    }

    static Result lint(Path root) throws IOException {
        int files = 0;
        List<Diagnostic> errors = new ArrayList<>();
        for (String name : FOLDERS) {
            Path folder = root.resolve(name);
            // The extras and apparmor.d build on the main collection: what they do not ship (abi/, tunables/global,
            // abstractions/base …) comes from it, as on a system where both are installed.
            List<Path> searchPath = !name.equals("profiles-apparmor")
                    ? List.of(folder, root.resolve("profiles-apparmor")) : List.of(folder);
            PolicySources sources = new PolicySources(searchPath, folder);
            // Policies are independent and the include caches are shared safely: use both cores.
            List<Path> profiles = profiles(folder);
            List<Diagnostic> found = profiles.parallelStream().flatMap(file -> {
                try {
                    return PolicyReader.lint(file, sources).diagnostics().stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(d -> d.severity() == Severity.ERROR).toList();
            files += profiles.size();
            errors.addAll(found);
        }
        return new Result(files, errors);
    }

    /**
     * The profiles of a collection: the files of its folder; for the apparmor.d collection, whose
     * source tree keeps profiles in sub-folders, every file outside abstractions, tunables and mappings.
     */
    static List<Path> profiles(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!folder.getFileName().toString().equals("profiles-apparmor.d")) {
            for (Path file : PolicySources.directoryFiles(folder)) {
                if (!file.getFileName().toString().startsWith("README")) {
                    files.add(file);
                }
            }
            return files;
        }
        for (Path file : Corpora.filesUnder(folder)) {
            String top = folder.relativize(file).getName(0).toString();
            if (!top.equals("abstractions") && !top.equals("tunables") && !top.equals("mappings")
                    && !PolicySources.isSkipped(file.getFileName().toString())) {
                files.add(file);
            }
        }
        return files;
    }

    public static void main(String[] args) throws IOException {
        Result result = lint(Path.of(args[0]));
        for (Diagnostic d : result.errors()) {
            System.out.println(d.source().path() + ":" + d.line() + ":" + d.column() + ": " + d.message() + " [" + d.code() + "]");
        }
        System.out.println("profiles linted: " + result.files() + ", errors: " + result.errors().size());
    }
}
