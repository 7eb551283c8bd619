package dev.armorbench.ui.editor;

import dev.armorbench.policy.check.PolicySources;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The words that fit a {@link CaretContext}, filtered by what the user has typed. Knows the language's
 * closed sets ({@link AppArmorVocabulary}) and, for the open ones, what the document offers:
 * include directories, defined variables, profile names.
 */
public final class CompletionCandidates {
    /**
     * What the document and its surroundings offer to completion. {@code networkPermissions}: whether
     * the parser that will load the profile reads network permissions ({@code network (send) …});
     * AppArmor 3's refuses them, so completion does not offer what the check would then warn about.
     */
    public record DocumentFacts(List<Path> includeDirectories, Collection<String> variables,
            Collection<String> profileNames, boolean networkPermissions) {
        public static final DocumentFacts NONE = new DocumentFacts(List.of(), List.of(), List.of(), true);

        public DocumentFacts withNetworkPermissions(boolean read) {
            return new DocumentFacts(includeDirectories, variables, profileNames, read);
        }
    }

    private CompletionCandidates() {
    }

    public static List<CompletionItem> forContext(CaretContext context, DocumentFacts facts) {
        String prefix = context.prefix();
        return switch (context.kind()) {
            case NONE -> List.of();
            case PREAMBLE_KEYWORD -> words(prefix, "keyword", AppArmorVocabulary.PREAMBLE_KEYWORDS);
            case RULE_KEYWORD -> {
                List<CompletionItem> items = new ArrayList<>(words(prefix, "rule", AppArmorVocabulary.RULE_KEYWORDS));
                items.addAll(words(prefix, "qualifier", AppArmorVocabulary.QUALIFIERS));
                items.addAll(words(prefix, "keyword", AppArmorVocabulary.BLOCK_KEYWORDS));
                yield items;
            }
            case QUALIFIED_RULE_KEYWORD -> {
                List<CompletionItem> items = new ArrayList<>(words(prefix, "rule", AppArmorVocabulary.RULE_KEYWORDS));
                items.addAll(words(prefix, "qualifier", AppArmorVocabulary.QUALIFIERS));
                yield items;
            }
            case CAPABILITY -> words(prefix, "capability", AppArmorVocabulary.CAPABILITIES);
            case NETWORK -> {
                List<CompletionItem> items = new ArrayList<>(words(prefix, "family", AppArmorVocabulary.NETWORK_FAMILIES));
                items.addAll(words(prefix, "type", AppArmorVocabulary.SOCKET_TYPES));
                items.addAll(words(prefix, "protocol", AppArmorVocabulary.PROTOCOLS));
                if (facts.networkPermissions()) {
                    items.addAll(words(prefix, "permission", AppArmorVocabulary.NETWORK_PERMISSIONS));
                }
                yield dedupe(items);
            }
            case RULE_WORD -> words(prefix, ruleName(context), ruleWords(context));
            case SIGNAL -> words(prefix, "signal", AppArmorVocabulary.SIGNALS);
            case RLIMIT -> words(prefix, "rlimit", AppArmorVocabulary.RLIMITS);
            case PROFILE_FLAG -> words(prefix, "flag", AppArmorVocabulary.PROFILE_FLAGS);
            case PERMISSION -> permissions(prefix);
            case INCLUDE -> includeTargets(prefix, facts.includeDirectories());
            case VARIABLE -> variables(prefix, facts.variables());
            case PROFILE_TARGET -> words(prefix, "profile", new TreeSet<>(facts.profileNames()));
        };
    }

