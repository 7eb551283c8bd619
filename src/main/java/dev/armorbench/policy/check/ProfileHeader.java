package dev.armorbench.policy.check;

import dev.armorbench.policy.check.Element.Atom;
import dev.armorbench.policy.check.Element.Pair;
import dev.armorbench.policy.model.Conditions;
import dev.armorbench.policy.syntax.SyntaxToken;
import dev.armorbench.policy.syntax.TokenKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads {@code [profile|hat|^] NAME [ATTACHMENT] [xattrs=(…)] [flags=(…)]} and checks its flags. */
final class ProfileHeader {
    private static final Set<String> MODES = Set.of("enforce", "complain", "kill", "unconfined", "prompt", "default_allow");
    private static final Set<String> PLAIN_FLAGS = Set.of("enforce", "complain", "kill", "unconfined", "prompt",
            "default_allow", "audit", "mediate_deleted", "delegate_deleted", "attach_disconnected",
            "no_attach_disconnected", "chroot_relative", "namespace_relative", "chroot_attach", "chroot_no_attach",
            "debug", "interruptible", "attach_disconnected.ipc", "attach_disconnected.path");
    private static final Set<String> SIGNALS = Set.of("hup", "int", "quit", "ill", "trap", "abrt", "bus", "fpe",
            "kill", "usr1", "segv", "usr2", "pipe", "alrm", "term", "stkflt", "chld", "cont", "stop", "stp", "ttin",
            "ttou", "urg", "xcpu", "xfsz", "vtalrm", "prof", "winch", "io", "pwr", "sys", "emt", "lost", "iot", "poll");

    String keyword;
    Atom name;
    Atom attachment;
    Conditions xattrs = Conditions.NONE;
    Set<String> flags = new LinkedHashSet<>();
    boolean failed;

    static ProfileHeader read(String text, List<SyntaxToken> tokens, Reporter reporter, Variables variables) {
        ProfileHeader header = new ProfileHeader();
        int i = 0;
        if (!tokens.isEmpty()) {
            SyntaxToken first = tokens.get(0);
            String word = text.substring(first.start(), first.end());
            if (first.kind() == TokenKind.CARET || first.kind() == TokenKind.KEYWORD && (word.equals("profile") || word.equals("hat"))) {
                header.keyword = word;
                i = 1;
            }
        }
        ElementReader reader = new ElementReader(text, tokens, i, reporter);
        List<Element> elements = reader.readAll();
        header.failed = reader.failed;
        int at = 0;
        if (at < elements.size() && elements.get(at) instanceof Atom atom && !atom.keyword()) {
            header.name = atom;
            at++;
        }
        if (header.name == null) {
            int start = tokens.isEmpty() ? 0 : tokens.get(0).start();
            int end = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end();
            boolean hat = "hat".equals(header.keyword) || "^".equals(header.keyword);
            header.fail(reporter, "missing-profile-name", hat ? "name the hat: 'hat NAME {' or '^NAME {'"
                    : "name the profile: 'profile NAME {' or '/path/to/program {'", start, end);
            return header;
        }
        if (header.keyword != null) {
            checkNameFollowsKeyword(text, header, tokens.get(0), reporter);
        }
        if (at < elements.size() && elements.get(at) instanceof Atom atom && !atom.keyword()
                && !(atom.text().equals("+") && !atom.quoted())) {
            header.attachment = atom;
            at++;
        }
        for (; at < elements.size(); at++) {
            Element element = elements.get(at);
            if (element instanceof Atom plus && plus.text().equals("+") && !plus.quoted()) {
                if (at + 1 < elements.size() && elements.get(at + 1) instanceof Pair pair && pair.key().equals("identities")) {
                    header.readIdentities(pair, reporter);
                    at++;
                } else {
                    header.fail(reporter, "identities-syntax", "write '+ identities=(NAME …)' after '+'", plus.start(), plus.end());
                }
            } else if (element instanceof Pair pair && pair.key().equals("identities")) {
                header.fail(reporter, "identities-syntax", "write '+' before identities=(…)", pair.start(), pair.end());
            } else if (element instanceof Pair pair && pair.key().equals("flags")) {
                header.readFlags(pair, reporter, variables);
            } else if (element instanceof Element.Group group) {
                header.readFlags(new Pair("flags", "=", group.values(), List.of(), true, group.start(), group.end()),
                        reporter, variables);
            } else if (element instanceof Pair pair && pair.key().equals("xattrs") && pair.parenthesized()) {
                if (!header.flags.isEmpty()) {
                    header.fail(reporter, "xattrs-order", "put xattrs=(…) before flags=(…)", pair.start(), pair.end());
                }
                Conditions.Builder builder = new Conditions.Builder();
                for (Element nested : pair.nested()) {
                    if (nested instanceof Pair kv && kv.values().size() == 1) {
                        builder.add(kv.key(), kv.values().get(0).text());
                    }
                }
                for (Atom loose : pair.values()) {
                    builder.add(loose.text(), "");
                }
                header.xattrs = builder.build();
            } else {
                header.fail(reporter, "profile-header-syntax", "a profile header is 'NAME [ATTACHMENT] [xattrs=(…)] [flags=(…)] {'",
                        element.start(), element.end());
            }
        }
        return header;
    }

