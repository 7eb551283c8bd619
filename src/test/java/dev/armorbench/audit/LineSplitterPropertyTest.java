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
 * The newline search reads sixteen bytes a step, then eight, then one: wherever the first newline
 * falls among them, and wherever the search starts and stops in the array, it finds the one a
 * byte-by-byte search finds. Bytes near a newline's value (and above 0x7f, where a borrow would
 * show) fill the rest.
 */
class LineSplitterPropertyTest {
    @Property(tries = 1000)
    void findsTheFirstNewlineInTheRange(@ForAll("bytes") List<Byte> content, @ForAll @IntRange(min = 0, max = 80) int from,
            @ForAll @IntRange(min = 0, max = 80) int fromEnd) {
        byte[] bytes = new byte[content.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = content.get(i);
        }
        int start = Math.min(from, bytes.length);
        int end = Math.max(start, bytes.length - fromEnd);

        assertThat(LineSplitter.indexOfNewline(bytes, start, end)).isEqualTo(byteByByte(bytes, start, end));
    }

    private static int byteByByte(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
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
