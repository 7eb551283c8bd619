package dev.armorbench.trial.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The profiles the kernel has loaded, as {@code /sys/kernel/security/apparmor/profiles} lists them:
 * one per line, {@code NAME (MODE)}, e.g. {@code abtest (enforce)}, {@code abtest//helper (complain)}.
 * A name may hold spaces and parentheses, so the mode is the last parenthesised word of the line.
 * When the file cannot be read the list is unknown, with the reason, rather than empty.
 */
public final class LoadedProfiles {
    private static final Pattern LINE = Pattern.compile("(.+) \\(([A-Za-z_-]+)\\)");

    private final Map<String, String> modes;
    private final String whyUnknown;

    private LoadedProfiles(Map<String, String> modes, String whyUnknown) {
        this.modes = modes;
        this.whyUnknown = whyUnknown;
    }

    /** Parses the file's text; a line that does not have the {@code NAME (MODE)} form is skipped. */
    public static LoadedProfiles parse(String text) {
        Map<String, String> modes = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            Matcher matcher = LINE.matcher(line);
            if (matcher.matches()) {
                modes.put(matcher.group(1), matcher.group(2));
            }
        }
        return new LoadedProfiles(Collections.unmodifiableMap(modes), null);
    }

    /** Reads the kernel's list; unknown (with why) when it cannot be read. */
    public static LoadedProfiles read(Path profilesFile) {
        try {
            return parse(new String(Files.readAllBytes(profilesFile), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return unknown("the kernel's list " + profilesFile + " does not exist (AppArmor is not enabled, "
                    + "or securityfs is not mounted)");
        } catch (AccessDeniedException e) {
            return unknown("the kernel's list " + profilesFile + " may only be read by root; run as root to see it");
        } catch (IOException e) {
            return unknown("cannot read the kernel's list " + profilesFile + ": " + e.getMessage());
        }
    }

    public static LoadedProfiles unknown(String why) {
        return new LoadedProfiles(Map.of(), why);
    }

    /** Whether the list could be read; when not, {@link #whyUnknown()} says why. */
    public boolean known() {
        return whyUnknown == null;
    }

    public String whyUnknown() {
        return whyUnknown == null ? "" : whyUnknown;
    }

    /** Name → mode ({@code enforce}, {@code complain}, {@code kill}, {@code unconfined}, {@code prompt}, …), in the kernel's order. */
    public Map<String, String> modes() {
        return modes;
    }

    /** The mode of a loaded profile; empty when it is not loaded (or the list is unknown). */
    public Optional<String> mode(String name) {
        return Optional.ofNullable(modes.get(name));
    }

    public boolean isLoaded(String name) {
        return modes.containsKey(name);
    }
}
