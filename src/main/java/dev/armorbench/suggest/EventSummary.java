package dev.armorbench.suggest;

import java.util.List;

/**
 * The events behind a suggestion, for a person deciding on it.
 *
 * @param count how many events
 * @param denied how many of them were denials (the rest were allowed in complain mode)
 * @param exampleComm the command name of the first event
 * @param objects up to {@link #MAX_OBJECTS} distinct paths or names the events were about
 * @param firstSource where the first event was read, {@code FILE:LINE}
 */
public record EventSummary(long count, long denied, String exampleComm, List<String> objects, String firstSource) {
    public static final int MAX_OBJECTS = 5;

    public EventSummary {
        objects = List.copyOf(objects);
    }

    public EventSummary plus(EventSummary other) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(objects);
        for (String object : other.objects) {
            if (all.size() < MAX_OBJECTS) {
                all.add(object);
            }
        }
        return new EventSummary(count + other.count, denied + other.denied, exampleComm != null ? exampleComm : other.exampleComm,
                List.copyOf(all), firstSource != null ? firstSource : other.firstSource);
    }

    /** {@code 3 events (comm cat): /etc/hosts, /etc/passwd}. */
    public String describe() {
        return count + (count == 1 ? " event" : " events") + (exampleComm == null ? "" : " (comm " + exampleComm + ")")
                + (objects.isEmpty() ? "" : ": " + String.join(", ", objects));
    }
}
