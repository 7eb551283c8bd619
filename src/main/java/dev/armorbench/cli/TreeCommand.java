package dev.armorbench.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.armorbench.container.ContainerAnalysis;
import dev.armorbench.container.ContainerDiagnostic;
import dev.armorbench.container.ContainerPolicy;
import dev.armorbench.container.Entry;
import dev.armorbench.container.ImageConfig;
import dev.armorbench.container.ImageConfigException;
import dev.armorbench.container.IncludePathProfiles;
import dev.armorbench.container.PolicyProfile;
import dev.armorbench.container.ProfileCatalog;
import dev.armorbench.files.ReadProblem;
import dev.armorbench.policy.syntax.TextEdit;
import dev.armorbench.container.Transition;
import dev.armorbench.container.TreeNode;
import dev.armorbench.policy.check.Diagnostic;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code armorbench tree}: the tree of transitions of a container profile, the ways in, and the container checks. */
@Command(name = "tree", mixinStandardHelpOptions = true,
        description = {"Show a container profile's tree of transitions, where each way into the container lands, "
            + "and what Docker changes about the profile.",
            "Exit status: 0 shown, 1 the profile has lint errors (shown anyway), 2 usage error or a file that"
                + " cannot be read."})
public final class TreeCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "-I", paramLabel = "DIR", description = "Include search path for <…> includes and px targets (repeatable; default /etc/apparmor.d).")
    List<Path> includeDirs = new ArrayList<>();

    @Option(names = "--image-config", paramLabel = "FILE", description = "Output of 'docker image inspect IMAGE' (Entrypoint, Cmd, PATH).")
    Path imageConfig;

    @Option(names = "--dockerfile", paramLabel = "FILE", description = "The image's Dockerfile (ENTRYPOINT, CMD, SHELL, ENV PATH).")
    Path dockerfile;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default text).")
    Format format = Format.text;

    @Parameters(arity = "1", paramLabel = "PROFILE", description = "The container's profile file.")
    Path profile;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (imageConfig != null && dockerfile != null) {
            err.println("armorbench tree: give --image-config or --dockerfile, not both");
            return 2;
        }
        for (Path given : new Path[] {profile, imageConfig, dockerfile}) {
            // Not only regular files: '--image-config <(docker image inspect IMAGE)' is a pipe.
            if (given != null && (!Files.exists(given) || Files.isDirectory(given))) {
                err.println("armorbench tree: " + given + (Files.isDirectory(given) ? ": is a directory; give a file"
                        : ": no such file"));
                return 2;
            }
        }
        ImageConfig image = null;
        try {
            if (imageConfig != null) {
                image = ImageConfig.fromInspectJson(Files.readString(imageConfig, StandardCharsets.UTF_8));
            } else if (dockerfile != null) {
                image = ImageConfig.fromDockerfile(Files.readString(dockerfile, StandardCharsets.UTF_8));
            }
        } catch (ImageConfigException e) {
            err.println("armorbench tree: " + (imageConfig != null ? imageConfig : dockerfile) + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("armorbench tree: " + ReadProblem.cannotRead(imageConfig != null ? imageConfig : dockerfile, e));
            return 2;
        }
        String badIncludeDir = IncludeDirs.problem(includeDirs);
        if (badIncludeDir != null) {
            err.println("armorbench tree: " + badIncludeDir);
            return 2;
        }
        List<Path> searchPath = includeDirs.isEmpty() ? List.of(Path.of("/etc/apparmor.d")) : includeDirs;
        Path base = profile.toAbsolutePath().getParent();
        PolicySources sources = new PolicySources(searchPath, base == null ? Path.of("") : base);
        LintResult lint;
        try {
            lint = PolicyReader.lint(profile, sources);
        } catch (IOException e) {
            err.println("armorbench tree: " + ReadProblem.cannotRead(profile, e)); // binary, too large, or not ours to read
            return 2;
        }
        ContainerAnalysis analysis = ContainerAnalysis.analyze(lint, new IncludePathProfiles(searchPath, sources), image);
        if (analysis.startProblem() != null) {
            err.println("armorbench tree: note: " + analysis.startProblem());
        }
        if (format == Format.text) {
            printText(out, analysis);
        } else {
            ObjectMapper mapper = new ObjectMapper().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            StringWriter text = new StringWriter();
            mapper.writerWithDefaultPrettyPrinter().writeValue(text, json(analysis));
            out.println(text);
        }
        out.flush();
        return lint.hasErrors() ? 1 : 0;
    }

    private void printText(PrintWriter out, ContainerAnalysis analysis) {
        for (TreeNode node : analysis.tree().root().children()) {
            printNode(out, node, 0);
        }
        List<Diagnostic> lintErrors = analysis.policy().lint().diagnostics().stream()
                .filter(d -> d.severity() == dev.armorbench.policy.check.Severity.ERROR).toList();
        if (!lintErrors.isEmpty() || !analysis.diagnostics().isEmpty()) {
            out.println();
        }
        for (Diagnostic d : lintErrors) {
            out.println(location(d) + d.severity().label() + ": " + d.message() + " [" + d.code() + "]");
        }
        for (ContainerDiagnostic diagnostic : analysis.diagnostics()) {
            Diagnostic d = diagnostic.diagnostic();
            out.println(location(d) + d.severity().label() + ": " + d.message() + " [" + d.code() + "]");
            diagnostic.quickFix().ifPresent(fix -> out.println("  quick fix: " + fix.title()));
        }
    }

    private String location(Diagnostic d) {
        return profile + ":" + d.line() + ":" + d.column() + ": ";
    }

    private static void printNode(PrintWriter out, TreeNode node, int depth) {
        StringBuilder line = new StringBuilder("  ".repeat(depth)).append(node.label());
        if (node.kind() == TreeNode.Kind.PROFILE || node.kind() == TreeNode.Kind.CHILD || node.kind() == TreeNode.Kind.HAT) {
            line.append(" [").append(node.mode().label())
                    .append(node.has(TreeNode.Marker.MODE_DIFFERS_FROM_PARENT) ? ", unlike its parent" : "").append("]");
        }
        if (node.has(TreeNode.Marker.UNCONFINED) && node.kind() != TreeNode.Kind.PROFILE) {
            line.append("  !! unconfined");
        }
        for (ContainerDiagnostic diagnostic : node.diagnostics()) {
            line.append("  <").append(diagnostic.diagnostic().severity().label()).append(": ").append(diagnostic.code()).append('>');
        }
        out.println(line);
        if (node.kind() == TreeNode.Kind.TRANSITION && node.children().size() == 1
                && node.children().get(0).kind() == TreeNode.Kind.RULE) {
            printNode(out, node.children().get(0), depth + 1);
            return;
        }
        for (TreeNode child : node.children()) {
            printNode(out, child, depth + 1);
        }
    }

    static Map<String, Object> json(ContainerAnalysis analysis) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Map<String, Object>> profiles = new ArrayList<>();
        ContainerPolicy policy = analysis.policy();
        for (PolicyProfile profile : policy.profiles()) {
            profiles.add(profileJson(policy, profile));
        }
        for (PolicyProfile profile : policy.externalProfiles()) {
            Map<String, Object> external = profileJson(policy, profile);
            external.put("file", String.valueOf(profile.origin()));
            profiles.add(external);
        }
        root.put("profiles", profiles);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Entry entry : analysis.entries()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("via", entry.via().label());
            json.put("variant", entry.variant());
            json.put("binary", entry.binary());
            json.put("profile", entry.profile());
            entries.add(json);
        }
        root.put("entries", entries);
        List<Map<String, Object>> diagnostics = new ArrayList<>();
        for (ContainerDiagnostic diagnostic : analysis.diagnostics()) {
            Diagnostic d = diagnostic.diagnostic();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("severity", d.severity().label());
            json.put("code", d.code());
            json.put("message", d.message());
            json.put("line", d.line());
            json.put("column", d.column());
            json.put("endLine", d.endLine());
            json.put("endColumn", d.endColumn());
            json.put("start", d.start());
            json.put("end", d.end());
            diagnostic.quickFix().ifPresent(fix -> {
                Map<String, Object> fixJson = new LinkedHashMap<>();
                fixJson.put("title", fix.title());
                List<Map<String, Object>> edits = new ArrayList<>();
                for (TextEdit edit : fix.edits()) {
                    edits.add(Map.of("start", edit.start(), "end", edit.end(), "replacement", edit.replacement()));
                }
                fixJson.put("edits", edits);
                json.put("fix", fixJson);
            });
            diagnostics.add(json);
        }
        root.put("diagnostics", diagnostics);
        return root;
    }

    private static Map<String, Object> profileJson(ContainerPolicy policy, PolicyProfile profile) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", profile.fullName());
        json.put("mode", profile.mode().label());
        json.put("flags", List.copyOf(profile.model().flags()));
        List<Map<String, Object>> children = new ArrayList<>();
        for (PolicyProfile child : profile.children()) {
            children.add(profileJson(policy, child));
        }
        json.put("children", children);
        List<Map<String, Object>> transitions = new ArrayList<>();
        for (Transition transition : policy.transitions(profile)) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("rule", transition.ruleText());
            t.put("mode", transition.modeText());
            t.put("target", transition.kind() == Transition.Kind.UNCONFINED ? "unconfined"
                    : transition.target() != null ? transition.target().fullName() : transition.targetName());
            t.put("resolved", transition.resolved());
            transitions.add(t);
        }
        json.put("transitions", transitions);
        return json;
    }
}