    private void readIdentities(Pair pair, Reporter reporter) {
        if (pair.values().isEmpty() || !pair.nested().isEmpty()) {
            fail(reporter, "identities-syntax", "list identities as identities=(NAME …)", pair.start(), pair.end());
        }
        for (Atom value : pair.values()) {
            String v = value.text();
            if (v.isEmpty() || v.contains("\\") || !value.quoted() && (v.contains("{") || v.contains("="))
                    || v.contains(" ") && !v.startsWith("/")) {
                fail(reporter, "bad-identity", "'" + v + "' is not a valid identity", value.start(), value.end());
            }
        }
    }

    private void readFlags(Pair pair, Reporter reporter, Variables variables) {
        if (!pair.parenthesized()) {
            fail(reporter, "flags-syntax", "put the flags in parentheses: flags=(" + (pair.values().isEmpty() ? "…"
                    : pair.values().get(0).text()) + ")", pair.start(), pair.end());
        }
        List<String> raw = new ArrayList<>();
        for (Atom value : pair.values()) {
            for (String part : value.text().split(",")) {
                if (!part.isEmpty()) {
                    raw.add(part);
                }
            }
        }
        for (Element nested : pair.nested()) {
            if (nested instanceof Pair kv) {
                String value = kv.values().isEmpty() ? "" : kv.values().get(0).text();
                raw.add(kv.key() + "=" + value);
            }
        }
        if (raw.isEmpty()) {
            fail(reporter, "empty-flags", "list at least one flag in flags=(…) or remove it", pair.start(), pair.end());
            return;
        }
        String mode = null;
        String ipc = null;
        String path = null;
        for (String flag : raw) {
            int eq = flag.indexOf('=');
            String key = eq < 0 ? flag : flag.substring(0, eq);
            String value = eq < 0 ? null : flag.substring(eq + 1);
            if (value == null) {
                if (!PLAIN_FLAGS.contains(flag)) {
                    fail(reporter, "unknown-flag", "'" + flag + "' is not a profile flag (enforce, complain, kill, unconfined, "
                            + "prompt, default_allow, audit, attach_disconnected, mediate_deleted, chroot_relative …)",
                            pair.start(), pair.end());
                    continue;
                }
                if (MODES.contains(flag)) {
                    if (mode != null && !mode.equals(flag)) {
                        fail(reporter, "conflicting-flags", "use one of enforce, complain, kill, unconfined, prompt, "
                                + "default_allow: '" + mode + "' and '" + flag + "' conflict", pair.start(), pair.end());
                    }
                    mode = flag;
                }
            } else {
                switch (key) {
                    case "kill.signal":
                        if (!SIGNALS.contains(value) && !realtime(value)) {
                            fail(reporter, "bad-kill-signal", "kill.signal takes a signal name such as 'hup' or 'kill'",
                                    pair.start(), pair.end());
                        }
                        break;
                    case "error":
                        if (!ERRNOS.contains(value)) {
                            fail(reporter, "bad-error-flag", "error= takes an errno name such as 'EPERM' or 'EACCES'",
                                    pair.start(), pair.end());
                        }
                        break;
                    case "attach_disconnected.path":
                    case "attach_disconnected.ipc":
                        if (!expandsToAbsolute(value, variables)) {
                            fail(reporter, "bad-disconnected-path", key + " takes an absolute path such as '/disconnected'",
                                    pair.start(), pair.end());
                        }
                        String previous = key.endsWith("ipc") ? ipc : path;
                        if (previous != null && !previous.equals(value)) {
                            fail(reporter, "conflicting-flags", "give " + key + " once", pair.start(), pair.end());
                        }
                        if (key.endsWith("ipc")) {
                            ipc = value;
                        } else {
                            path = value;
                        }
                        break;
                    default:
                        fail(reporter, "unknown-flag", "'" + key + "=' is not a profile flag", pair.start(), pair.end());
                        break;
                }
            }
            flags.add(flag);
        }
        boolean attach = flags.contains("attach_disconnected") || flags.contains("attach_disconnected.ipc")
                || flags.contains("attach_disconnected.path") || ipc != null || path != null;
        if (attach && flags.contains("no_attach_disconnected")) {
            fail(reporter, "conflicting-flags", "remove 'no_attach_disconnected' or the attach_disconnected flags", pair.start(), pair.end());
        }
        if (flags.contains("chroot_relative") && flags.contains("namespace_relative")
                || flags.contains("chroot_attach") && flags.contains("chroot_no_attach")
                || flags.contains("mediate_deleted") && flags.contains("delegate_deleted")) {
            fail(reporter, "conflicting-flags", "these flags exclude each other; keep one", pair.start(), pair.end());
        }
    }

