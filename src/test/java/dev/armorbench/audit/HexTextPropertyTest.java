package dev.armorbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The kernel's hex encoding decodes to the text it encoded, whatever the text (ASCII or not, short
 * or longer than the decoder's first buffer), in upper or lower case; and bytes that are not UTF-8
 * decode to nothing. The encoding is made apart, with {@link HexFormat}.
 */
class HexTextPropertyTest {
    private final HexText hex = new HexText();

    @Property(tries = 300)
    void hexDecodesToTheTextItEncodes(@ForAll("texts") String text, @ForAll boolean upperCase) {
        byte[] encoded = encode(text.getBytes(StandardCharsets.UTF_8), upperCase);

        assertThat(HexText.looksHex(encoded, 0, encoded.length)).isTrue();
        assertThat(hex.decode(encoded, 0, encoded.length)).isEqualTo(text);
    }

    @Property(tries = 200)
    void bytesThatAreNotUtf8DecodeToNothing(@ForAll("texts") String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] damaged = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, damaged, 0, utf8.length);
        damaged[utf8.length] = (byte) 0xC3; // a two-byte sequence cut after its first byte
        byte[] encoded = encode(damaged, true);

        assertThat(hex.decode(encoded, 0, encoded.length)).isNull();
    }

    private static byte[] encode(byte[] bytes, boolean upperCase) {
        HexFormat format = upperCase ? HexFormat.of().withUpperCase() : HexFormat.of();
        return format.formatHex(bytes).getBytes(StandardCharsets.US_ASCII);
    }

    /** Any text without NUL (which the kernel cannot log), from one character to a path's length. */
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().all().excludeChars('\u0000').ofMinLength(1).ofMaxLength(400)
                .filter(text -> StandardCharsets.UTF_8.newEncoder().canEncode(text));
    }
}
