package dev.armorbench.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * A file of the app's own (settings, run configurations, a trial session) that could not be read:
 * it is moved aside under a dated name next to it, never deleted, so the user can still recover it,
 * and the warning says why and where it went. One piece for every store, so they all behave alike.
 *
 * @param reason why it could not be read, in the parser's words
 * @param keptAs where it was moved, or empty when even that failed
 * @param outcome the sentence that ends the warning: where the file was kept, or why it stayed
 */
public record UnreadableFile(String reason, Optional<Path> keptAs, String outcome) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Moves {@code file} to {@code FILE<marker>yyyyMMdd-HHmmss} beside it (e.g. marker ".unreadable-"). */
    public static UnreadableFile setAside(Path file, String marker, Exception cause) {
        String reason = cause instanceof JsonProcessingException jsonError
                ? jsonError.getOriginalMessage()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        try {
            Path aside = file.resolveSibling(file.getFileName() + marker + LocalDateTime.now().format(STAMP));
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            return new UnreadableFile(reason, Optional.of(aside), "The old file was kept as " + aside + ".");
        } catch (IOException e) {
            return new UnreadableFile(reason, Optional.empty(), "It could not be moved aside either ("
                    + e.getMessage() + "); check the permissions of " + file.getParent() + ".");
        }
    }
}
