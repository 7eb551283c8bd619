package dev.armorbench.cli;

import dev.armorbench.audit.LogFiles;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.armorbench.files.ReadProblem;
import dev.armorbench.files.TextBytes;
import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.suggest.AbstractionOffers;
import dev.armorbench.suggest.EditPlan;
import dev.armorbench.suggest.LogSuggestions;
import dev.armorbench.suggest.NetworkRuleForm;
import dev.armorbench.suggest.SuggestionJson;
import dev.armorbench.trial.load.InstalledParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code armorbench suggest}: the rules a log's denials ask for, as a diff, as profiles or as JSON. */
@Command(
        name = "suggest",
        mixinStandardHelpOptions = true,
        description = {
            "Suggest the rules that would have allowed a log's DENIED (and complain-mode ALLOWED) events.",
            "With --profile, rules go into those files' profiles (printed as a unified diff by default);",
            "without, like aa-logprof on an empty profile directory, the new profiles are printed."
        })
public final class SuggestCommand implements Callable<Integer> {
    enum Format { diff, profile, json }

    @Option(names = "--log", paramLabel = "FILE",
            description = "The log to read (audit.log, syslog, dmesg, journalctl -o json; a rotated one gzip'd);"
                    + " - for stdin. Repeatable: several are read as one, in the order given (kern.log.1 then kern.log).")
    List<String> logOptions = new ArrayList<>();

    // The logs command takes its files this way, so a user who writes `suggest ... kern.log` means a log too.
    @Parameters(paramLabel = "LOG", arity = "0..*",
            description = "More logs, as with --log, read after those of --log in the order given.")
    List<String> trailingLogs = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "FILE", description = "A policy file whose profiles get the rules; repeatable.")
    List<Path> profiles = new ArrayList<>();

    @Option(names = "-I", paramLabel = "DIR", description = "Include search directory (like apparmor_parser -I); repeatable."
            + " Its abstractions are offered where one grants several suggestions.")
    List<Path> includeDirs = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "diff",
            description = "diff (unified diff of each changed profile), profile (the changed and new profiles in full)"
                    + " or json (the suggestions with alternatives and events). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<SourceFile> files = new ArrayList<>();
        for (Path profile : profiles) {
            try {
                files.add(new SourceFile(profile, TextBytes.readText(profile)));
            } catch (NoSuchFileException e) {
                err.println("armorbench suggest: " + profile + ": no such profile file; check the path.");
                return 1;
            } catch (IOException e) {
                err.println("armorbench suggest: " + ReadProblem.cannotRead(profile, e));
                return 1;
            }
        }
        List<String> logs = new ArrayList<>(logOptions);
        logs.addAll(trailingLogs);
        if (logs.isEmpty()) {
            err.println("armorbench suggest: no log to read: name one with --log FILE (or FILE after the options),"
                    + " or --log - for stdin.");
            return 2;
        }
        if (logs.size() > 1 && logs.contains("-")) {
            err.println("armorbench suggest: --log - (stdin) is read alone; give the files, or one stream on stdin.");
            return 2;
        }
        String badIncludeDir = IncludeDirs.problem(includeDirs);
        if (badIncludeDir != null) {
            err.println("armorbench suggest: " + badIncludeDir);
            return 1;
        }
        Path base = profiles.isEmpty() ? Path.of("") : profiles.get(0).toAbsolutePath().getParent();
        PolicySources sources = LogSuggestions.sources(includeDirs, base);
        AbstractionOffers offers = includeDirs.isEmpty() ? null : AbstractionOffers.onSearchPath(includeDirs);
        LogSuggestions.Result result;
        try {
            // The rules offered first are ones this machine's apparmor_parser reads.
            NetworkRuleForm networkRules = InstalledParser.networkRuleForm();
            result = logs.equals(List.of("-")) ? LogSuggestions.run(System.in, "-", files, sources, offers, networkRules)
                    : LogSuggestions.run(logs.stream().map(Path::of).toList(), Path::toString, files, sources, offers,
                            networkRules);
        } catch (IOException e) {
            err.println("armorbench suggest: " + LogFiles.problem(Path.of(logs.get(0)), e));
            return 1;
        }
        if (result.skips().total() > 0) {
            err.println("armorbench suggest: " + String.join(", ", logs) + ": " + result.skips().describe());
        }
        if (result.ruleless().total() > 0) {
            err.println("armorbench suggest: " + String.join(", ", logs) + ": " + result.ruleless().note());
        }
        switch (format) {
            case json -> {
                SuggestionJson.write(result.suggestions(), result, out);
            }
            case profile -> {
                for (EditPlan plan : result.plans()) {
                    if (!plan.hunks().isEmpty()) {
                        out.print(plan.apply());
                    }
                }
                for (String text : result.newProfiles().values()) {
                    out.print(text);
                }
            }
            default -> {
                for (EditPlan plan : result.plans()) {
                    if (!plan.hunks().isEmpty()) {
                        String name = plan.source().path().toString();
                        printDiff(out, name, name, plan.source().text(), plan.apply());
                    }
                }
                for (Map.Entry<String, String> created : result.newProfiles().entrySet()) {
                    printDiff(out, "/dev/null", "new profile " + created.getKey(), "", created.getValue());
                }
            }
        }
        int status = 0;
        for (EditPlan plan : result.plans()) {
            for (Diagnostic d : plan.newErrors(sources)) {
                err.println("armorbench suggest: " + plan.source().path() + ":" + d.line() + ": the suggested rules"
                        + " would add an error (" + d.message() + "); review them before applying.");
                status = 1;
            }
        }
        out.flush();
        return status;
    }

    private static void printDiff(PrintWriter out, String from, String to, String before, String after) {
        List<String> original = lines(before);
        Patch<String> patch = DiffUtils.diff(original, lines(after));
        for (String line : UnifiedDiffUtils.generateUnifiedDiff(from, to, original, patch, 3)) {
            out.print(line);
            out.print('\n');
        }
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(text.split("\n", -1)).subList(0, text.endsWith("\n") ? text.split("\n", -1).length - 1
                : text.split("\n", -1).length);
    }
}
