package dev.armorbench.policy.check;

import dev.armorbench.policy.aare.AarePattern;
import dev.armorbench.policy.aare.AareProblem;
import dev.armorbench.policy.check.Element.Arrow;
import dev.armorbench.policy.check.Element.Atom;
import dev.armorbench.policy.check.Element.Group;
import dev.armorbench.policy.check.Element.Pair;
import dev.armorbench.policy.model.AllRule;
import dev.armorbench.policy.model.CapabilityRule;
import dev.armorbench.policy.model.ChangeHatRule;
import dev.armorbench.policy.model.ChangeProfileRule;
import dev.armorbench.policy.model.Conditions;
import dev.armorbench.policy.model.DbusRule;
import dev.armorbench.policy.model.ExecMode;
import dev.armorbench.policy.model.FileRule;
import dev.armorbench.policy.model.IoUringRule;
import dev.armorbench.policy.model.LinkRule;
import dev.armorbench.policy.model.MountRule;
import dev.armorbench.policy.model.MqueueRule;
import dev.armorbench.policy.model.NetworkRule;
import dev.armorbench.policy.model.PivotRootRule;
import dev.armorbench.policy.model.PtraceRule;
import dev.armorbench.policy.model.Qualifiers;
import dev.armorbench.policy.model.RemountRule;
import dev.armorbench.policy.model.RlimitRule;
import dev.armorbench.policy.model.Rule;
import dev.armorbench.policy.model.SignalRule;
import dev.armorbench.policy.model.UmountRule;
import dev.armorbench.policy.model.UnixRule;
import dev.armorbench.policy.model.UsernsRule;
import dev.armorbench.policy.syntax.SyntaxToken;
import dev.armorbench.policy.syntax.TokenKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one rule node into its {@link Rule} record, checking what {@code apparmor_parser} checks
 * for that kind. Errors go to the reporter; a rule with an error is still returned where its shape
 * allowed reading it, so later checks see it.
 */
