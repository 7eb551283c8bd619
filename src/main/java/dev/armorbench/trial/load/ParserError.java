package dev.armorbench.trial.load;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error {@code apparmor_parser} reported, taken from its standard error. Its forms (3.0):
 * {@code AppArmor parser error at line 3: syntax error, …} for text on standard input, and
 * {@code AppArmor parser error for FILE in profile INCLUDED-FILE at line 2: …} for a file. For text
 * on standard input an error inside an included file is reported with that file's line number but
 * without its name.
 *
 * @param file the file the parser names, when it names one
 * @param line the line it names, when it names one
 * @param message the parser's own words (the whole first meaningful line when it has no known form)
 */
public record ParserError(Optional<String> file, OptionalInt line, String message) {
    private static final Pattern ERROR = Pattern.compile(
            "AppArmor parser error(?: for (.+?))?(?: in profile (.+?))? at line (\\d+): (.*)");

    /** The parser's first error in its standard error; empty when there is no non-noise line at all. */
    public static Optional<ParserError> find(String stderr) {
        String first = null;
        for (String line : stderr.split("\n")) {
            String trimmed = line.strip();
            Matcher matcher = ERROR.matcher(trimmed);
            if (matcher.matches()) {
                String file = matcher.group(2) != null ? matcher.group(2) : matcher.group(1);
                return Optional.of(new ParserError(Optional.ofNullable(file),
                        OptionalInt.of(Integer.parseInt(matcher.group(3))), matcher.group(4)));
            }
            if (first == null && !trimmed.isEmpty() && !isNoise(trimmed)) {
                first = trimmed;
            }
        }
        return first == null ? Optional.empty() : Optional.of(new ParserError(Optional.empty(), OptionalInt.empty(), first));
    }

    /**
     * Lines the parser prints that are no error of the profile: without a writable cache interface it
     * notes that the cache is off, which {@code -K} asked for anyway.
     */
    static boolean isNoise(String line) {
        return line.startsWith("Cache read/write disabled");
    }

    /** E.g. "line 3: syntax error, unexpected end of file". */
    public String describe() {
        StringBuilder text = new StringBuilder();
        file.ifPresent(f -> text.append(f).append(", "));
        line.ifPresent(l -> text.append("line ").append(l).append(": "));
        return text.append(message).toString();
    }
}
