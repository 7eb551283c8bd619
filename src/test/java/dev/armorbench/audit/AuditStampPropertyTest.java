package dev.armorbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The {@code audit(EPOCH.FRACTION:SERIAL)} stamp is read as written, whatever its digits: the
 * parser reads eight digits at a time where it can, and one at a time around them, so epochs and
 * serials of every length from 1 to the most it takes are tried (12 digits of seconds, 18 of
 * serial: more would overflow), and a stamp with any one digit damaged is refused. The expected values are worked out apart, with {@link BigDecimal}.
 */
class AuditStampPropertyTest {
    private static final String BODY = "apparmor=\"DENIED\" operation=\"open\" profile=\"p\" name=\"/etc/x\" pid=7";

    private final LogLineParser parser = new LogLineParser();

    @Property(tries = 400)
    void theStampIsReadAsWritten(@ForAll("seconds") String seconds, @ForAll("fractions") String fraction,
            @ForAll("serials") String serial) {
        String stamp = seconds + (fraction.isEmpty() ? "" : "." + fraction) + ":" + serial;
        AuditRecord record = parser.parse("type=AVC msg=audit(" + stamp + "): " + BODY, "log", 1);

        assertThat(record).as("%s (skipped: %s)", stamp, parser.lastSkipReason()).isNotNull();
        BigDecimal epoch = new BigDecimal(seconds + "." + (fraction.isEmpty() ? "0" : fraction));
        // Microseconds: digits of the fraction past the sixth are dropped, not rounded.
        assertThat(record.epochMicros()).as(stamp)
                .isEqualTo(epoch.movePointRight(6).setScale(0, RoundingMode.DOWN).longValueExact());
        assertThat(record.serial()).as(stamp).isEqualTo(Long.parseLong(serial));
    }

    @Property(tries = 400)
    void aStampWithADamagedDigitIsRefused(@ForAll("seconds") String seconds, @ForAll("serials") String serial,
            @ForAll @IntRange(min = 0, max = 40) int where, @ForAll("damage") char damage) {
        String stamp = seconds + ".123:" + serial;
        int at = digitAt(stamp, where);
        String damaged = stamp.substring(0, at) + damage + stamp.substring(at + 1);

        assertThat(parser.parse("type=AVC msg=audit(" + damaged + "): " + BODY, "log", 1)).as(damaged).isNull();
        assertThat(parser.lastSkipReason()).as(damaged).isEqualTo(SkipReason.BAD_AUDIT_ID);
    }

    /**
     * The kernel's own form, ten digits of seconds and three of milliseconds, has a reading of its
     * own (whole words, no search for the ')'): the same answers, for every serial length, and the
     * same refusal of a damaged digit anywhere in it, milliseconds included.
     */
    @Property(tries = 400)
    void theKernelsOwnStampIsReadAsWrittenOrRefused(@ForAll("kernelSeconds") String seconds,
            @ForAll("milliseconds") String milliseconds, @ForAll("serials") String serial,
            @ForAll @IntRange(min = -1, max = 40) int where, @ForAll("damage") char damage) {
        String stamp = seconds + "." + milliseconds + ":" + serial;
        if (where < 0) {
            AuditRecord record = parser.parse("type=AVC msg=audit(" + stamp + "): " + BODY, "log", 1);
            assertThat(record).as("%s (skipped: %s)", stamp, parser.lastSkipReason()).isNotNull();
            assertThat(record.epochMicros()).as(stamp)
                    .isEqualTo(Long.parseLong(seconds) * 1_000_000 + Long.parseLong(milliseconds) * 1_000);
            assertThat(record.serial()).as(stamp).isEqualTo(Long.parseLong(serial));
            return;
        }
        int at = where % stamp.length();
        if (stamp.charAt(at) == '.' || stamp.charAt(at) == ':') {
            at = stamp.length() - 1; // damage a digit: a changed separator may still be a stamp ("1:5" is one)
        }
        String damaged = stamp.substring(0, at) + damage + stamp.substring(at + 1);
        assertThat(parser.parse("type=AVC msg=audit(" + damaged + "): " + BODY, "log", 1)).as(damaged).isNull();
        assertThat(parser.lastSkipReason()).as(damaged).isEqualTo(SkipReason.BAD_AUDIT_ID);
    }

    @Property(tries = 50)
    void anEpochOrSerialLongerThanAnyClockOrCounterIsRefused(@ForAll @IntRange(min = 13, max = 24) int secondsDigits,
            @ForAll @IntRange(min = 19, max = 24) int serialDigits) {
        for (String stamp : new String[] {"1".repeat(secondsDigits) + ".5:9", "1.5:" + "9".repeat(serialDigits)}) {
            assertThat(parser.parse("type=AVC msg=audit(" + stamp + "): " + BODY, "log", 1)).as(stamp).isNull();
            assertThat(parser.lastSkipReason()).as(stamp).isEqualTo(SkipReason.BAD_AUDIT_ID);
        }
    }

    /** The index in {@code stamp} of a digit of its epoch seconds or serial, chosen by {@code where}. */
    private static int digitAt(String stamp, int where) {
        int dot = stamp.indexOf('.');
        int colon = stamp.indexOf(':');
        int secondsDigits = dot;
        int serialDigits = stamp.length() - colon - 1;
        int pick = where % (secondsDigits + serialDigits);
        return pick < secondsDigits ? pick : colon + 1 + (pick - secondsDigits);
    }

    @Provide
    Arbitrary<String> seconds() {
        return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> fractions() {
        return Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(9);
    }

    @Provide
    Arbitrary<String> kernelSeconds() {
        return Arbitraries.strings().numeric().ofLength(10);
    }

    @Provide
    Arbitrary<String> milliseconds() {
        return Arbitraries.strings().numeric().ofLength(3);
    }

    @Provide
    Arbitrary<String> serials() {
        return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(18);
    }

    /**
     * Bytes next to the digits in ASCII, the stamp's own separators, a letter and a space. Not
     * {@code )}: it ends the stamp where it stands, so "audit(1.5:2)3)" is the stamp "1.5:2".
     */
    @Provide
    Arbitrary<Character> damage() {
        return Arbitraries.of('/', ':', ';', '.', 'a', ' ', '=', '\u007f');
    }
}