final class RuleReader {
    private static final Set<String> ACCESS = Set.of("allow", "deny", "prompt");
    private static final Set<String> OWNERS = Set.of("owner", "user", "other");
    private static final Set<String> NET_PERMS = Set.of("create", "bind", "listen", "accept", "connect", "getopt",
            "setopt", "shutdown", "getattr", "setattr", "send", "receive", "read", "write", "r", "w", "rw", "wr");
    private static final Set<String> DBUS_PERMS = Set.of("send", "receive", "bind", "eavesdrop", "read", "write",
            "r", "w", "rw", "wr");
    private static final Set<String> SIGNAL_PERMS = Set.of("send", "receive", "read", "write", "r", "w", "rw", "wr");
    private static final Set<String> PTRACE_PERMS = Set.of("trace", "tracedby", "read", "readby", "r", "w", "rw",
            "wr", "write");
    private static final Set<String> MQUEUE_PERMS = Set.of("create", "open", "delete", "getattr", "setattr", "read",
            "write", "r", "w", "rw", "wr");
    static final Set<String> DOMAINS = Set.of("unspec", "unix", "inet", "ax25", "ipx", "appletalk", "netrom",
            "bridge", "atmpvc", "x25", "inet6", "rose", "netbeui", "security", "key", "netlink", "packet",
            "ash", "econet", "atmsvc", "rds", "sna", "irda", "pppox", "wanpipe", "llc", "ib", "mpls", "can", "tipc",
            "bluetooth", "iucv", "rxrpc", "isdn", "phonet", "ieee802154", "caif", "alg", "nfc", "vsock", "kcm",
            "qipcrtr", "smc", "xdp", "mctp");
    private static final Set<String> SOCK_TYPES = Set.of("stream", "dgram", "seqpacket", "rdm", "raw", "packet");
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "icmp", "icmpv6");
    private static final Set<String> SIGNALS = Set.of("hup", "int", "quit", "ill", "trap", "abrt", "bus", "fpe",
            "kill", "usr1", "segv", "usr2", "pipe", "alrm", "term", "stkflt", "chld", "cont", "stop", "stp", "ttin",
            "ttou", "urg", "xcpu", "xfsz", "vtalrm", "prof", "winch", "io", "pwr", "sys", "emt", "exists",
            "iot", "poll");
    private static final Set<String> RLIMITS = Set.of("cpu", "fsize", "data", "stack", "core", "rss", "nofile",
            "ofile", "as", "nproc", "memlock", "locks", "sigpending", "msgqueue", "nice", "rtprio", "rttime");
    static final Set<String> MOUNT_FLAGS = Set.of("ro", "r", "read-only", "rw", "w", "suid", "nosuid", "dev",
            "nodev", "exec", "noexec", "sync", "async", "remount", "mand", "nomand", "dirsync", "symfollow",
            "nosymfollow", "atime", "noatime", "diratime", "nodiratime", "bind", "B", "move", "M", "rbind", "R",
            "verbose", "silent", "loud", "acl", "noacl", "unbindable", "make-unbindable", "runbindable",
            "make-runbindable", "private", "make-private", "rprivate", "make-rprivate", "slave", "make-slave",
            "rslave", "make-rslave", "shared", "make-shared", "rshared", "make-rshared", "relatime", "norelatime",
            "iversion", "noiversion", "strictatime", "nostrictatime", "lazytime", "nolazytime", "user", "nouser");

    private final String text;
    private final Reporter reporter;
    private final Variables variables;
    private boolean failed;

    RuleReader(String text, Reporter reporter, Variables variables) {
        this.text = text;
        this.reporter = reporter;
        this.variables = variables;
    }

    /** Reads a rule's tokens (the comma excluded); the block's qualifiers apply around it. */
    Rule read(List<SyntaxToken> tokens, Qualifiers outer) {
        failed = false;
        int i = 0;
        Integer priority = null;
        boolean audit = false;
        String access = null;
        String owner = null;
        int qualifierStart = tokens.get(0).start();
        while (i < tokens.size()) {
            SyntaxToken token = tokens.get(i);
            String word = text(token);
            if (token.kind() != TokenKind.KEYWORD) {
                break;
            }
            if (word.equals("priority")) {
                if (audit || access != null || owner != null || priority != null) {
                    error("qualifier-order", "put 'priority=' first, before audit, allow/deny and owner", token);
                }
                if (i + 2 < tokens.size() && tokens.get(i + 1).kind() == TokenKind.ASSIGN) {
                    priority = priority(tokens.get(i + 2));
                    i += 3;
                } else {
                    error("priority-syntax", "write 'priority=N' with N from -1000 to 1000", token);
                    i++;
                }
            } else if (word.equals("audit")) {
                if (audit || access != null || owner != null) {
                    error("qualifier-order", "write qualifiers in the order: priority, audit, allow/deny, owner", token);
                }
                audit = true;
                i++;
            } else if (ACCESS.contains(word)) {
                if (access != null || owner != null) {
                    error("qualifier-order", "write qualifiers in the order: priority, audit, allow/deny, owner", token);
                }
                access = word;
                i++;
            } else if (OWNERS.contains(word)) {
                if (owner != null) {
                    error("qualifier-order", "give 'owner' only once", token);
                }
                owner = word;
                i++;
            } else {
                break;
            }
        }
        Qualifiers qualifiers = outer.with(new Qualifiers(priority, audit, access, owner));
        if (i >= tokens.size()) {
            reporter.error("missing-rule", "write a rule after the qualifiers", qualifierStart, tokens.get(tokens.size() - 1).end());
            return null;
        }
        SyntaxToken head = tokens.get(i);
        String word = text(head);
        Rule rule;
        if (head.kind() == TokenKind.KEYWORD) {
            rule = keywordRule(word, head, tokens, i, qualifiers);
        } else if (head.kind() == TokenKind.CARET) {
            rule = changeHat(tokens, i, qualifiers);
        } else {
            rule = fileRule(elements(tokens, i), qualifiers, head);
        }
        return rule;
    }

    boolean failed() {
        return failed;
    }

    private Rule keywordRule(String word, SyntaxToken head, List<SyntaxToken> tokens, int i, Qualifiers q) {
        if (word.equals("set")) {
            int le = i + 1;
            while (le < tokens.size() && tokens.get(le).kind() != TokenKind.COMPARE) {
                le++;
            }
            return rlimit(elements(tokens.subList(0, le), i + 1), q, head);
        }
        List<Element> rest = elements(tokens, i + 1);
        boolean ownerAllowed = word.equals("file") || word.equals("link");
        if (q.owner() != null && !ownerAllowed) {
            error("owner-not-allowed", "remove '" + q.owner() + "': it applies only to file and link rules", head);
        }
        switch (word) {
            case "file":
                if (rest.isEmpty()) {
                    return new FileRule(q, null, "", null, null);
                }
                return fileRule(rest, q, head);
            case "link":
                return link(rest, q, head);
            case "capability":
                return capability(rest, q);
            case "network":
                return network(rest, q, head);
            case "unix":
                return unix(rest, q);
            case "dbus":
                return dbus(rest, q);
            case "signal":
                return signal(rest, q);
            case "ptrace":
                return ptrace(rest, q);
            case "mount":
                return mount(rest, q, head);
            case "remount":
                return remount(rest, q, head);
            case "umount":
            case "unmount":
                return umount(rest, q, head);
            case "pivot_root":
                return pivotRoot(rest, q, head);
            case "change_profile":
                return changeProfile(rest, q, head);
            case "set":
                return rlimit(rest, q, head);
            case "userns":
                return userns(rest, q);
            case "io_uring":
                return ioUring(rest, q);
            case "mqueue":
                return mqueue(rest, q);
            case "all":
                if (!rest.isEmpty()) {
                    error("unexpected-token", "write 'all,' alone", rest.get(0));
                }
                return new AllRule(q);
            case "safe":
            case "unsafe":
                return fileRule(elements(tokens, i), q, head);
            default:
                error("unexpected-keyword", "'" + word + "' cannot start a rule here", head);
                return null;
        }
    }

    private List<Element> elements(List<SyntaxToken> tokens, int from) {
        ElementReader reader = new ElementReader(text, tokens, from, reporter);
        List<Element> elements = reader.readAll();
        failed |= reader.failed;
        return elements;
    }

    // ---- file

    private Rule fileRule(List<Element> elements, Qualifiers q, SyntaxToken head) {
        if (elements.isEmpty()) {
            error("missing-path", "write a path and permissions", head);
            return null;
        }
        int i = 0;
        String safety = null;
        Atom path;
        Atom perms;
        if (elements.get(0) instanceof Atom first && first.keyword() && (first.text().equals("safe") || first.text().equals("unsafe"))) {
            safety = first.text();
            i++;
        }
        if (i >= elements.size() || !(elements.get(i) instanceof Atom firstAtom)) {
            error("file-syntax", "write 'PATH PERMS,' or 'PERMS PATH,'", elements.get(Math.min(i, elements.size() - 1)));
            return null;
        }
        // apparmor_parser also takes a bare identifier for a path ("deleted r,"), as long as it is
        // not itself a permission string: a relative path, which matches nothing, but loads.
        // 'safe'/'unsafe' go with either order ("safe /bin/x rix," and "safe rix /bin/x,"); a bare word then is
        // the permissions.
        if (!firstAtom.quoted() && KEYWORDS_OUTSIDE_MODES.contains(firstAtom.text())) {
            error("keyword-as-path", "'" + firstAtom.text() + "' is a keyword to apparmor_parser, not a path: start the"
                    + " path with '/'", firstAtom);
            return null;
        }
        boolean pathFirst = isPathStart(firstAtom) || safety == null && isBareWordPath(firstAtom);
        if (pathFirst) {
            path = firstAtom;
            if (i + 1 >= elements.size() || !(elements.get(i + 1) instanceof Atom p) || p.keyword() || p.quoted()) {
                Element where = i + 1 < elements.size() ? elements.get(i + 1) : firstAtom;
                error("missing-permissions", "write permissions after the path (e.g. 'r')", where);
                return null;
            }
            if (!isPathStart(firstAtom) && isPathStart(p) && firstAtom.end() == p.start()) {
                // 'foo/bar r,': the reference's lexer ends a word of letters at the '/'.
                error("relative-path", "'" + firstAtom.text() + p.text() + "' is two words to apparmor_parser, '"
                        + firstAtom.text() + "' and '" + p.text() + "': start the path with '/'", firstAtom);
                return null;
            }
            if (!isPathStart(firstAtom) && isPathStart(p)) {
                // 'rwi /a,': the word before the path was meant as permissions but is none.
                error("bad-permissions", "'" + firstAtom.text() + "' is not a permission string: use r w a l k m and one "
                        + "exec mode (ix px cx ux pix …)", firstAtom);
                return null;
            }
            perms = p;
        } else {
            perms = firstAtom;
            if (i + 1 >= elements.size() || !(elements.get(i + 1) instanceof Atom p) || !isPathStart(p) && !isBareWordPath(p)) {
                Element where = i + 1 < elements.size() ? elements.get(i + 1) : firstAtom;
                error(isPathStart(firstAtom) ? "file-syntax" : "bad-permissions",
                        "write a path starting with '/' or a variable, then permissions", where);
                return null;
            }
            path = p;
        }
        i += 2;
        String target = null;
        Arrow arrow = null;
        if (i < elements.size() && elements.get(i) instanceof Arrow found) {
            arrow = found;
            target = arrow.target().text();
            expandChecked(arrow.target());
            i++;
        }
        if (i < elements.size()) {
            error("unexpected-token", "end the rule with ',' here: the rest does not belong to a file rule", elements.get(i));
        }
        if (isBareIdentifier(path)) {
            reporter.report(Severity.WARNING, "relative-path-matches-nothing", "'" + path.text() + "' is not an absolute"
                    + " path: the rule loads but matches no file; start the path with '/'", path.start(), path.end());
        } else if (!path.text().startsWith("/") && !path.text().startsWith("@") && !path.text().startsWith("{")) {
            error("relative-path", "start the path with '/' (or a variable that expands to one)", path);
        }
        checkGlob(path);
        if (arrow != null && perms.end() == arrow.start()) {
            // The reference reads permissions as a mode only before a blank or ','; 'px->b' is a name.
            error("permissions-glued-to-arrow", "put a space between '" + perms.text() + "' and '->': apparmor_parser"
                    + " reads permissions only when a blank or ',' follows them", perms);
            return null;
        }
        ParsedPerms parsed = parsePerms(perms, safety);
        if (parsed == null) {
            return null;
        }
        if (parsed.letters.indexOf('l') >= 0 && target != null && parsed.exec == null) {
            return new LinkRule(q, false, path.text(), target);
        }
        if (!pathFirst && parsed.letters.indexOf('l') >= 0 && parsed.exec != null && target != null) {
            error("link-with-exec", "split the rule: a link permission and an exec transition cannot share '->'", perms);
        }
        if (q.deny() && parsed.exec != null && parsed.exec.target() != 'x') {
            error("deny-exec-mode", "write plain 'x' in deny rules: exec modes like '" + parsed.exec.text()
                    + "' are not allowed with deny", perms);
        }
        if (!q.deny() && parsed.exec != null && parsed.exec.target() == 'x') {
            error("bare-x", "name an exec mode ('ix', 'px', 'cx', 'ux' …): bare 'x' is only allowed with deny", perms);
        }
        if (target != null && parsed.exec == null) {
            // apparmor_parser loads '/a r -> b,' and drops the target: not an error, but not what was meant.
            reporter.report(Severity.WARNING, "target-without-transition", "'-> " + target + "' does nothing without an"
                    + " exec mode: apparmor_parser drops it; remove it, or add an exec mode (ix, px, cx …) or 'l' for a"
                    + " link", arrow.start(), arrow.end());
        }
        return new FileRule(q, path.text(), FileRule.canonicalPerms(parsed.letters), parsed.exec, target);
    }

    private boolean isPathStart(Atom atom) {
        String t = atom.text();
        return !atom.keyword() && (t.startsWith("/") || t.startsWith("@{") || t.startsWith("@") || atom.quoted()
                || t.startsWith("{") || t.startsWith("\\"));
    }

    /**
     * Words of the reference's keyword table that its lexer turns into keywords even between rules
     * ({@code send r,} is a syntax error there, not a relative path).
     */
    private static final Set<String> KEYWORDS_OUTSIDE_MODES = Set.of("send", "receive", "bind", "read", "write",
            "eavesdrop", "peer", "trace", "tracedby", "readby");

    /** A bare word the parser takes for a (relative) path: an identifier that is not a permission string. */
    private static boolean isBareWordPath(Atom atom) {
        return isBareIdentifier(atom) && !looksLikePermissions(atom.text());
    }

    /** A word the parser's lexer reads as an identifier at a rule's start: letters, digits and '_'. */
    private static boolean isBareIdentifier(Atom atom) {
        String t = atom.text();
        if (atom.keyword() || atom.quoted() || t.isEmpty() || Character.isDigit(t.charAt(0))) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The reference's MODES: permission letters and exec modes, as its lexer reads a whole word as a
     * mode. Longest match decides, so 'kill' (k, then an 'i' without 'x') is an identifier, a path.
     */
    private static final Pattern MODES =
            Pattern.compile("(?:[RrWwaLlMmkXx]|[PpCc][Xx]|[PpCc]?[IiUu][Xx])+");

    /** Whether the parser reads the whole word as a mode. */
    private static boolean looksLikePermissions(String text) {
        return MODES.matcher(text).matches();
    }

    record ParsedPerms(String letters, ExecMode exec) {
    }

    /** Permission letters per the reference's MODE_CHARS; one exec mode at most. */
    private ParsedPerms parsePerms(Atom atom, String safety) {
        String perms = atom.text();
        StringBuilder letters = new StringBuilder();
        List<ExecMode> execs = new ArrayList<>();
        int p = 0;
        while (p < perms.length()) {
            char c = perms.charAt(p);
            char n1 = p + 1 < perms.length() ? perms.charAt(p + 1) : 0;
            char n2 = p + 2 < perms.length() ? perms.charAt(p + 2) : 0;
            boolean isX1 = n1 == 'x' || n1 == 'X';
            if ((c == 'p' || c == 'P' || c == 'c' || c == 'C') && "iIuU".indexOf(n1) >= 0 && n1 != 0 && (n2 == 'x' || n2 == 'X')) {
                execs.add(exec(c, Character.toLowerCase(n1), safety));
                p += 3;
            } else if ((c == 'p' || c == 'P' || c == 'c' || c == 'C' || c == 'i' || c == 'I' || c == 'u' || c == 'U') && isX1) {
                execs.add(exec(c, (char) 0, safety));
                p += 2;
            } else if ("RrWwaLlMmk".indexOf(c) >= 0) {
                letters.append(Character.toLowerCase(c));
                p++;
            } else if (c == 'x' || c == 'X') {
                execs.add(new ExecMode('x', (char) 0, false));
                p++;
            } else {
                String hint = "iIuUpPcC".indexOf(c) >= 0
                        ? "exec modifiers must be followed by 'x' (e.g. 'ix', 'px', 'pix'); write one exec mode"
                        : "use only the permissions r w a l k m and one exec mode (ix px cx ux pix …)";
                error("bad-permissions", "invalid permission '" + c + "' in '" + perms + "': " + hint, atom);
                return null;
            }
        }
        if (letters.indexOf("w") >= 0 && letters.indexOf("a") >= 0) {
            error("write-and-append", "use 'w' or 'a', not both: 'w' already allows appending", atom);
        }
        if (execs.stream().distinct().count() > 1) {
            error("conflicting-exec-modes", "give one exec mode: '" + perms + "' has " + execs.size(), atom);
            return null;
        }
        if (safety != null && execs.isEmpty()) {
            error("safety-without-exec", "remove '" + safety + "': it needs an exec mode", atom);
        }
        return new ParsedPerms(letters.toString(), execs.isEmpty() ? null : execs.get(0));
    }

    /**
     * {@code safe} or {@code unsafe} before the rule decides whether the environment is scrubbed;
     * without either, the letter's case does, whichever side of the path the permissions are on
     * (apparmor_parser compiles {@code px /a,} and {@code /a px,} alike).
     */
    private static ExecMode exec(char c, char fallback, String safety) {
        char target = Character.toLowerCase(c);
        boolean scrub = safety == null ? Character.isUpperCase(c) : safety.equals("safe");
        if (target == 'i') {
            scrub = false;
        }
        return new ExecMode(target, fallback, scrub);
    }

    // ---- link

    private Rule link(List<Element> rest, Qualifiers q, SyntaxToken head) {
        int i = 0;
        boolean subset = false;
        if (!rest.isEmpty() && rest.get(0) instanceof Atom a && a.keyword() && a.text().equals("subset")) {
            subset = true;
            i++;
        }
        if (rest.size() - i != 2 || !(rest.get(i) instanceof Atom link) || !(rest.get(i + 1) instanceof Arrow arrow)) {
            error("link-syntax", "write 'link [subset] /path -> /target,'", head);
            return null;
        }
        if (!link.quoted() && (link.keyword() || looksLikePermissions(link.text()))) {
            // The reference's lexer reads these as a keyword or a mode, not as the path it needs here.
            error("link-syntax", "'" + link.text() + "' is read as a " + (link.keyword() ? "keyword" : "permission")
                    + ", not a path: write 'link [subset] /path -> /target,'", link);
            return null;
        }
        if (link.quoted() && !link.text().startsWith("/") && !link.text().startsWith("@")) {
            error("relative-path", "start the path with '/' (or a variable that expands to one)", link);
            return null;
        }
        // Both sides are globs to apparmor_parser here (in the 'PATH l -> TARGET' form only the path is).
        expandAndCheckGlob(link);
        expandAndCheckGlob(arrow.target());
        return new LinkRule(q, subset, link.text(), arrow.target().text());
    }

    // ---- capability

    private Rule capability(List<Element> rest, Qualifiers q) {
        Set<String> names = new LinkedHashSet<>();
        for (Element element : rest) {
            if (element instanceof Atom atom && !atom.quoted()) {
                if (!CapabilityRule.KNOWN.contains(atom.text())) {
                    error("unknown-capability", "'" + atom.text() + "' is not a capability; see capabilities(7) for the names", atom);
                }
                names.add(atom.text());
            } else {
                error("unexpected-token", "list capability names separated by spaces", element);
            }
        }
        return new CapabilityRule(q, names);
    }

    // ---- network

    private Rule network(List<Element> rest, Qualifiers q, SyntaxToken head) {
        Set<String> perms = new LinkedHashSet<>();
        String domain = null;
        String type = null;
        Conditions.Builder conditions = new Conditions.Builder();
        Conditions.Builder peer = new Conditions.Builder();
        for (Element element : rest) {
            if (element instanceof Atom atom) {
                String t = atom.text();
                if (atom.keyword() && NET_PERMS.contains(t) || t.equals("r") || t.equals("w") || t.equals("rw")) {
                    if (domain != null || type != null || !conditions.build().values().isEmpty()) {
                        error("network-order", "put permissions first: 'network PERMS DOMAIN TYPE'", atom);
                    }
                    perms.add(t);
                } else if (domain == null && type == null && DOMAINS.contains(t)) {
                    domain = t;
                } else if (type == null && (SOCK_TYPES.contains(t) || PROTOCOLS.contains(t))) {
                    type = t;
                } else {
                    error("network-syntax", "'" + t + "' is not a network permission, domain, type or protocol", atom);
                }
            } else if (element instanceof Group group) {
                if (!perms.isEmpty() || domain != null || type != null || !conditions.build().values().isEmpty()) {
                    // The grammar takes one access item first: a word or one (…) list.
                    error("permission-list", "give the permissions once, as one word or one (…) list, first", group);
                }
                for (Atom atom : group.values()) {
                    if (!NET_PERMS.contains(atom.text())) {
                        error("network-syntax", "'" + atom.text() + "' is not a network permission", atom);
                    }
                    perms.add(atom.text());
                }
            } else if (element instanceof Pair pair) {
                if (pair.key().equals("peer")) {
                    for (Element inner : pair.nested()) {
                        if (inner instanceof Pair p) {
                            netCondition(p, peer, true);
                        } else {
                            error("network-syntax", "write peer=(ip=… port=…)", inner);
                        }
                    }
                    if (!pair.values().isEmpty()) {
                        error("network-syntax", "write peer=(ip=… port=…)", pair);
                    }
                } else {
                    netCondition(pair, conditions, false);
                }
            } else {
                error("network-syntax", "this does not belong in a network rule", element);
            }
        }
        Conditions conds = conditions.build();
        Conditions peers = peer.build();
        boolean hasAddress = conds.has("ip") || conds.has("port") || !peers.values().isEmpty();
        if (hasAddress && domain != null && !(domain.equals("inet") || domain.equals("inet6"))) {
            error("network-ip-needs-inet", "ip= and port= conditions need the domain 'inet' or 'inet6'", head);
        }
        if (!peers.values().isEmpty()) {
            for (String perm : perms) {
                if (!Set.of("send", "receive", "connect", "accept", "read", "write", "r", "w", "rw", "wr").contains(perm)) {
                    error("network-peer-perm", "remove peer=(…): '" + perm + "' has no peer", head);
                    break;
                }
            }
        }
        return new NetworkRule(q, perms, domain, type, conds, peers);
    }

    private void netCondition(Pair pair, Conditions.Builder into, boolean peer) {
        String key = pair.key();
        if (!key.equals("ip") && !key.equals("port") && !(key.equals("label") || key.equals("interface")) ) {
            error("unknown-condition", "'" + key + "' is not a network condition (ip, port, peer)", pair);
            return;
        }
        if (pair.parenthesized() || pair.values().size() != 1 || pair.operator().equals("in")) {
            error("network-syntax", "write " + key + "=VALUE with one value", pair);
            return;
        }
        if (into.has(key)) {
            error("network-syntax", "give '" + key + "=' once", pair);
        }
        Atom value = pair.values().get(0);
        String v = value.text();
        if (key.equals("ip") && !isIpOrSubnet(v)) {
            error("bad-ip", "'" + v + "' is not an IPv4 or IPv6 address (optionally /prefix)", value);
        } else if (key.equals("port") && !isPortOrRange(v)) {
            error("bad-port", "'" + v + "' is not a port 0-65535 or a range LOW-HIGH", value);
        }
        into.add(key, v);
    }

    static boolean isIpOrSubnet(String v) {
        if (v.equals("none") || v.equals("any")) {
            return true;
        }
        String address = v;
        int slash = v.indexOf('/');
        if (slash >= 0) {
            address = v.substring(0, slash);
            String prefix = v.substring(slash + 1);
            if (!isDigits(prefix) || prefix.length() > 3) {
                return false;
            }
            int bits = Integer.parseInt(prefix);
            if (bits > (address.contains(":") ? 128 : 32)) {
                return false;
            }
        }
        if (address.contains(":")) {
            return isIpv6(address);
        }
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (!isDigits(part) || part.length() > 3 || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String address) {
        if (address.isEmpty()) {
            return false;
        }
        int doubles = address.indexOf("::");
        if (doubles >= 0 && address.indexOf("::", doubles + 1) >= 0) {
            return false;
        }
        String[] groups = address.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (g.isEmpty()) {
                continue;
            }
            if (i == groups.length - 1 && g.contains(".")) {
                if (!isIpOrSubnet(g)) {
                    return false;
                }
                count += 2;
                continue;
            }
            if (g.length() > 4 || !g.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                return false;
            }
            count++;
        }
        return doubles >= 0 ? count < 8 : count == 8;
    }

    static boolean isPortOrRange(String v) {
        int dash = v.indexOf('-');
        if (dash < 0) {
            return isPort(v);
        }
        String low = v.substring(0, dash);
        String high = v.substring(dash + 1);
        return isPort(low) && isPort(high) && Integer.parseInt(low) <= Integer.parseInt(high);
    }

    private static boolean isPort(String v) {
        return isDigits(v) && v.length() <= 5 && Integer.parseInt(v) <= 65535;
    }

    private static boolean isDigits(String v) {
        if (v.isEmpty()) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    // ---- the rules made of permissions and conditions

    private record PermsAndConditions(Set<String> perms, Conditions conditions, Conditions peer, List<Atom> loose) {
    }

    private PermsAndConditions permsAndConditions(List<Element> rest, Set<String> permWords, Set<String> keys,
            Set<String> peerKeys, String kind) {
        Set<String> perms = new LinkedHashSet<>();
        Conditions.Builder conditions = new Conditions.Builder();
        Conditions.Builder peer = new Conditions.Builder();
        List<Atom> loose = new ArrayList<>();
        int barePerms = 0;
        int groups = 0;
        int peers = 0;
        for (Element element : rest) {
            if (element instanceof Atom atom) {
                if (permWords.contains(atom.text()) && !atom.quoted() && conditions.build().values().isEmpty()) {
                    if (++barePerms == 2 && !kind.equals("network")) {
                        error("permission-list", "put several permissions in parentheses: (" + String.join(" ", perms)
                                + " " + atom.text() + ")", atom);
                    }
                    perms.add(atom.text());
                } else {
                    loose.add(atom);
                }
            } else if (element instanceof Group group) {
                if (barePerms > 0 || groups > 0 || !conditions.build().values().isEmpty() || peers > 0) {
                    // The grammar takes one access item before the conditions: a word or one (…) list.
                    error("permission-list", "give the permissions once, as one word or one (…) list, before the"
                            + " conditions", group);
                }
                groups++;
                for (Atom atom : group.values()) {
                    if (!permWords.contains(atom.text())) {
                        error("unknown-permission", "'" + atom.text() + "' is not a " + kind + " permission", atom);
                    }
                    perms.add(atom.text());
                }
            } else if (element instanceof Pair pair) {
                checkConditionOnOneLine(pair);
                if (pair.key().equals("peer") && peerKeys != null) {
                    if (++peers == 2) {
                        error("repeated-condition", "give 'peer=' once", pair);
                    }
                    if (pair.parenthesized()) {
                        for (Element inner : pair.nested()) {
                            if (inner instanceof Pair p && peerKeys.contains(p.key())) {
                                if (p.parenthesized()) {
                                    error("single-value", "give peer " + p.key() + "= one value", p);
                                }
                                for (Atom value : p.values()) {
                                    if (value.text().contains("=") && !value.quoted()) {
                                        error("peer-syntax", "separate peer conditions with a space or comma: '"
                                                + value.text() + "'", value);
                                    }
                                }
                                condition(p, peer);
                            } else {
                                error("unknown-condition", "peer=(…) takes " + String.join(", ", peerKeys), inner);
                            }
                        }
                        for (Atom atom : pair.values()) {
                            error("unknown-condition", "write peer=(" + String.join("=… ", peerKeys) + "=…)", atom);
                        }
                    } else if (peerKeys.contains("label") && !kind.equals("unix") && !kind.equals("dbus")) {
                        condition(pair, peer);
                    } else {
                        error("peer-syntax", "write peer=(" + String.join("=… ", peerKeys) + "=…)", pair);
                    }
                } else if (keys.contains(pair.key())) {
                    if (pair.operator().equals("in") && !pair.key().equals("fstype") && !pair.key().equals("vfstype")
                            && !pair.key().equals("options")) {
                        error("in-not-allowed", "write " + pair.key() + "=VALUE: 'in' is not allowed here", pair);
                    }
                    if (pair.values().size() > 1 && !pair.key().equals("set") && (kind.equals("unix") || kind.equals("dbus"))) {
                        error("single-value", "give " + pair.key() + "= one value, or write one rule per value", pair);
                    }
                    if (conditions.has(pair.key()) && !pair.key().equals("options") && !pair.key().equals("set")) {
                        error("repeated-condition", "give '" + pair.key() + "=' once", pair);
                    }
                    condition(pair, conditions);
                } else {
                    error("unknown-condition", "'" + pair.key() + "' is not a " + kind + " condition ("
                            + String.join(", ", keys) + ")", pair);
                }
            } else {
                loose.add(null);
                error("unexpected-token", "this does not belong in a " + kind + " rule", element);
            }
        }
        return new PermsAndConditions(perms, conditions.build(), peer.build(), loose);
    }

    private void condition(Pair pair, Conditions.Builder into) {
        if (pair.values().isEmpty() && pair.nested().isEmpty()) {
            error("missing-value", "give '" + pair.key() + "' a value", pair);
        }
        for (Element nested : pair.nested()) {
            error("unexpected-token", "write plain values inside " + pair.key() + "=(…)", nested);
        }
        for (Atom value : pair.values()) {
            checkGlob(value);
            into.add(pair.key(), value.text());
        }
    }

    private Rule unix(List<Element> rest, Qualifiers q) {
        PermsAndConditions pc = permsAndConditions(rest, NET_PERMS, Set.of("type", "protocol", "addr", "label", "attr",
                "opt"), Set.of("addr", "label"), "unix");
        looseNotAllowed(pc.loose, "unix");
        for (String type : pc.conditions.get("type")) {
            if (!SOCK_TYPES.contains(type) && !type.contains("@")) {
                error("bad-socket-type", "type= takes stream, dgram, seqpacket, rdm, raw or packet", rest.get(0));
            }
        }
        checkUnixAddress(pc.conditions.get("addr"), rest);
        checkUnixAddress(pc.peer.get("addr"), rest);
        if (!pc.peer.values().isEmpty()) {
            for (String perm : pc.perms) {
                if (Set.of("create", "bind", "listen", "shutdown", "getattr", "setattr", "getopt", "setopt").contains(perm)) {
                    error("peer-not-allowed", "remove peer=(…): '" + perm + "' does not involve a peer", rest.get(0));
                    break;
                }
            }
        }
        return new UnixRule(q, pc.perms, pc.conditions, pc.peer);
    }

    /**
     * A unix rule's address is abstract ({@code @name}, a variable too), {@code none} (unnamed) or
     * {@code auto} (autobind), as apparmor_parser's af_unix.cc requires before expanding variables:
     * a socket with a path is reached through its file, so a file rule allows it.
     */
    private void checkUnixAddress(List<String> addresses, List<Element> rest) {
        for (String address : addresses) {
            if (!address.startsWith("@") && !address.equals("none") && !address.equals("auto")) {
                error("bad-unix-address", "addr= takes @abstract-name, none or auto" + (address.startsWith("/")
                        ? "; a socket with a path is allowed by a file rule for the path: " + address + " rw," : ""),
                        rest.get(0));
            }
        }
    }

    private Rule dbus(List<Element> rest, Qualifiers q) {
        PermsAndConditions pc = permsAndConditions(rest, DBUS_PERMS, Set.of("bus", "path", "interface", "member",
                "name"), Set.of("name", "label"), "dbus");
        looseNotAllowed(pc.loose, "dbus");
        boolean bind = pc.perms.contains("bind");
        boolean messages = pc.perms.stream().anyMatch(p -> !p.equals("bind"));
        if (bind && (pc.conditions.has("path") || pc.conditions.has("interface") || pc.conditions.has("member")
                || !pc.peer.values().isEmpty())) {
            error("dbus-bind-conditions", "a 'bind' rule takes only bus= and name=; split it from message rules", rest.get(0));
        }
        if (messages && pc.conditions.has("name")) {
            error("dbus-name-needs-bind", "name= applies to 'bind'; for messages use peer=(name=…)", rest.get(0));
        }
        if (pc.perms.contains("eavesdrop") && (pc.conditions.has("path") || pc.conditions.has("interface")
                || pc.conditions.has("member") || !pc.peer.values().isEmpty() || pc.conditions.has("name"))) {
            error("dbus-eavesdrop-conditions", "an 'eavesdrop' rule takes only bus=", rest.get(0));
        }
        return new DbusRule(q, pc.perms, pc.conditions, pc.peer);
    }

    private Rule signal(List<Element> rest, Qualifiers q) {
        PermsAndConditions pc = permsAndConditions(rest, SIGNAL_PERMS, Set.of("set", "peer"), Set.of("label"), "signal");
        looseNotAllowed(pc.loose, "signal");
        for (String signal : pc.conditions.get("set")) {
            for (String one : signal.split(",")) {
                if (!SIGNALS.contains(one) && !isRealtimeSignal(one)) {
                    error("unknown-signal", "'" + one + "' is not a signal name (hup, int, kill, usr1, rtmin+N …)", rest.get(0));
                }
            }
        }
        return new SignalRule(q, pc.perms, pc.conditions, pc.peer);
    }

    private static boolean isRealtimeSignal(String name) {
        if (!name.startsWith("rtmin+")) {
            return false;
        }
        String n = name.substring(6);
        return isDigits(n) && n.length() <= 3 && Integer.parseInt(n) <= 32;
    }

    private Rule ptrace(List<Element> rest, Qualifiers q) {
        PermsAndConditions pc = permsAndConditions(rest, PTRACE_PERMS, Set.of("peer"), Set.of("label"), "ptrace");
        looseNotAllowed(pc.loose, "ptrace");
        return new PtraceRule(q, pc.perms, pc.conditions, pc.peer);
    }

    private Rule userns(List<Element> rest, Qualifiers q) {
        PermsAndConditions pc = permsAndConditions(rest, Set.of("create"), Set.of(), null, "userns");
        looseNotAllowed(pc.loose, "userns");
        return new UsernsRule(q, pc.perms, pc.conditions, pc.peer);
    }

    private Rule ioUring(List<Element> rest, Qualifiers q) {
        PermsAndConditions pc = permsAndConditions(rest, Set.of("sqpoll", "override_creds"), Set.of("label"), null, "io_uring");
        looseNotAllowed(pc.loose, "io_uring");
        if (pc.conditions.has("label") && !pc.perms.contains("override_creds") && !pc.perms.isEmpty()) {
            error("io-uring-label", "label= applies only to override_creds", rest.get(0));
        }
        return new IoUringRule(q, pc.perms, pc.conditions, pc.peer);
    }

    private Rule mqueue(List<Element> rest, Qualifiers q) {
        PermsAndConditions pc = permsAndConditions(rest, MQUEUE_PERMS, Set.of("type", "label"), null, "mqueue");
        Conditions.Builder conditions = new Conditions.Builder();
        pc.conditions.values().forEach((k, vs) -> vs.forEach(v -> conditions.add(k, v)));
        String type = pc.conditions.get("type").isEmpty() ? null : pc.conditions.get("type").get(0);
        if (type != null && !type.equals("posix") && !type.equals("sysv")) {
            error("mqueue-type", "type= takes posix or sysv", rest.get(0));
        }
        if (pc.conditions.has("label") && pc.conditions.get("label").stream().anyMatch(l -> l.isEmpty())) {
            error("mqueue-label", "give label= a profile name", rest.get(0));
        }
        for (Atom atom : pc.loose) {
            if (atom == null) {
                continue;
            }
            if (pc.loose.size() > 1) {
                error("unexpected-token", "give one queue name", atom);
                break;
            }
            String name = atom.text();
            if ("sysv".equals(type)) {
                if (!isDigits(name)) {
                    error("mqueue-name", "a sysv queue name is a number", atom);
                }
            } else if (type == null && !name.startsWith("/") && !isDigits(name) && !name.startsWith("@")) {
                error("mqueue-name", "a posix queue name starts with '/'", atom);
            } else if ("posix".equals(type) && !name.startsWith("/") && !name.startsWith("@")) {
                error("mqueue-name", "a posix queue name starts with '/'", atom);
            }
            conditions.add("name", name);
        }
        return new MqueueRule(q, pc.perms, conditions.build(), pc.peer);
    }

    private void looseNotAllowed(List<Atom> loose, String kind) {
        for (Atom atom : loose) {
            if (atom != null) {
                error("unexpected-token", "'" + atom.text() + "' is not a " + kind + " permission or condition", atom);
            }
        }
    }

    // ---- mount family

    /** A condition's key and '=', as the reference's lexer finds one ({VARIABLE_NAME} before '='). */
    private static final Pattern CONDITION_START = Pattern.compile("[A-Za-z][A-Za-z0-9_]*=");

    private Conditions mountConditions(List<Element> rest, List<Atom> loose, List<Arrow> arrows, String kind) {
        Conditions.Builder conditions = new Conditions.Builder();
        // The reference's grammar: conditions, then the source (or the mount point), then '->' and
        // the mount point. Conditions after the arrow parse but are refused; anything else out of
        // that order is a syntax error.
        boolean afterWord = false;
        boolean afterArrow = false;
        String firstPath = kind.equals("mount") ? "source" : "mount point";
        for (Element element : rest) {
            if (element instanceof Pair pair) {
                checkConditionOnOneLine(pair);
            }
            if (element instanceof Pair pair && afterArrow) {
                mountPointCondition(pair.key(), firstPath, pair);
                continue;
            }
            if (element instanceof Pair pair && afterWord) {
                error("condition-after-path", "put '" + pair.key() + "' before the " + firstPath + ": " + kind
                        + " takes its conditions first", pair);
                continue;
            }
            if (element instanceof Atom atom && afterArrow) {
                error("unexpected-token", "end the rule with ',' after the mount point", atom);
                continue;
            }
            if (element instanceof Pair pair) {
                String key = pair.key().equals("vfstype") ? "fstype" : pair.key();
                if (!Set.of("fstype", "options", "flags").contains(key)) {
                    error("unknown-condition", "'" + pair.key() + "' is not a " + kind + " condition (fstype, options)", pair);
                    continue;
                }
                for (Element nested : pair.nested()) {
                    error("unexpected-token", "write plain values inside " + pair.key() + "=(…)", nested);
                }
                if (pair.values().isEmpty() && pair.nested().isEmpty()) {
                    error("missing-value", "give '" + pair.key() + "' a value", pair);
                }
                for (Atom value : pair.values()) {
                    if (key.equals("options") && !pair.parenthesized() && value.text().indexOf(',') >= 0) {
                        // apparmor_parser reads bare options as one option name: "ro,noexec" is unknown
                        // (fstype=ext3,ext4 is a list, options are not).
                        error("mount-options-list", "write several " + pair.key() + " in parentheses: "
                                + pair.key() + pair.operator() + "(" + value.text() + ")", value);
                        continue;
                    }
                    for (String option : value.text().split(",")) {
                        if (option.isEmpty()) {
                            continue;
                        }
                        if (key.equals("options") && !MOUNT_FLAGS.contains(option) && !option.contains("@{")
                                && !option.contains("=")) {
                            error("unknown-mount-option", "'" + option + "' is not a mount option; see mount(8)", value);
                        }
                        conditions.add(key, option);
                    }
                    expandChecked(value);
                }
            } else if (element instanceof Atom atom) {
                loose.add(atom);
                afterWord = true;
            } else if (element instanceof Arrow arrow) {
                if (!arrow.target().quoted() && CONDITION_START.matcher(arrow.target().text()).lookingAt()) {
                    // '-> options=(ro)/3' is one word to our lexer; the reference reads a condition there.
                    String key = arrow.target().text().substring(0, arrow.target().text().indexOf('='));
                    mountPointCondition(key, firstPath, arrow.target());
                }
                arrows.add(arrow);
                afterArrow = true;
            } else {
                error("unexpected-token", "this does not belong in a " + kind + " rule", element);
            }
        }
        return conditions.build();
    }

    /**
     * The reference's lexer finds a condition by its name, blanks and '=' or 'in (' together (a
     * trailing context of blanks, not line ends), and a bare value only on the line of its '='; only
     * a '(' may open the value on the next line. So 'options' and 'in (ro)' on two lines are an error.
     */
    private void checkConditionOnOneLine(Pair pair) {
        if (pair.end() > text.length()) {
            return;
        }
        String region = text.substring(pair.start(), pair.end());
        int keyEnd = pair.key().length();
        int operator = region.indexOf(pair.operator(), keyEnd);
        if (operator < 0) {
            return;
        }
        if (region.substring(keyEnd, operator).indexOf('\n') >= 0) {
            error("condition-across-lines", "put '" + pair.operator() + "' on the line of '" + pair.key() + "':"
                    + " apparmor_parser reads a condition's name and its '" + pair.operator() + "' only together", pair);
            return;
        }
        int value = operator + pair.operator().length();
        while (value < region.length() && Character.isWhitespace(region.charAt(value))) {
            value++;
        }
        boolean nextLine = region.substring(operator, value).indexOf('\n') >= 0;
        if (nextLine && (pair.operator().equals("in") || value >= region.length() || region.charAt(value) != '(')) {
            boolean in = pair.operator().equals("in");
            error("condition-across-lines", "put the value on the line of '" + pair.key() + (in ? " in" : pair.operator())
                    + "': apparmor_parser reads it there only" + (in ? "" : " (or a '(' list)"), pair);
        }
    }

    private void mountPointCondition(String key, String firstPath, Element where) {
        error("mount-point-condition", "'" + key + "' cannot follow '->': mount point conditions are not supported; put"
                + " it before the " + firstPath, where);
    }

    private static final List<String[]> OPPOSITE_OPTIONS = List.of(new String[] {"ro", "rw"},
            new String[] {"suid", "nosuid"}, new String[] {"dev", "nodev"}, new String[] {"exec", "noexec"},
            new String[] {"sync", "async"}, new String[] {"mand", "nomand"}, new String[] {"atime", "noatime"},
            new String[] {"diratime", "nodiratime"}, new String[] {"relatime", "norelatime"},
            new String[] {"iversion", "noiversion"}, new String[] {"strictatime", "nostrictatime"},
            new String[] {"lazytime", "nolazytime"}, new String[] {"symfollow", "nosymfollow"},
            new String[] {"acl", "noacl"}, new String[] {"user", "nouser"}, new String[] {"loud", "silent"});
    private static final Set<String> PROPAGATION = Set.of("unbindable", "make-unbindable", "runbindable",
            "make-runbindable", "private", "make-private", "rprivate", "make-rprivate", "slave", "make-slave", "rslave",
            "make-rslave", "shared", "make-shared", "rshared", "make-rshared");

    private void checkMountOptions(List<Element> rest, boolean hasSource, SyntaxToken head) {
        for (Element element : rest) {
            if (element instanceof Pair pair && pair.key().equals("options")) {
                Set<String> options = new HashSet<>();
                for (Atom value : pair.values()) {
                    options.addAll(List.of(value.text().split(",")));
                }
                checkMountOptions(options, pair.operator().equals("="), hasSource, head);
            }
        }
    }

    private void checkMountOptions(Set<String> options, boolean all, boolean hasSource, SyntaxToken head) {
        if (!all) {
            return;
        }
        for (String[] pair : OPPOSITE_OPTIONS) {
            String a = pair[0].equals("ro") ? "ro" : pair[0];
            boolean first = options.contains(a) || a.equals("ro") && (options.contains("r") || options.contains("read-only"));
            boolean second = options.contains(pair[1]) || pair[1].equals("rw") && options.contains("w");
            if (first && second) {
                error("conflicting-mount-options", "'" + pair[0] + "' and '" + pair[1] + "' contradict each other; keep one", head);
                return;
            }
        }
        if (hasSource && options.stream().anyMatch(PROPAGATION::contains)) {
            error("propagation-with-source", "propagation changes (private, slave, shared, unbindable) take no source: "
                    + "write 'mount options=(…) -> MOUNTPOINT,'", head);
        }
    }

    private Rule mount(List<Element> rest, Qualifiers q, SyntaxToken head) {
        List<Atom> loose = new ArrayList<>();
        List<Arrow> arrows = new ArrayList<>();
        Conditions conditions = mountConditions(rest, loose, arrows, "mount");
        checkMountOptions(rest, !loose.isEmpty() && !arrows.isEmpty(), head);
        if (!loose.isEmpty() && !arrows.isEmpty() && conditions.get("options").contains("remount")) {
            error("mount-remount-option", "write a 'remount' rule instead of options=remount with a source", head);
        }
        if (loose.size() > 1 || arrows.size() > 1) {
            if (!reportGluedArrow(loose, "mount")) {
                error("mount-syntax", "write 'mount [conditions] [SOURCE] [-> MOUNTPOINT],'", head);
            }
        } else if (arrows.isEmpty() && !loose.isEmpty() && isGluedArrow(loose.get(0))) {
            warnGluedArrow(loose.get(0), "arrow-without-space", "the source, and the rule names no mount point; for a"
                    + " mount point write '-> " + loose.get(0).text().substring(2) + "'");
        }
        String source = loose.isEmpty() ? null : loose.get(0).text();
        String point = arrows.isEmpty() ? null : arrows.get(0).target().text();
        // The source and the mount point are globs to apparmor_parser, as are the paths of the rules below.
        loose.forEach(this::expandAndCheckGlob);
        arrows.forEach(a -> expandAndCheckGlob(a.target()));
        return new MountRule(q, conditions, source, point);
    }

    private Rule remount(List<Element> rest, Qualifiers q, SyntaxToken head) {
        List<Atom> loose = new ArrayList<>();
        List<Arrow> arrows = new ArrayList<>();
        Conditions conditions = mountConditions(rest, loose, arrows, "remount");
        checkMountOptions(rest, false, head);
        checkMountPointOnly(loose, arrows, "remount", head);
        loose.forEach(this::expandAndCheckGlob);
        return new RemountRule(q, conditions, loose.isEmpty() ? null : loose.get(0).text());
    }

    private Rule umount(List<Element> rest, Qualifiers q, SyntaxToken head) {
        List<Atom> loose = new ArrayList<>();
        List<Arrow> arrows = new ArrayList<>();
        Conditions conditions = mountConditions(rest, loose, arrows, "umount");
        checkMountPointOnly(loose, arrows, "umount", head);
        loose.forEach(this::expandAndCheckGlob);
        return new UmountRule(q, conditions, loose.isEmpty() ? null : loose.get(0).text());
    }

    /** remount and umount name at most a mount point, and take no arrow. */
    private void checkMountPointOnly(List<Atom> loose, List<Arrow> arrows, String rule, SyntaxToken head) {
        if (loose.size() > 1 || !arrows.isEmpty()) {
            if (!reportGluedArrow(loose, rule)) {
                error("mount-syntax", "write '" + rule + " [conditions] [MOUNTPOINT],'", head);
            }
        } else if (!loose.isEmpty() && isGluedArrow(loose.get(0))) {
            warnGluedArrow(loose.get(0), "arrow-in-mount-point",
                    "the mount point, arrow included; write '" + rule + " " + loose.get(0).text().substring(2) + ",'");
        }
    }

    private Rule pivotRoot(List<Element> rest, Qualifiers q, SyntaxToken head) {
        String oldRoot = null;
        String newRoot = null;
        String profile = null;
        for (Element element : rest) {
            if (element instanceof Pair pair && pair.key().equals("oldroot") && pair.values().size() == 1 && oldRoot == null) {
                oldRoot = pair.values().get(0).text();
                expandAndCheckGlob(pair.values().get(0));
            } else if (element instanceof Atom atom && newRoot == null && profile == null) {
                newRoot = atom.text();
                expandAndCheckGlob(atom);
            } else if (element instanceof Arrow arrow && profile == null) {
                profile = arrow.target().text();
            } else {
                error("pivot-root-syntax", "write 'pivot_root [oldroot=PATH] [NEWROOT] [-> PROFILE],'", element);
            }
        }
        return new PivotRootRule(q, oldRoot, newRoot, profile);
    }

    // ---- change_profile, hats

    private Rule changeProfile(List<Element> rest, Qualifiers q, SyntaxToken head) {
        int i = 0;
        String execMode = null;
        String exec = null;
        String target = null;
        if (i < rest.size() && rest.get(i) instanceof Atom a && a.keyword() && (a.text().equals("safe") || a.text().equals("unsafe"))) {
            execMode = a.text();
            i++;
        }
        // apparmor_parser compiles both the exec path and the target profile name as globs.
        if (i < rest.size() && rest.get(i) instanceof Atom a && !a.keyword()) {
            exec = a.text();
            expandAndCheckGlob(a);
            // As written, before variables expand (a variable may hold any text).
            if (isGluedArrow(a)) {
                reportGluedArrow(List.of(a), "change_profile");
            } else if (!exec.startsWith("/") && !exec.startsWith("@")) {
                error("change-profile-exec", "the program comes first and starts with '/'; the profile to change to"
                        + " goes after '->': 'change_profile [EXEC] -> " + exec + ",'", a);
            }
            i++;
        }
        if (i < rest.size() && rest.get(i) instanceof Arrow arrow) {
            target = arrow.target().text();
            expandAndCheckGlob(arrow.target());
            i++;
        }
        if (i < rest.size() && !reportGluedArrow(rest.subList(i, i + 1), "change_profile")) {
            error("change-profile-syntax", "write 'change_profile [safe|unsafe] [EXEC] [-> PROFILE],'", rest.get(i));
        }
        if (execMode != null && exec == null) {
            error("safety-without-exec", "remove '" + execMode + "' or name the exec path it applies to", head);
        }
        return new ChangeProfileRule(q, execMode, exec, target);
    }

    private Rule changeHat(List<SyntaxToken> tokens, int i, Qualifiers q) {
        if (i + 2 != tokens.size() || tokens.get(i + 1).kind() != TokenKind.WORD && tokens.get(i + 1).kind() != TokenKind.QUOTED) {
            error("hat-syntax", "write '^HATNAME,' or declare the hat with '^HATNAME { … }'", tokens.get(i));
            return null;
        }
        // apparmor_parser has no '^HAT,' rule: hats are declared with a block. The rule is still
        // modelled so that tools can see which hat was meant.
        error("hat-rule", "declare the hat with a block: '^" + text(tokens.get(i + 1)) + " { … }'", tokens.get(i));
        return new ChangeHatRule(q, text(tokens.get(i + 1)));
    }

    // ---- rlimit

    private Rule rlimit(List<Element> rest, Qualifiers q, SyntaxToken head) {
        if (q.audit() || q.access() != null || q.priority() != null) {
            error("rlimit-qualifier", "remove the qualifiers: 'set rlimit' takes none", head);
        }
        if (rest.size() < 2 || !(rest.get(0) instanceof Atom kw) || !kw.text().equals("rlimit")
                || !(rest.get(1) instanceof Atom resource)) {
            error("rlimit-syntax", "write 'set rlimit RESOURCE <= VALUE,'", head);
            return null;
        }
        if (!RLIMITS.contains(resource.text())) {
            error("unknown-rlimit", "'" + resource.text() + "' is not an rlimit (cpu, fsize, data, stack, core, rss, nofile, "
                    + "as, nproc, memlock, locks, sigpending, msgqueue, nice, rtprio, rttime)", resource);
            return null;
        }
        if (rest.size() > 2) {
            String extra = rest.get(2) instanceof Atom word ? "'" + word.text() + "'" : "this";
            error("rlimit-syntax", "write 'set rlimit " + resource.text() + " <= VALUE,': " + extra
                    + " does not belong before '<='", rest.get(2));
            return null;
        }
        return new RlimitRule(q, resource.text(), null);
    }

    /** The rlimit value after {@code <=}; read from the raw tokens since {@code <=} is not an element. */
    Rule rlimitValue(RlimitRule rule, List<SyntaxToken> tokens) {
        int le = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).kind() == TokenKind.COMPARE && text(tokens.get(i)).equals("<=")) {
                le = i;
                break;
            }
        }
        if (le < 0 || le + 1 >= tokens.size()) {
            error("rlimit-syntax", "write 'set rlimit " + rule.resource() + " <= VALUE,'", tokens.get(tokens.size() - 1));
            return rule;
        }
        StringBuilder value = new StringBuilder();
        for (int i = le + 1; i < tokens.size(); i++) {
            if (value.length() > 0) {
                value.append(' ');
            }
            value.append(text(tokens.get(i)));
        }
        String v = value.toString();
        String problem = RlimitValues.problem(rule.resource(), v);
        if (problem != null) {
            error("bad-rlimit-value", problem, tokens.get(le + 1));
        }
        return new RlimitRule(rule.qualifiers(), rule.resource(), v);
    }

    // ---- shared

    private Integer priority(SyntaxToken token) {
        String value = text(token);
        try {
            int n = Integer.parseInt(value.startsWith("+") ? value.substring(1) : value);
            if (n < -1000 || n > 1000) {
                error("priority-range", "use a priority from -1000 to 1000", token);
            }
            return n;
        } catch (NumberFormatException e) {
            error("priority-syntax", "write 'priority=N' with N from -1000 to 1000", token);
            return null;
        }
    }

    /** Expands variables, reporting undefined ones; returns the raw text when it cannot. */
    List<String> expandChecked(Atom atom) {
        if (!variables.hasReference(atom.text())) {
            return List.of(atom.text());
        }
        try {
            // The checks need every variable resolved but only a sample of the alternatives.
            return variables.expand(atom.text(), 4);
        } catch (Variables.ExpansionError e) {
            error(e.recursive ? "recursive-variable" : "undefined-variable", e.recursive
                    ? "@{" + e.variable + "} refers to itself; break the cycle"
                    : "define @{" + e.variable + "} (e.g. in the preamble or by including its tunables) before using it", atom);
            return List.of(atom.text());
        }
    }

    /** Reports undefined variables in a glob (a path, a profile name) and the glob errors of what it expands to. */
    private void expandAndCheckGlob(Atom glob) {
        checkGlob(glob, expandChecked(glob));
    }

    /** The glob syntax errors the reference rejects: empty {} or [], unbalanced braces. */
    void checkGlob(Atom atom) {
        if (hasGlobBrackets(atom.text())) {
            checkGlob(atom, expandChecked(atom));
        }
    }

    private static boolean hasGlobBrackets(String raw) {
        return raw.indexOf('{') >= 0 || raw.indexOf('}') >= 0 || raw.indexOf('[') >= 0 || raw.indexOf(']') >= 0;
    }

    /**
     * {@link #checkGlob(Atom)} on the alternatives {@link #expandChecked} already gave, for a caller
     * that expands anyway (so an undefined variable is reported once).
     */
    void checkGlob(Atom atom, List<String> alternatives) {
        if (!hasGlobBrackets(atom.text())) {
            return;
        }
        // A few alternatives find what breaks a glob (braces split across a variable); checking
        // every one of a large expansion finds nothing more.
        for (int i = 0; i < alternatives.size() && i < 4; i++) {
            if (!checkGlob(atom, alternatives.get(i))) {
                return;
            }
        }
    }

    private boolean checkGlob(Atom atom, String t) {
        int depth = 0;
        boolean inClass = false;
        // Where the ']' of the first '[]' (or '[^]') is. The reference's grouping check closes the
        // class there; its regex compiler then reads that ']' as the class's first character, so the
        // glob loads only if another ']' follows to close it ("[]:/bin/fo[^ab]" does).
        int emptyClass = -1;
        // Whether each open alternation has seen a comma at its own level.
        boolean[] hasComma = new boolean[t.length() + 1];
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
                continue;
            }
            if (c == '[') {
                int first = i + 1 < t.length() && t.charAt(i + 1) == '^' ? i + 2 : i + 1;
                if (emptyClass < 0 && first < t.length() && t.charAt(first) == ']') {
                    emptyClass = first;
                }
                inClass = true;
            } else if (c == '{') {
                int reference = variableReferenceEnd(t, i);
                if (reference > 0) {
                    i = reference;
                    continue;
                }
                if (i + 1 < t.length() && t.charAt(i + 1) == '}') {
                    error("bad-glob", "fill the empty alternation '{}' or remove it", atom);
                    return false;
                }
                depth++;
                hasComma[depth] = false;
            } else if (c == ',' && depth > 0) {
                hasComma[depth] = true;
            } else if (c == ']') {
                error("bad-glob", "remove the unmatched ']' (or escape it as '\\]')", atom);
                return false;
            } else if (c == '}') {
                if (depth > 0 && !hasComma[depth]) {
                    error("bad-glob", "an alternation needs at least two choices: write '{a,b}' or drop the braces", atom);
                    return false;
                }
                depth--;
                if (depth < 0) {
                    error("bad-glob", "remove the unmatched '}' (or escape it as '\\}')", atom);
                    return false;
                }
            }
        }
        if (inClass) {
            error("bad-glob", "close the character class with ']' (or escape the '[' as '\\[')", atom);
            return false;
        }
        if (emptyClass >= 0 && t.indexOf(']', emptyClass + 1) < 0) {
            error("bad-glob", "fill the empty character class '[]' or remove it", atom);
            return false;
        }
        if (depth != 0) {
            error("bad-glob", "close the alternation with '}'", atom);
            return false;
        }
        // What is left is the regex compiler's: the members of a character class ('[a-]', '[a-c-e]').
        if (t.indexOf('[') >= 0) {
            Optional<AareProblem> problem = AarePattern.syntaxProblem(t);
            if (problem.isPresent()) {
                error("bad-glob", problem.get().message(), atom);
                return false;
            }
        }
        return true;
    }

    /**
     * Where the variable reference whose '{' is at {@code open} ends ('}'), or -1 when the '@{'
     * names no variable (a letter, then letters, digits or '_'): apparmor_parser then reads its
     * braces as an alternation, as in {@code @{=ORGS}}.
     */
    private static int variableReferenceEnd(String t, int open) {
        if (open == 0 || t.charAt(open - 1) != '@' || open + 1 >= t.length() || !Character.isLetter(t.charAt(open + 1))) {
            return -1;
        }
        int j = open + 2;
        while (j < t.length() && (Character.isLetterOrDigit(t.charAt(j)) || t.charAt(j) == '_')) {
            j++;
        }
        return j < t.length() && t.charAt(j) == '}' ? j : -1;
    }

    /**
     * A word that begins with '->': in mount and change_profile rules apparmor_parser reads an
     * arrow glued to what follows as part of one word (see {@code Lexer.arrowStartsWord}).
     */
    private static boolean isGluedArrow(Element element) {
        return element instanceof Atom atom && !atom.quoted() && !atom.keyword() && atom.text().startsWith("->")
                && atom.text().length() > 2;
    }

    /** Reports the first glued arrow among {@code elements} as the error it causes; false if none. */
    private boolean reportGluedArrow(List<? extends Element> elements, String rule) {
        for (Element element : elements) {
            if (isGluedArrow(element)) {
                String word = ((Atom) element).text();
                error("arrow-without-space", "put a space after '->': in a " + rule + " rule apparmor_parser reads '"
                        + word + "' as one word, not as '-> " + word.substring(2) + "'", element);
                return true;
            }
        }
        return false;
    }

    /** A glued arrow that still makes a rule apparmor_parser accepts, though not the one meant. */
    private void warnGluedArrow(Atom atom, String code, String whatItIs) {
        reporter.report(Severity.WARNING, code, "'" + atom.text() + "' is one word to apparmor_parser: " + whatItIs,
                atom.start(), atom.end());
    }

    private void error(String code, String message, SyntaxToken token) {
        failed = true;
        reporter.error(code, message, token.start(), token.end());
    }

    private void error(String code, String message, Element element) {
        failed = true;
        reporter.error(code, message, element.start(), element.end());
    }

    private String text(SyntaxToken token) {
        return text.substring(token.start(), token.end());
    }
}
