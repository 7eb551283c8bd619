package dev.armorbench.suggest;

import static dev.armorbench.suggest.SuggestFixtures.open;
import static dev.armorbench.suggest.SuggestFixtures.rules;
import static dev.armorbench.suggest.SuggestFixtures.suggest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One glob in place of many suggestions that differ in one name (through the whole {@link Suggester}). */
class SiblingGlobsTest {
    private static String[] opens(int count, java.util.function.IntFunction<String> path, String requested) {
        return IntStream.range(0, count).mapToObj(i -> open("p", path.apply(i), requested, 0, 1)).toArray(String[]::new);
    }

    @Test
    void manyFilesOfOneDirectoryBecomeOneGlobThatListsThem() {
        List<Suggestion> suggestions = suggest(KnownProfiles.none(), opens(12, i -> "/srv/www/img/" + i + ".png", "r"));
        assertThat(suggestions).hasSize(1);
        Suggestion glob = suggestions.get(0);
        assertThat(glob.alternatives()).extracting(Alternative::rule)
                .containsExactly("/srv/www/img/*.png r,", "/srv/www/img/* r,", "/srv/www/img/** r,");
        assertThat(glob.alternatives().get(0).label()).isEqualTo("12 files here: *.png");
        assertThat(glob.replaces()).hasSize(12);
        assertThat(rules(glob.replaces())).startsWith("/srv/www/img/0.png r,", "/srv/www/img/1.png r,");
        assertThat(glob.events().count()).isEqualTo(12);
    }

    @Test
    void theSameFileInManyDirectoriesBecomesOneGlobOverTheDirectory() {
        List<Suggestion> suggestions = suggest(KnownProfiles.none(), opens(10, i -> "/srv/data/" + i + "/part", "r"));
        assertThat(suggestions).hasSize(1);
        assertThat(suggestions.get(0).alternatives()).extracting(Alternative::rule)
                .containsExactly("/srv/data/*/part r,", "/srv/data/** r,");
        assertThat(suggestions.get(0).alternatives().get(0).label()).isEqualTo("10 directories here: */part");
    }

    @Test
    void fewerThanTenOrDifferentPermissionsStayExact() {
        assertThat(rules(suggest(KnownProfiles.none(), opens(9, i -> "/srv/www/img/" + i + ".png", "r"))))
                .hasSize(9).allMatch(rule -> !rule.contains("*"));
        String[] mixed = IntStream.range(0, 12).mapToObj(i -> open("p", "/srv/www/img/" + i + ".png", i % 2 == 0 ? "r" : "w", 0, 1))
                .toArray(String[]::new);
        assertThat(rules(suggest(KnownProfiles.none(), mixed))).hasSize(12).allMatch(rule -> !rule.contains("*"));
    }

    @Test
    void nothingIsGlobbedDirectlyUnderTheRootNorMixedNames() {
        assertThat(rules(suggest(KnownProfiles.none(), opens(12, i -> "/f" + i, "r")))).hasSize(12);
        List<Suggestion> mixedExtensions = suggest(KnownProfiles.none(),
                opens(12, i -> "/srv/www/img/" + i + (i % 2 == 0 ? ".png" : ".jpg"), "r"));
        assertThat(mixedExtensions.get(0).alternatives()).extracting(Alternative::rule)
                .containsExactly("/srv/www/img/* r,", "/srv/www/img/** r,");
        assertThat(mixedExtensions.get(0).alternatives().get(0).label()).isEqualTo("12 files here: any file in /srv/www/img/");
    }

    @Test
    void filesSpreadOverSubdirectoriesBecomeOneGlobOfTheDeepestDirectoryHoldingThem() {
        // Each page in a directory of its own: both the directory and the name vary.
        List<Suggestion> pages = suggest(KnownProfiles.none(), opens(12, i -> "/srv/www/pages/p" + i + "/index-" + i + ".html", "r"));
        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).alternatives()).extracting(Alternative::rule).containsExactly("/srv/www/pages/** r,");
        assertThat(pages.get(0).alternatives().get(0).label()).isEqualTo("12 files in 12 directories below /srv/www/pages/");
        assertThat(pages.get(0).replaces()).hasSize(12);

        // nginx's proxy cache with levels=1:2: /var/cache/nginx/c/29/b7f54b2df7773722d382f4809d650
        List<Suggestion> cache = suggest(KnownProfiles.none(), opens(30,
                i -> "/var/cache/nginx/" + Integer.toHexString(i % 16) + "/" + (10 + i) + "/f" + (1000 + i * 7), "rw"));
        assertThat(rules(cache)).containsExactly("/var/cache/nginx/** rw,");
    }

    @Test
    void aSubtreeGlobNeedsTenFilesTwoLevelsBelowTheRootAndIsNotRepeatedAboveAnother() {
        assertThat(rules(suggest(KnownProfiles.none(), opens(9, i -> "/srv/www/pages/p" + i + "/index.html" + i, "r"))))
                .hasSize(9).allMatch(rule -> !rule.contains("*"));
        // Most of them in one directory: a glob of the directory above would take the others along.
        String[] certificatesAndAKey = java.util.stream.Stream.concat(
                java.util.Arrays.stream(opens(9, i -> "/etc/ssl/certs/ca-" + i + ".pem", "r")),
                java.util.Arrays.stream(opens(1, i -> "/etc/ssl/private/server.key", "r"))).toArray(String[]::new);
        assertThat(rules(suggest(KnownProfiles.none(), certificatesAndAKey))).hasSize(10).allMatch(rule -> !rule.contains("*"));
        // Directly below a directory one level down: "/srv/**" would be too broad a guess.
        assertThat(rules(suggest(KnownProfiles.none(), opens(12, i -> "/srv/d" + i + "/f" + i, "r"))))
                .hasSize(12).allMatch(rule -> !rule.contains("*"));

        String[] both = java.util.stream.Stream.concat(
                java.util.Arrays.stream(opens(12, i -> "/srv/www/pages/p" + i + "/index-" + i + ".html", "r")),
                java.util.Arrays.stream(opens(10, i -> "/srv/www/other" + i + "/x" + i, "r"))).toArray(String[]::new);
        // Ten more below /srv/www/, but /srv/www/** would repeat /srv/www/pages/**: they stay exact.
        assertThat(rules(suggest(KnownProfiles.none(), both))).hasSize(11).contains("/srv/www/pages/** r,")
                .filteredOn(rule -> rule.contains("*")).hasSize(1);
    }
}
