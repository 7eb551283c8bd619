package dev.armorbench.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.armorbench.files.ReadProblem;
import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.suggest.NetworkRuleForm;
import dev.armorbench.trial.load.AppArmor4Feature;
import dev.armorbench.trial.load.InstalledParser;
import dev.armorbench.trial.load.InstalledParserCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code armorbench lint}: checks policy files as apparmor_parser would, each file its own policy. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Check AppArmor policy files the way apparmor_parser reads them.",
            "The language checked is AppArmor 4's. Where this machine's apparmor_parser is older and would refuse "
                + "what AppArmor 4 added (network permissions, new rule kinds, priority=, newer flags, conditions, "
                + "assignments, mount options…), each place is also a warning.",
            "Exit status: 0 no file has an error, 1 a file has an error, 2 usage error."})
public final class LintCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "-I", paramLabel = "DIR", description = "Include search path for <…> includes (repeatable; default /etc/apparmor.d).")
    List<Path> includeDirs = new ArrayList<>();

    @Option(names = "--base", paramLabel = "DIR", description = "Base directory for relative \"…\" includes (default: the current directory).")
    Path base = Path.of("");

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default text).")
    Format format = Format.text;

    @Option(names = "--language-only", description = "Check the language alone, not also what this machine's apparmor_parser would refuse.")
    boolean languageOnly;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Policy files, or directories whose files are read (not their sub-directories).")
    List<String> paths = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String given : paths) {
            if (!Files.exists(Path.of(given))) {
                err.println("armorbench lint: " + given + ": no such file or directory");
                return 2;
            }
        }
        String badIncludeDir = IncludeDirs.problem(includeDirs);
        if (badIncludeDir != null) {
            err.println("armorbench lint: " + badIncludeDir);
            return 2;
        }
        List<Path> searchPath = includeDirs.isEmpty() ? List.of(Path.of("/etc/apparmor.d")) : includeDirs;
        PolicySources sources = new PolicySources(searchPath, base);
        // The installed parser is asked (a run of it) only for a file with a rule it could refuse.
        Supplier<NetworkRuleForm> installed = languageOnly ? () -> NetworkRuleForm.FINE_GRAINED
                : InstalledParser::networkRuleForm;
        Predicate<AppArmor4Feature> reads = languageOnly ? feature -> true : InstalledParser::reads;
        List<Map<String, Object>> files = new ArrayList<>();
        boolean anyError = false;
        for (String given : paths) {
            Path path = Path.of(given);
            List<Path> targets = Files.isDirectory(path) ? PolicySources.directoryFiles(path) : List.of(path);
            for (Path target : targets) {
                String shown = Files.isDirectory(path) ? target.toString() : given;
                LintResult result;
                try {
                    result = PolicyReader.lint(target, sources);
                } catch (IOException e) {
                    // One unreadable file (binary, too large, root's only) fails, the others are still checked.
                    err.println("armorbench lint: cannot read " + shown + ": " + ReadProblem.reason(target, e));
                    anyError = true;
                    if (format == Format.json) {
                        files.add(unreadable(shown, ReadProblem.reason(target, e)));
                    }
                    continue;
                }
                anyError |= result.hasErrors();
                List<Diagnostic> diagnostics = withInstalledParser(result, installed, reads);
                if (format == Format.text) {
                    for (Diagnostic d : diagnostics) {
                        String where = d.source() == result.source() ? shown : d.source().path().toString();
                        out.println(where + ":" + d.line() + ":" + d.column() + ": " + d.severity().label() + ": "
                                + d.message() + " [" + d.code() + "]");
                    }
                } else {
                    files.add(json(shown, result, diagnostics));
                }
            }
        }
        if (format == Format.json) {
            ObjectMapper mapper = new ObjectMapper().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            StringWriter text = new StringWriter();
            mapper.writeValue(text, Map.of("files", files));
            out.println(text);
        }
        out.flush();
        return anyError ? 1 : 0;
    }

    private static Map<String, Object> unreadable(String shown, String reason) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("path", shown);
        file.put("verdict", "FAIL");
        file.put("unreadable", reason);
        file.put("diagnostics", List.of());
        return file;
    }

    /** The language's diagnostics, then what the installed parser would refuse. */
    private static List<Diagnostic> withInstalledParser(LintResult result, Supplier<NetworkRuleForm> installed,
            Predicate<AppArmor4Feature> reads) {
        List<Diagnostic> all = new ArrayList<>(result.diagnostics());
        all.addAll(InstalledParserCheck.check(result, installed));
        all.addAll(InstalledParserCheck.checkApparmor4Features(result, reads));
        return all;
    }

    private static Map<String, Object> json(String shown, LintResult result, List<Diagnostic> all) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("path", shown);
        file.put("verdict", result.hasErrors() ? "FAIL" : "PASS");
        List<Map<String, Object>> diagnostics = new ArrayList<>();
        for (Diagnostic d : all) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("severity", d.severity().label());
            entry.put("code", d.code());
            // A finding inside an included file names that file, since its lines are not this file's.
            entry.put("message", d.source() == result.source() ? d.message() : d.source().path() + ": " + d.message());
            entry.put("line", d.line());
            entry.put("column", d.column());
            entry.put("endLine", d.endLine());
            entry.put("endColumn", d.endColumn());
            diagnostics.add(entry);
        }
        file.put("diagnostics", diagnostics);
        return file;
    }
}
