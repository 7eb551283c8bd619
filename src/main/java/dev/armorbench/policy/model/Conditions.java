package dev.armorbench.policy.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code key=value} and {@code key=(v1 v2)} conditions of a rule, kept sorted so that two
 * rules print the same when they say the same. Shared by every rule kind that has them.
 */
public record Conditions(Map<String, List<String>> values) {
    public static final Conditions NONE = new Conditions(Map.of());

    public Conditions {
        values = new TreeMap<>(values);
    }

    public List<String> get(String key) {
        return values.getOrDefault(key, List.of());
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public String canonical() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            out.append(' ').append(entry.getKey()).append('=');
            List<String> list = entry.getValue();
            if (list.size() == 1) {
                out.append(list.get(0));
            } else {
                out.append('(').append(String.join(" ", list)).append(')');
            }
        }
        return out.toString();
    }

    /** Each condition of this is present on the other side and its values are covered. */
    public boolean covers(Conditions other) {
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            List<String> theirs = other.values.get(entry.getKey());
            if (theirs == null) {
                return false;
            }
            for (String value : theirs) {
                if (entry.getValue().stream().noneMatch(mine -> PathPattern.covers(mine, value))) {
                    return false;
                }
            }
        }
        return true;
    }

    public static final class Builder {
        private final Map<String, List<String>> values = new TreeMap<>();

        public Builder add(String key, String value) {
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            return this;
        }

        public boolean has(String key) {
            return values.containsKey(key);
        }

        public Conditions build() {
            return values.isEmpty() ? NONE : new Conditions(values);
        }
    }
}
