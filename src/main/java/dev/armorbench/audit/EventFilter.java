package dev.armorbench.audit;

import java.time.Instant;
import java.util.function.Predicate;

/**
 * Which events matter: those of one profile family (the profile and its children
 * {@code name//…}, learning profiles included) and those since a moment, such as the start of a
 * trial. Events without a time pass the time test: they cannot be placed, so they are not hidden.
 *
 * @param profile the family's root profile, or null for every profile
 * @param sinceMicros the earliest time in microseconds since 1970, or {@link AuditRecord#NO_TIME}
 */
public record EventFilter(String profile, long sinceMicros) implements Predicate<AuditEvent> {
    public static final EventFilter ALL = new EventFilter(null, AuditRecord.NO_TIME);

    public static EventFilter profileFamily(String profile) {
        return new EventFilter(profile, AuditRecord.NO_TIME);
    }

    public EventFilter since(Instant start) {
        return new EventFilter(profile, start.getEpochSecond() * 1_000_000L + start.getNano() / 1000);
    }

    @Override
    public boolean test(AuditEvent event) {
        AuditRecord record = event.record();
        if (sinceMicros != AuditRecord.NO_TIME && record.hasTime() && record.epochMicros() < sinceMicros) {
            return false;
        }
        if (profile == null) {
            return true;
        }
        String label = record.profile();
        return label != null && ProfileLabel.inFamily(label, profile);
    }
}