    private static String ruleName(CaretContext context) {
        return context.mode().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static List<String> ruleWords(CaretContext context) {
        return switch (context.mode()) {
            case SIGNAL -> AppArmorVocabulary.SIGNAL_WORDS;
            case PTRACE -> AppArmorVocabulary.PTRACE_WORDS;
            case DBUS -> AppArmorVocabulary.DBUS_WORDS;
            case UNIX -> AppArmorVocabulary.UNIX_WORDS;
            case MOUNT -> AppArmorVocabulary.MOUNT_WORDS;
            case MQUEUE -> AppArmorVocabulary.MQUEUE_WORDS;
            case CHANGE_PROFILE -> AppArmorVocabulary.CHANGE_PROFILE_WORDS;
            case USERNS -> AppArmorVocabulary.USERNS_WORDS;
            case IO_URING -> AppArmorVocabulary.IO_URING_WORDS;
            case RLIMIT -> List.of("rlimit");
            default -> List.of();
        };
    }

    private static List<CompletionItem> words(String prefix, String detail, Collection<String> words) {
        List<CompletionItem> items = new ArrayList<>();
        for (String word : words) {
            if (word.startsWith(prefix) && !word.equals(prefix)) {
                items.add(CompletionItem.of(word, AppArmorVocabulary.SINCE_APPARMOR_4.contains(word)
                        ? detail + ", AppArmor 4" : detail));
            }
        }
        return items;
    }

    private static List<CompletionItem> dedupe(List<CompletionItem> items) {
        Map<String, CompletionItem> byLabel = new LinkedHashMap<>();
        for (CompletionItem item : items) {
            byLabel.putIfAbsent(item.label(), item);
        }
        return List.copyOf(byLabel.values());
    }

    /**
     * After a path: the plain permission sets, then the typed permissions followed by each exec mode
     * (an exec mode goes last in the permission string).
     */
    private static List<CompletionItem> permissions(String prefix) {
        List<CompletionItem> items = new ArrayList<>(words(prefix, "permissions", AppArmorVocabulary.FILE_PERMISSIONS));
        String plain = withoutExec(prefix);
        String execTyped = prefix.substring(plain.length());
        for (String mode : AppArmorVocabulary.EXEC_MODES) {
            if (mode.startsWith(execTyped) && plain.indexOf('x') < 0) {
                String word = plain + mode;
                if (!word.equals(prefix) && items.stream().noneMatch(item -> item.label().equals(word))) {
                    items.add(CompletionItem.of(word, mode.toLowerCase(java.util.Locale.ROOT).contains("u")
                            ? "exec, unconfined" : "exec"));
                }
            }
        }
        return items;
    }

    /** The part of a permission string before any exec-mode letters. */
    private static String withoutExec(String permissions) {
        int end = permissions.length();
        while (end > 0 && "ipcuPCUx".indexOf(permissions.charAt(end - 1)) >= 0) {
            end--;
        }
        return permissions.substring(0, end);
    }

    private static List<CompletionItem> variables(String prefix, Collection<String> names) {
        String typed = prefix.startsWith("@{") ? prefix.substring(2) : "";
        List<CompletionItem> items = new ArrayList<>();
        for (String name : new TreeSet<>(names)) {
            if (name.startsWith(typed)) {
                items.add(new CompletionItem("@{" + name + "}", "@{" + name + "}", "variable"));
            }
        }
        return items;
    }

    /** Files and directories under the typed directory, in every include directory, each name once. */
    static List<CompletionItem> includeTargets(String prefix, List<Path> includeDirectories) {
        int slash = prefix.lastIndexOf('/');
        String directory = slash >= 0 ? prefix.substring(0, slash + 1) : "";
        String name = prefix.substring(slash + 1);
        Map<String, CompletionItem> found = new java.util.TreeMap<>();
        for (Path root : includeDirectories) {
            Path dir = root.resolve(directory);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    String file = entry.getFileName().toString();
                    if (!file.startsWith(name) || PolicySources.isSkipped(file)) {
                        continue;
                    }
                    boolean isDirectory = Files.isDirectory(entry);
                    String word = directory + file + (isDirectory ? "/" : "");
                    found.putIfAbsent(word, new CompletionItem(word, word, isDirectory ? "directory" : "include"));
                }
            } catch (IOException unreadable) {
                // A directory we cannot list offers nothing; the lint reports unreadable includes.
            }
        }
        return List.copyOf(found.values());
    }
}