    /** Linux errno names (asm-generic/errno-base.h and errno.h). */
    private static final Set<String> ERRNOS = Set.of(("EPERM ENOENT ESRCH EINTR EIO ENXIO E2BIG ENOEXEC EBADF ECHILD "
            + "EAGAIN ENOMEM EACCES EFAULT ENOTBLK EBUSY EEXIST EXDEV ENODEV ENOTDIR EISDIR EINVAL ENFILE EMFILE ENOTTY "
            + "ETXTBSY EFBIG ENOSPC ESPIPE EROFS EMLINK EPIPE EDOM ERANGE EDEADLK ENAMETOOLONG ENOLCK ENOSYS ENOTEMPTY "
            + "ELOOP EWOULDBLOCK ENOMSG EIDRM ECHRNG EL2NSYNC EL3HLT EL3RST ELNRNG EUNATCH ENOCSI EL2HLT EBADE EBADR "
            + "EXFULL ENOANO EBADRQC EBADSLT EDEADLOCK EBFONT ENOSTR ENODATA ETIME ENOSR ENONET ENOPKG EREMOTE ENOLINK "
            + "EADV ESRMNT ECOMM EPROTO EMULTIHOP EDOTDOT EBADMSG EOVERFLOW ENOTUNIQ EBADFD EREMCHG ELIBACC ELIBBAD "
            + "ELIBSCN ELIBMAX ELIBEXEC EILSEQ ERESTART ESTRPIPE EUSERS ENOTSOCK EDESTADDRREQ EMSGSIZE EPROTOTYPE "
            + "ENOPROTOOPT EPROTONOSUPPORT ESOCKTNOSUPPORT EOPNOTSUPP ENOTSUP EPFNOSUPPORT EAFNOSUPPORT EADDRINUSE "
            + "EADDRNOTAVAIL ENETDOWN ENETUNREACH ENETRESET ECONNABORTED ECONNRESET ENOBUFS EISCONN ENOTCONN ESHUTDOWN "
            + "ETOOMANYREFS ETIMEDOUT ECONNREFUSED EHOSTDOWN EHOSTUNREACH EALREADY EINPROGRESS ESTALE EUCLEAN ENOTNAM "
            + "ENAVAIL EISNAM EREMOTEIO EDQUOT ENOMEDIUM EMEDIUMTYPE ECANCELED ENOKEY EKEYEXPIRED EKEYREVOKED "
            + "EKEYREJECTED EOWNERDEAD ENOTRECOVERABLE ERFKILL EHWPOISON").split(" "));

    private static boolean expandsToAbsolute(String value, Variables variables) {
        try {
            return variables.expand(value).stream().allMatch(v -> v.startsWith("/"));
        } catch (Variables.ExpansionError e) {
            return false;
        }
    }

    private static boolean realtime(String value) {
        if (!value.startsWith("rtmin+")) {
            return false;
        }
        String n = value.substring(6);
        return n.matches("[0-9]{1,2}") && Integer.parseInt(n) <= 32;
    }

    /**
     * The reference reads the name in a lexer state that skips no line end after 'profile' or
     * 'hat', and no blank at all after '^': 'profile' alone on its line, or '^ foo', is an error.
     */
    private static void checkNameFollowsKeyword(String text, ProfileHeader header, SyntaxToken keyword,
            Reporter reporter) {
        String between = text.substring(keyword.end(), header.name.start());
        if (header.keyword.equals("^") && !between.isEmpty()) {
            header.fail(reporter, "name-apart-from-keyword", "write the hat's name right after '^', with no blank: '^"
                    + header.name.text() + "'", keyword.start(), header.name.end());
        } else if (between.indexOf('\n') >= 0) {
            header.fail(reporter, "name-apart-from-keyword", "put the name on the same line as '" + header.keyword
                    + "': apparmor_parser reads no line break between them", keyword.start(), header.name.end());
        }
    }

    private void fail(Reporter reporter, String code, String message, int start, int end) {
        failed = true;
        reporter.error(code, message, start, end);
    }
}
