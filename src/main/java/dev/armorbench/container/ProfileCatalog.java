package dev.armorbench.container;

import dev.armorbench.policy.model.Profile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where {@code px} targets that the open text does not define are looked up: other open files, the
 * include path.
 */
public interface ProfileCatalog {
    /** A profile found outside the open text, and the file it is in. */
    record Found(Profile profile, Path file) {
    }

    /** The top-level profile with this name. */
    Optional<Found> find(String name);

    /** A top-level profile whose attachment (or path name) matches this binary. */
    Optional<Found> findAttached(String binary);

    ProfileCatalog NONE = new ProfileCatalog() {
        @Override
        public Optional<Found> find(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<Found> findAttached(String binary) {
            return Optional.empty();
        }
    };

    /** Asks each catalog in turn. */
    static ProfileCatalog firstOf(List<ProfileCatalog> catalogs) {
        return new ProfileCatalog() {
            @Override
            public Optional<Found> find(String name) {
                return catalogs.stream().map(c -> c.find(name)).flatMap(Optional::stream).findFirst();
            }

            @Override
            public Optional<Found> findAttached(String binary) {
                return catalogs.stream().map(c -> c.findAttached(binary)).flatMap(Optional::stream).findFirst();
            }
        };
    }
}
