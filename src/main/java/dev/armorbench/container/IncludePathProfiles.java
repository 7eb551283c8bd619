package dev.armorbench.container;

import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.model.Profile;
import dev.armorbench.policy.syntax.SyntaxTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Profiles defined in the files of the include search path's directories (not their
 * sub-directories), the way {@code /etc/apparmor.d} holds one profile per file. Headers are read
 * from the syntax tree alone; a file is read in full only when one of its profiles is asked for.
 * Files that cannot be read are skipped: a missing target is then reported as unresolved.
 */
public final class IncludePathProfiles implements ProfileCatalog {
    private final List<Path> directories;
    private final PolicySources sources;
    private Map<String, Path> byName;
    private List<Map.Entry<String, Path>> attachments;

    public IncludePathProfiles(List<Path> directories, PolicySources sources) {
        this.directories = List.copyOf(directories);
        this.sources = sources;
    }

    @Override
    public synchronized Optional<Found> find(String name) {
        index();
        Path file = byName.get(name);
        return file == null ? Optional.empty() : read(file, name);
    }

    @Override
    public synchronized Optional<Found> findAttached(String binary) {
        index();
        for (Map.Entry<String, Path> entry : attachments) {
            if (ExecMatching.matchesLiteral(entry.getKey(), binary)) {
                Optional<Found> found = read(entry.getValue(), null);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Found> read(Path file, String name) {
        try {
            LintResult result = PolicyReader.lint(file, sources);
            for (Profile profile : result.policy().profiles()) {
                if (name == null || profile.name().equals(name)) {
                    return Optional.of(new Found(profile, file));
                }
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable file cannot define the target; the transition shows as unresolved.
        }
        return Optional.empty();
    }

    private void index() {
        if (byName != null) {
            return;
        }
        byName = new LinkedHashMap<>();
        attachments = new ArrayList<>();
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            List<Path> files;
            try {
                files = PolicySources.directoryFiles(directory);
            } catch (IOException e) {
                continue;
            }
            for (Path file : files) {
                String text;
                try {
                    text = Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException | RuntimeException e) {
                    continue;
                }
                if (!text.contains("{")) {
                    continue;
                }
                for (ProfileSite site : ProfileSites.read(SyntaxTree.parse(text))) {
                    byName.putIfAbsent(site.name(), file);
                    String attachment = site.attachment() != null
                            ? text.substring(site.attachment().start(), site.attachment().end())
                            : site.name().startsWith("/") ? site.name() : null;
                    if (attachment != null) {
                        attachments.add(Map.entry(attachment.startsWith("\"") ? ProfileSites.unquote(attachment) : attachment,
                                file));
                    }
                }
            }
        }
    }
}
