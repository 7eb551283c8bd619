package dev.armorbench.policy.check;

import dev.armorbench.policy.syntax.SyntaxTree;
import java.nio.file.Path;
import java.util.Arrays;

/** A policy file's text, its tree, and line starts for turning offsets into lines and columns. */
public final class SourceFile {
    private final Path path;
    private final String text;
    private final SyntaxTree tree;
    private final boolean crlfOnDisk;
    private int[] lineStarts;

    public SourceFile(Path path, String text) {
        this(path, text, false);
    }

    /**
     * @param crlfOnDisk the text's {@code \n} line ends are written to disk as {@code \r\n}: an
     *     editor's view of a file saved with CRLF line ends, which apparmor_parser reads with the
     *     {@code \r} (the text itself holds none)
     */
    public SourceFile(Path path, String text, boolean crlfOnDisk) {
        this.path = path;
        this.text = text;
        this.tree = SyntaxTree.parse(text);
        this.crlfOnDisk = crlfOnDisk;
    }

    /** Whether a {@code \r} stands before each {@code \n} on disk, though not in {@link #text()}. */
    public boolean crlfOnDisk() {
        return crlfOnDisk;
    }

    public Path path() {
        return path;
    }

    public String text() {
        return text;
    }

    public SyntaxTree tree() {
        return tree;
    }

    /** 1-based line of an offset. */
    public int line(int offset) {
        int[] starts = lineStarts();
        int index = Arrays.binarySearch(starts, offset);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    /** 1-based column of an offset. */
    public int column(int offset) {
        return offset - lineStarts()[line(offset) - 1] + 1;
    }

    private int[] lineStarts() {
        if (lineStarts == null) {
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    count++;
                }
            }
            int[] starts = new int[count];
            int at = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts[at++] = i + 1;
                }
            }
            lineStarts = starts;
        }
        return lineStarts;
    }
}
