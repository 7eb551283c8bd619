package dev.armorbench.cli;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A moment given on the command line ({@code logs --since}): a time ago ({@code 10m}, {@code 2h},
 * {@code 1d}, {@code 1h30m}), a local date and time ({@code 2026-11-30 14:05}, {@code 2026-11-30T14:05:00},
 * a date alone for its start), one with its offset ({@code 2026-11-30T13:05:00Z}), or seconds since
 * 1970 as the audit stamp writes them ({@code @1795919128}).
 */
final class SinceTime implements ITypeConverter<Instant> {
    private static final Pattern AGO = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    private static final Pattern EPOCH = Pattern.compile("@(\\d{1,12})(?:\\.(\\d{1,9}))?");

    private final Clock clock;

    SinceTime() {
        this(Clock.systemDefaultZone());
    }

    SinceTime(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Instant convert(String value) {
        String text = value.strip();
        Matcher epoch = EPOCH.matcher(text);
        if (epoch.matches()) {
            String fraction = epoch.group(2) == null ? "0" : (epoch.group(2) + "00000000").substring(0, 9);
            return Instant.ofEpochSecond(Long.parseLong(epoch.group(1)), Long.parseLong(fraction));
        }
        Matcher ago = AGO.matcher(text);
        if (!text.isEmpty() && ago.matches()) {
            Duration back = Duration.ofDays(number(ago, 1)).plusHours(number(ago, 2)).plusMinutes(number(ago, 3))
                    .plusSeconds(number(ago, 4));
            return clock.instant().minus(back);
        }
        String iso = text.replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeException notWithOffset) {
            // a local time, below
        }
        try {
            return LocalDateTime.parse(iso).atZone(clock.getZone()).toInstant();
        } catch (DateTimeException notLocalTime) {
            // a date alone, below
        }
        try {
            return LocalDate.parse(iso).atStartOfDay(clock.getZone()).toInstant();
        } catch (DateTimeException notADate) {
            throw new TypeConversionException("'" + value + "' is not a time: give a time ago (10m, 2h, 1d), a local"
                    + " date and time (2026-11-30 14:05), one with its offset (2026-11-30T13:05:00Z), or @SECONDS"
                    + " since 1970 as in audit(…)");
        }
    }

    private static long number(Matcher matcher, int group) {
        return matcher.group(group) == null ? 0 : Long.parseLong(matcher.group(group));
    }
}
