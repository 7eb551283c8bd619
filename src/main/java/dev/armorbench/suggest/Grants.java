package dev.armorbench.suggest;

import dev.armorbench.policy.aare.AarePattern;
import dev.armorbench.policy.model.AllRule;
import dev.armorbench.policy.model.FileRule;
import dev.armorbench.policy.model.LinkRule;
import dev.armorbench.policy.model.Profile;
import dev.armorbench.policy.model.Rule;
import java.util.List;

/**
 * Whether a profile already grants (or deliberately denies) what a request asks for, through its
 * own rules and everything its includes and abstractions bring in. File paths are matched with
 * the AARE engine after expanding the profile's variables, and permissions add up across rules
 * ({@code /x r,} and {@code /x m,} together grant {@code mr}). Other kinds ask the policy model's
 * {@code covers}.
 */
final class Grants {
    boolean granted(KnownProfiles.Entry entry, RuleRequest request, Alternative chosen) {
        Profile profile = entry.profile();
        for (Rule rule : profile.rules()) {
            if (rule instanceof AllRule && !rule.qualifiers().deny()) {
                return true;
            }
        }
        if (request instanceof FileRequest file) {
            return fileGranted(entry, file.path(), file.owner(), file.letters(), false);
        }
        if (request instanceof ExecRequest exec) {
            return fileGranted(entry, exec.path(), false, "", true);
        }
        if (request.kind() == RuleKind.CHANGE_HAT) {
            String hat = request.object();
            return profile.children().stream().anyMatch(child -> child.name().equals(hat));
        }
        Rule wanted = RuleModel.parse(chosen.rule());
        if (wanted == null) {
            return false;
        }
        for (Rule rule : profile.rules()) {
            if (rule.covers(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** Allow rules together grant every letter (and the exec), or a deny rule refuses one of them. */
    boolean fileGranted(KnownProfiles.Entry entry, String path, boolean owner, String letters, boolean exec) {
        StringBuilder granted = new StringBuilder();
        boolean execGranted = false;
        List<Rule> rules = entry.profile().rules();
        for (Rule rule : rules) {
            String rulePath;
            String perms;
            boolean ruleExec;
            boolean ownerOnly = rule.qualifiers().owner() != null;
            if (rule instanceof FileRule file) {
                rulePath = file.path();
                perms = file.perms();
                ruleExec = file.exec() != null;
            } else if (rule instanceof LinkRule link) {
                rulePath = link.link();
                perms = "l";
                ruleExec = false;
            } else {
                continue;
            }
            if (ownerOnly && !owner || "prompt".equals(rule.qualifiers().access())) {
                continue;
            }
            if (rulePath != null && !pattern(entry, rulePath).matches(path)) {
                continue;
            }
            if (rule.qualifiers().deny()) {
                // The user refused this access on purpose: never suggest allowing it.
                boolean refusesExec = exec && ruleExec;
                boolean refusesLetter = letters.chars().anyMatch(c -> perms.indexOf(c) >= 0 || rulePath == null);
                if (refusesExec || refusesLetter) {
                    return true;
                }
                continue;
            }
            if (rulePath == null && perms.isEmpty()) {
                return true; // bare "file,": every file access
            }
            granted.append(perms);
            execGranted |= ruleExec;
        }
        if (exec) {
            return execGranted;
        }
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            boolean has = granted.indexOf(String.valueOf(c)) >= 0 || c == 'a' && granted.indexOf("w") >= 0;
            if (!has) {
                return false;
            }
        }
        return true;
    }

    private static AarePattern pattern(KnownProfiles.Entry entry, String rulePath) {
        return entry.pattern(rulePath);
    }
}
