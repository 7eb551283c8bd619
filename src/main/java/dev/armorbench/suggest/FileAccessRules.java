package dev.armorbench.suggest;

import dev.armorbench.audit.AuditEvent;

/**
 * File accesses to requests: the kernel's mask letters become permissions the way aa-logprof
 * maps them — {@code c} (create) and {@code d} (delete) need {@code w}, {@code a} is dropped when
 * {@code w} is there — and {@code owner} is offered when the file belongs to the acting user.
 * Old kernels write {@code owner::other} masks ({@code r::}); the owner half then means owner.
 * A mask with anything else in it ({@code load_file}, {@code create}) is not a file mask — a
 * class the reader did not recognise — and gets no file rule rather than letters picked out of a word.
 */
final class FileAccessRules {
    /** Every character the kernel writes in a file mask, old kernels' exec modes and {@code ::} included. */
    private static final String FILE_MASK_CHARACTERS = "mrwaldkcxiupIUPNC:";

    private FileAccessRules() {
    }

    static RuleRequest request(AuditEvent.FileAccess event) {
        if (event.name() == null || event.name().isEmpty()) {
            return null;
        }
        String mask = Masks.wanted(event.kind(), event.requested(), event.denied());
        if (mask == null || !isFileMask(mask)) {
            return null;
        }
        boolean ownerOnly = false;
        int split = mask.indexOf("::");
        if (split >= 0) {
            String ownerPart = mask.substring(0, split);
            String otherPart = mask.substring(split + 2);
            ownerOnly = !ownerPart.isEmpty() && otherPart.isEmpty();
            mask = ownerPart + otherPart;
        }
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < mask.length(); i++) {
            char c = mask.charAt(i);
            switch (c) {
                case 'm', 'r', 'w', 'a', 'l', 'k' -> letters.append(c);
                case 'c', 'd' -> letters.append('w');
                default -> {
                    // 'x' outside an exec record (a link's "xm") asks for no exec rule: only exec records
                    // do, and they are transitions. 'i', 'u', 'p', 'I', … are old kernels' exec modes.
                }
            }
        }
        boolean owner = ownerOnly || event.ownedByActor();
        String perms = FileRequest.permissions(letters.toString());
        if (perms.isEmpty()) {
            return null;
        }
        // A link's target cut off from the root (see RulelessEvents) cannot be named: the rule keeps its 'l' alone.
        String linkTarget = perms.indexOf('l') >= 0 && event.target() != null && event.target().startsWith("/")
                ? event.target() : null;
        return new FileRequest(event.name(), owner, perms, linkTarget);
    }

    private static boolean isFileMask(String mask) {
        for (int i = 0; i < mask.length(); i++) {
            if (FILE_MASK_CHARACTERS.indexOf(mask.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
