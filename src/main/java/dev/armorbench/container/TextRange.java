package dev.armorbench.container;

/** A half-open range of offsets in the profile text. */
public record TextRange(int start, int end) {
    public TextRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + start + ".." + end);
        }
    }

    public boolean contains(int offset) {
        return offset >= start && (offset < end || offset == start && start == end);
    }

    public boolean contains(TextRange other) {
        return other.start >= start && other.end <= end;
    }

    public int length() {
        return end - start;
    }
}
