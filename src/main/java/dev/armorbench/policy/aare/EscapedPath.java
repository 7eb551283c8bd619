package dev.armorbench.policy.aare;

/**
 * A literal path made safe for a profile by {@link AarePattern#escape(String)}.
 *
 * @param token       what to write in the profile: {@link #aare()} as is, or in double quotes when
 *                    {@link #needsQuotes()}
 * @param aare        the AARE text, ready for {@link AarePattern#compile} (quotes removed)
 * @param needsQuotes whether the path has characters (spaces) that only a quoted token can hold;
 *                    everything else that could end a token or start a comment is written as an
 *                    octal escape, so the token never contains a quote, a comma that ends a rule, a
 *                    line break or a control character
 */
public record EscapedPath(String token, String aare, boolean needsQuotes) {
}
