package dev.armorbench.trial.run;

import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.suggest.NetworkRuleForm;
import dev.armorbench.trial.load.LoadResult;
import dev.armorbench.trial.load.ProfileLoader;

/**
 * "Load this profile text into the kernel": the one step of a trial run that needs root. The
 * desktop app and the command line pass the real loader (apparmor_parser through the privilege
 * route); tests pass their own. A trial run never runs apparmor_parser itself.
 */
@FunctionalInterface
public interface ProfileLoading {
    /**
     * Loads (or replaces) every profile of {@code profile}'s text.
     *
     * @return whether the kernel took it, and if not, why and what to do
     */
    LoadReport load(SourceFile profile);

    /** Which network rules the parser that loads the profiles reads, so that suggestions offer those first. */
    default NetworkRuleForm networkRules() {
        return NetworkRuleForm.FINE_GRAINED;
    }

    /** The real loader: {@code apparmor_parser -r -K} on the text, as root through the loader's privilege route. */
    static ProfileLoading through(ProfileLoader loader) {
        return new ProfileLoading() {
            @Override
            public LoadReport load(SourceFile profile) {
                LoadResult result = loader.load(profile.path(), profile.text());
                return new LoadReport(result.succeeded(), result.message());
            }

            @Override
            public NetworkRuleForm networkRules() {
                return loader.networkRuleForm();
            }
        };
    }

    /**
     * The end of one load.
     *
     * @param loaded the kernel holds the profiles now
     * @param message what happened, in words a user can act on (the fix when it failed)
     */
    record LoadReport(boolean loaded, String message) {
        public static LoadReport loaded(String message) {
            return new LoadReport(true, message);
        }

        public static LoadReport refused(String message) {
            return new LoadReport(false, message);
        }
    }
}
