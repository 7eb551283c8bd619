package dev.armorbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Shared values hand out strings equal to the bytes asked for, wherever those bytes sit in a line
 * and however long they are; the quick lookup the scanner asks first ({@link SharedValues#known})
 * finds a value of up to 16 bytes once it is shared, and never answers with another value's string.
 * Values are drawn from a small alphabet, so many share their first or last eight bytes.
 */
class SharedValuesPropertyTest {
    @Property(tries = 300)
    void hasTheStringOfTheBytesAskedFor(@ForAll("values") List<String> values, @ForAll("padding") String before,
            @ForAll("padding") String after) {
        SharedValues shared = new SharedValues();
        for (String value : values) {
            byte[] line = (before + value + after).getBytes(StandardCharsets.US_ASCII);
            int start = before.length();
            int end = start + value.length();

            String quick = shared.known(line, start, end);
            if (quick != null) {
                assertThat(quick).isEqualTo(value);
            }
            String first = shared.share(line, start, end);
            assertThat(first).isEqualTo(value);

            String again = shared.known(line, start, end);
            boolean quickLookupApplies = value.length() >= 1 && value.length() <= 16;
            if (quickLookupApplies) {
                assertThat(again).isSameAs(first);
            } else {
                assertThat(again).isNull();
            }
            assertThat(shared.share(line, start, end)).isSameAs(first);
        }
    }

    /**
     * Two values that land in one slot and differ only in their last word (or only in their first)
     * are told apart: the slot's string is never handed out for the other value.
     */
    @Example
    void valuesSharingASlotAreToldApart() {
        for (boolean sameStart : new boolean[] {true, false}) {
            String[] pair = collidingPair(sameStart);
            SharedValues shared = new SharedValues();
            byte[] a = (pair[0] + "........").getBytes(StandardCharsets.US_ASCII);
            byte[] b = (pair[1] + "........").getBytes(StandardCharsets.US_ASCII);
            assertThat(shared.share(a, 0, 16)).isEqualTo(pair[0]);

            assertThat(shared.known(b, 0, 16)).as("%s after %s", pair[1], pair[0]).isNull();
            assertThat(shared.share(b, 0, 16)).isEqualTo(pair[1]);
            assertThat(shared.known(a, 0, 16)).isNull(); // b took the slot
        }
    }

    /** A seed is the very string handed out for its value, short or long, until another value takes its slot. */
    @Example
    void handsOutItsSeedsThemselves() {
        String shortSeed = new String("file");
        String longSeed = new String("posix_mqueue_and_then_some");
        SharedValues shared = new SharedValues(shortSeed, longSeed);
        byte[] line = " file posix_mqueue_and_then_some ".getBytes(StandardCharsets.US_ASCII);
        assertThat(shared.known(line, 1, 5)).isSameAs(shortSeed);
        assertThat(shared.share(line, 1, 5)).isSameAs(shortSeed);
        assertThat(shared.share(line, 6, 32)).isSameAs(longSeed);
    }

    /** The classifier's literals are what a parser shares for those values, so its comparisons are of identity. */
    @Example
    void parsersShareTheClassifiersLiterals() {
        AuditRecord record = new LogLineParser().parse("apparmor=\"DENIED\" operation=\"exec\" class=\"file\" family=\"unix\"",
                "test", 1);
        assertThat(record.get("class")).isSameAs("file");
        assertThat(record.get("operation")).isSameAs("exec");
        assertThat(record.get("family")).isSameAs("unix");
    }

    /** Values that differ only in their last byte, as numbered devices and files do, get slots of their own. */
    @Example
    void valuesDifferingInTheirLastByteGetTheirOwnSlots() {
        java.util.Set<Integer> slots = new java.util.HashSet<>();
        for (char last = '0'; last <= '9'; last++) {
            byte[] bytes = ("/dev/pts/" + last).getBytes(StandardCharsets.US_ASCII);
            slots.add(SharedValues.slotOf(ByteRuns.word(bytes, 0, 8), ByteRuns.word(bytes, 2, 8), bytes.length));
        }
        assertThat(slots).hasSize(10);
    }

    /** Two 16-byte values in one slot of the table, alike in their first eight bytes or in their last. */
    private static String[] collidingPair(boolean sameStart) {
        java.util.Map<Integer, String> bySlot = new java.util.HashMap<>();
        for (int i = 0; ; i++) {
            String varying = String.format("%08d", i);
            String value = sameStart ? "/usr/lib" + varying : varying + "/usr/lib";
            byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
            int slot = SharedValues.slotOf(ByteRuns.word(bytes, 0, 8), ByteRuns.word(bytes, 8, 8), 16);
            String earlier = bySlot.putIfAbsent(slot, value);
            if (earlier != null) {
                return new String[] {earlier, value};
            }
        }
    }

    @Provide
    Arbitrary<List<String>> values() {
        return Arbitraries.strings().withChars("ab/_").ofMinLength(0).ofMaxLength(40).list().ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<String> padding() {
        return Arbitraries.strings().withChars("ab\" =").ofMinLength(0).ofMaxLength(20);
    }
}
