package dev.armorbench.suggest;

import dev.armorbench.policy.aare.EscapedPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ladder of path patterns for one path from a log, from the exact path to its directory with
 * {@code **}. Every literal piece of the path is escaped, so the only glob characters in a pattern
 * are the ones added here.
 */
public final class PathGlobs {
    private static final Pattern PROC_PID = Pattern.compile("/proc/[0-9]+(/.*)?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern VERSIONED_SO = Pattern.compile("(.+\\.so)(\\.[0-9]+)+");

    /** A pattern and what it stands for. */
    public record Glob(String token, String label) {
    }

    private PathGlobs() {
    }

    /**
     * @param path the literal path as logged (directories end in {@code /})
     * @param procVariables whether {@code @{PROC}} and {@code @{pid}} are defined for the profile
     */
    public static List<Glob> of(String path, boolean procVariables) {
        Map<String, Glob> out = new LinkedHashMap<>();
        boolean quoted = path.indexOf(' ') >= 0;
        add(out, new Pieces(quoted).literal(path), "exact");
        Matcher proc = PROC_PID.matcher(path);
        if (proc.matches()) {
            String rest = proc.group(1) == null ? "" : proc.group(1);
            Pieces pieces = procVariables ? new Pieces(quoted).glob("@{PROC}/@{pid}") : new Pieces(quoted).glob("/proc/*");
            add(out, pieces.literal(rest), procVariables ? "any pid (@{pid})" : "any pid");
        }
        boolean directory = path.endsWith("/") && path.length() > 1;
        String body = directory ? path.substring(0, path.length() - 1) : path;
        int slash = body.lastIndexOf('/');
        String dir = body.substring(0, slash + 1);
        String last = body.substring(slash + 1);
        if (DIGITS.matcher(body).find()) {
            Pieces numbers = new Pieces(quoted);
            Matcher m = DIGITS.matcher(body);
            int at = 0;
            while (m.find()) {
                numbers.literal(body.substring(at, m.start())).glob("[0-9]*");
                at = m.end();
            }
            numbers.literal(body.substring(at));
            if (directory) {
                numbers.glob("/");
            }
            add(out, numbers, "any number");
        }
        Matcher so = VERSIONED_SO.matcher(last);
        if (!directory && so.matches()) {
            add(out, new Pieces(quoted).literal(dir + so.group(1)).glob("*"), "any version");
        }
        if (!last.isEmpty()) {
            int dot = last.lastIndexOf('.');
            if (!directory && dot > 0 && dot < last.length() - 1) {
                add(out, new Pieces(quoted).literal(dir).glob("*").literal(last.substring(dot)), "any name with this extension");
            }
            add(out, new Pieces(quoted).literal(dir).glob(directory ? "*/" : "*"), directory ? "any directory here" : "any file here");
            add(out, new Pieces(quoted).literal(dir).glob("**"), "everything below " + dir);
        }
        return new ArrayList<>(out.values());
    }

    private static void add(Map<String, Glob> out, Pieces pieces, String label) {
        String token = pieces.token();
        out.putIfAbsent(token, new Glob(token, label));
    }

    /** A pattern built from escaped literal pieces and glob syntax added by this class. */
    static final class Pieces {
        private final StringBuilder aare = new StringBuilder();
        private final boolean quote;

        /** @param quote whether the whole path holds a space, so the token is quoted */
        Pieces(boolean quote) {
            this.quote = quote;
        }

        Pieces literal(String text) {
            if (!text.isEmpty()) {
                // Escaped as the tail of a quoted token when the token is quoted: backslashes are
                // then written so that none can be read as escaping the closing quote.
                EscapedPath escaped = RuleText.piece(quote ? " " + text : text);
                aare.append(quote ? escaped.aare().substring(1) : escaped.aare());
            }
            return this;
        }

        Pieces glob(String syntax) {
            aare.append(syntax);
            return this;
        }

        String token() {
            return quote ? "\"" + aare + "\"" : aare.toString();
        }
    }
}
