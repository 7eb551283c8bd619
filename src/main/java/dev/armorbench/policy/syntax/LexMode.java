package dev.armorbench.policy.syntax;

import java.util.Set;

/**
 * The lexer's start condition, after the reference lexer's start states: which words are keywords
 * and where the mode ends depend on it.
 */
public enum LexMode {
    /** Between rules: rule and qualifier keywords. */
    TOP(Set.of()),
    /** The next word is a profile or hat name, whatever it looks like. */
    PROFILE_NAME(Set.of()),
    INCLUDE(Set.of("if", "exists")),
    ABI(Set.of()),
    /** The values of a variable assignment; ends at an unescaped newline. */
    ASSIGN(Set.of()),
    /** The condition of an {@code if}; ends at {@code {}. */
    EXPR(Set.of("and", "or", "not", "defined", "in")),
    NETWORK(Set.of("create", "bind", "listen", "accept", "connect", "getopt", "setopt", "shutdown",
            "getattr", "setattr", "send", "receive", "read", "write", "in")),
    UNIX(Set.of("create", "bind", "listen", "accept", "connect", "getopt", "setopt", "shutdown",
            "getattr", "setattr", "send", "receive", "read", "write", "in")),
    DBUS(Set.of("bind", "eavesdrop", "send", "receive", "read", "write", "in")),
    SIGNAL(Set.of("send", "receive", "read", "write", "in")),
    PTRACE(Set.of("trace", "readby", "tracedby", "read", "write")),
    MOUNT(Set.of("in")),
    CHANGE_PROFILE(Set.of("safe", "unsafe")),
    RLIMIT(Set.of("rlimit")),
    MQUEUE(Set.of("create", "open", "delete", "getattr", "setattr", "read", "write", "in")),
    USERNS(Set.of("create")),
    IO_URING(Set.of("sqpoll", "override_creds"));

    private final Set<String> keywords;

    LexMode(Set<String> keywords) {
        this.keywords = keywords;
    }

    boolean isKeyword(String word) {
        return keywords.contains(word);
    }

    /** Rule modes end at the rule's comma. */
    boolean endsAtComma() {
        return this != TOP && this != PROFILE_NAME && this != INCLUDE && this != ASSIGN && this != EXPR;
    }
}
