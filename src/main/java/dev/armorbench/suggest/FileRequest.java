package dev.armorbench.suggest;

import dev.armorbench.policy.model.FileRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A file access: a literal path, the permission letters asked for ({@code m r w a l k}), whether
 * the acting user owned the file, and for a hard link its target.
 */
public record FileRequest(String path, boolean owner, String letters, String linkTarget) implements RuleRequest {
    @Override
    public RuleKind kind() {
        return RuleKind.FILE;
    }

    /**
     * Accesses of one path merge; so do those of {@code /proc/PID/…} for any PID, whose
     * suggestion is the any-pid rule (the first path seen stays the exact alternative).
     */
    @Override
    public Object mergeKey() {
        return java.util.Arrays.asList("file", anyPid(path), owner, linkTarget);
    }

    static String anyPid(String path) {
        if (!path.startsWith("/proc/") || path.length() < 7 || path.charAt(6) < '0' || path.charAt(6) > '9') {
            return path;
        }
        int end = 6;
        while (end < path.length() && path.charAt(end) >= '0' && path.charAt(end) <= '9') {
            end++;
        }
        return end == path.length() || path.charAt(end) == '/' ? "/proc/\u0000" + path.substring(end) : path;
    }

    @Override
    public RuleRequest merge(RuleRequest other) {
        FileRequest that = (FileRequest) other;
        return new FileRequest(path, owner, permissions(letters + that.letters), linkTarget);
    }

    /** Canonical letters: {@code a} dropped when {@code w} is there (write implies append). */
    static String permissions(String letters) {
        String canonical = FileRule.canonicalPerms(letters);
        return canonical.indexOf('w') >= 0 ? canonical.replace("a", "") : canonical;
    }

    @Override
    public Choices choices(TargetContext context) {
        List<Alternative> out = new ArrayList<>();
        String qualifier = owner ? "owner " : "";
        int defaultIndex = 0;
        for (PathGlobs.Glob glob : PathGlobs.of(path, context.procVariables())) {
            if (glob.label().startsWith("any pid")) {
                // A process id never repeats: the exact path would not allow the next run.
                defaultIndex = out.size();
            }
            out.add(new Alternative(qualifier + glob.token() + " " + letters + ",", glob.label(), RuleKind.FILE));
        }
        if (linkTarget != null) {
            out.add(new Alternative(qualifier + "link " + RuleText.literal(path) + " -> " + RuleText.literal(linkTarget) + ",",
                    "link to this target only", RuleKind.LINK));
        }
        return new Choices(out, defaultIndex);
    }

    @Override
    public String object() {
        return path;
    }
}
