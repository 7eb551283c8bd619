package dev.armorbench.ui.editor;

import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.layout.Region;

/**
 * Blocks shown under a line of the text, across the editor's width, without being part of the text
 * (the inline diff of suggested rules, for example). {@link LineGutter} asks for them as it draws
 * each visible line; the line grows by the block's height.
 */
@FunctionalInterface
public interface LineBlocks {
    /**
     * The block under {@code line}, or null for none. Its height must be fixed ({@code prefHeight}
     * set in pixels): the line is given exactly that much room before the block is styled.
     *
     * @param gutterWidth the width of the line gutter, to line the block's own gutter column up with it
     */
    Region blockBelow(int line, ObservableDoubleValue gutterWidth);
}
