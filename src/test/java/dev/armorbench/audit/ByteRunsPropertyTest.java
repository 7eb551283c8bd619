package dev.armorbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The byte searches read sixteen bytes a step (newlines), then eight, then one: wherever the first
 * match falls among them, and wherever the search starts and stops in the array, they find the one
 * a byte-by-byte search finds. Bytes near the searched values (and above 0x7f, where a borrow would
 * show) fill the rest.
 */
class ByteRunsPropertyTest {
    @Property(tries = 1000)
    void findsTheFirstNewlineInTheRange(@ForAll("bytes") List<Byte> content, @ForAll @IntRange(min = 0, max = 80) int from,
            @ForAll @IntRange(min = 0, max = 80) int fromEnd) {
        byte[] bytes = new byte[content.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = content.get(i);
        }
        int start = Math.min(from, bytes.length);
        int end = Math.max(start, bytes.length - fromEnd);

        assertThat(ByteRuns.indexOfNewline(bytes, start, end)).isEqualTo(byteByByte(bytes, (byte) '\n', start, end));
    }

    @Property(tries = 1000)
    void findsTheFirstOfAnyByteInTheRange(@ForAll("bytes") List<Byte> content, @ForAll("searched") byte what,
            @ForAll @IntRange(min = 0, max = 80) int from, @ForAll @IntRange(min = 0, max = 80) int fromEnd) {
        byte[] bytes = new byte[content.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = content.get(i);
        }
        int start = Math.min(from, bytes.length);
        int end = Math.max(start, bytes.length - fromEnd);

        assertThat(ByteRuns.indexOf(bytes, what, start, end)).isEqualTo(byteByByte(bytes, what, start, end));
    }

    private static int byteByByte(byte[] bytes, byte what, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == what) {
                return i;
            }
        }
        return -1;
    }

    @Provide
    Arbitrary<Byte> searched() {
        return Arbitraries.of((byte) '=', (byte) '(', (byte) '\n', (byte) 0xff, (byte) 0);
    }

    @Provide
    Arbitrary<List<Byte>> bytes() {
        Arbitrary<Byte> mostlyText = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(40, Arbitraries.of((byte) 'a', (byte) ' ', (byte) '"', (byte) '=')),
                net.jqwik.api.Tuple.of(2, Arbitraries.just((byte) '\n')),
                net.jqwik.api.Tuple.of(4, Arbitraries.of((byte) 0x09, (byte) 0x0b, (byte) 0x0c, (byte) 0x8a, (byte) 0xff, (byte) 0)));
        return mostlyText.list().ofMinSize(0).ofMaxSize(120);
    }
}
