package dev.armorbench.suggest;

import dev.armorbench.policy.model.FileRule;
import dev.armorbench.policy.model.Rule;

/** File rules whose path is plain text: it matches only itself, and can be written only one way. */
final class PlainPaths {
    private PlainPaths() {
    }

    /**
     * The path of a file rule made of letters, digits and punctuation that is neither pattern (no
     * {@code * ? [ ] { } ^}), variable ({@code @}), quoting nor escape (a space may be quoted or
     * escaped, {@code \101} is {@code A}); null for any other rule.
     */
    static String of(Rule rule) {
        if (!(rule instanceof FileRule file) || file.path() == null) {
            return null;
        }
        String path = file.path();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "/._-+:,=~%#&!$()'".indexOf(c) >= 0;
            if (!plain) {
                return null;
            }
        }
        return path;
    }
}
