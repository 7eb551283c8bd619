package dev.armorbench.policy.model;

/**
 * {@code [owner] [file] PATH PERMS [-> TARGET],}, {@code PERMS PATH}, or bare {@code file,}.
 *
 * @param path null for the bare {@code file,} rule (all files)
 * @param perms access letters in canonical order ({@code m r w a l k}), exec mode apart
 * @param exec null when the rule grants no exec
 * @param target the exec target after {@code ->}, or null
 */
public record FileRule(Qualifiers qualifiers, String path, String perms, ExecMode exec, String target) implements Rule {
    private static final String ORDER = "mrwalk";

    public static String canonicalPerms(String letters) {
        StringBuilder out = new StringBuilder();
        for (char c : ORDER.toCharArray()) {
            if (letters.indexOf(c) >= 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String canonical() {
        if (path == null) {
            return qualifiers.prefix() + "file" + (perms.isEmpty() ? "" : " " + perms) + ",";
        }
        String all = perms + (exec == null ? "" : exec.text());
        return qualifiers.prefix() + PathText.quoteIfNeeded(path) + " " + all
                + (target == null ? "" : " -> " + target) + ",";
    }

    @Override
    public boolean covers(Rule other) {
        if (!(other instanceof FileRule that) || !qualifiers.covers(that.qualifiers)) {
            return false;
        }
        if (path != null && !PathPattern.covers(path, that.path)) {
            return false;
        }
        for (char c : that.perms.toCharArray()) {
            boolean granted = perms.indexOf(c) >= 0 || c == 'a' && perms.indexOf('w') >= 0;
            if (!granted && !(path == null && perms.isEmpty())) {
                return false;
            }
        }
        if (that.exec != null) {
            return path == null && perms.isEmpty() || that.exec.equals(exec)
                    && (that.target == null ? target == null : that.target.equals(target));
        }
        return true;
    }
}
