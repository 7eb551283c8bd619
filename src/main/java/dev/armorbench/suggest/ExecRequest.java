package dev.armorbench.suggest;

import dev.armorbench.audit.ProfileLabel;
import java.util.ArrayList;
import java.util.List;

/**
 * An exec of {@code path}: offered as {@code ix}, {@code px}, {@code cx} and {@code ux}. The first
 * offer follows aa-logprof — {@code px} when a profile for the program exists, else {@code ix} — and
 * a program run under a complain-mode learning profile gets {@code mrix}, so that its next run is
 * read under the calling profile.
 *
 * @param target the label the exec went to, as logged, or null
 * @param learning the exec was allowed in complain mode into a {@code //null-} learning profile
 */
public record ExecRequest(String path, String target, boolean learning) implements RuleRequest {
    @Override
    public RuleKind kind() {
        return RuleKind.FILE;
    }

    @Override
    public Object mergeKey() {
        return java.util.Arrays.asList("exec", path);
    }

    @Override
    public RuleRequest merge(RuleRequest other) {
        ExecRequest that = (ExecRequest) other;
        return new ExecRequest(path, target != null ? target : that.target, learning || that.learning);
    }

    @Override
    public Choices choices(TargetContext context) {
        String token = RuleText.literal(path);
        ProfileLabel label = target == null || target.isEmpty() ? null : ProfileLabel.parse(target);
        boolean learningTarget = label != null && label.isLearning();
        String profileTarget = label == null || learningTarget || label.isChild() ? null : target;
        String existing = context.profiles() == null ? null : context.profiles().profileFor(path, profileTarget);
        List<Alternative> out = new ArrayList<>();
        out.add(new Alternative(token + " mrix,", "ix: run under this profile", RuleKind.FILE));
        String pxTarget = existing != null ? existing : profileTarget;
        String px = token + " px" + (pxTarget != null && !pxTarget.equals(path) ? " -> " + RuleText.profileName(pxTarget) : "") + ",";
        out.add(new Alternative(px, "px: run under its own profile", RuleKind.FILE));
        String child = label != null && label.isChild() && !learningTarget ? label.leaf() : null;
        out.add(new Alternative(token + " cx" + (child != null ? " -> " + RuleText.profileName(child) : "") + ",",
                "cx: run under a child profile", RuleKind.FILE));
        out.add(new Alternative(token + " ux,", "ux: run unconfined", RuleKind.FILE));
        int defaultIndex = learning ? 0 : existing != null ? 1 : child != null ? 2 : 0;
        return new Choices(out, defaultIndex);
    }

    @Override
    public String object() {
        return path;
    }
}
