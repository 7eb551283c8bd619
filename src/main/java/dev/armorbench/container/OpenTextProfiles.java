package dev.armorbench.container;

import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.policy.model.Profile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Profiles defined in the other documents open in the app, as their editors hold them (unsaved
 * changes included). A document is parsed for its headers, and read in full only when one of its
 * profiles is asked for.
 */
public final class OpenTextProfiles implements ProfileCatalog {
    /** An open document: where it lives (for its relative includes) and its current text. */
    public record Document(Path path, String text) {
    }

    private final List<Document> documents;
    private final PolicySources sources;
    private List<List<ProfileSite>> headers;

    public OpenTextProfiles(List<Document> documents, PolicySources sources) {
        this.documents = List.copyOf(documents);
        this.sources = sources;
    }

    @Override
    public synchronized Optional<Found> find(String name) {
        index();
        for (int i = 0; i < documents.size(); i++) {
            for (ProfileSite site : headers.get(i)) {
                if (site.name().equals(name)) {
                    return read(documents.get(i), name);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized Optional<Found> findAttached(String binary) {
        index();
        for (int i = 0; i < documents.size(); i++) {
            String text = documents.get(i).text();
            for (ProfileSite site : headers.get(i)) {
                String attachment = site.attachment() != null ? text.substring(site.attachment().start(), site.attachment().end())
                        : site.name().startsWith("/") ? site.name() : null;
                if (attachment != null && ExecMatching.matchesLiteral(attachment.startsWith("\"")
                        ? ProfileSites.unquote(attachment) : attachment, binary)) {
                    return read(documents.get(i), site.name());
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Found> read(Document document, String name) {
        for (Profile profile : PolicyReader.lint(new SourceFile(document.path(), document.text()), sources).policy().profiles()) {
            if (profile.name().equals(name)) {
                return Optional.of(new Found(profile, document.path()));
            }
        }
        return Optional.empty();
    }

    private void index() {
        if (headers != null) {
            return;
        }
        headers = new ArrayList<>();
        for (Document document : documents) {
            headers.add(ProfileSites.read(dev.armorbench.policy.syntax.SyntaxTree.parse(document.text())));
        }
    }
}
