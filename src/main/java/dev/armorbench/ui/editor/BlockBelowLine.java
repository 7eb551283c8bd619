package dev.armorbench.ui.editor;

import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Region;
import javafx.scene.text.TextFlow;
import org.fxmisc.richtext.CodeArea;

/**
 * A line's gutter with a block under the line (see {@link LineBlocks}). RichTextFX 0.11 has no
 * "view zones": a paragraph is as tall as its text. The room is made by giving the line's own text
 * node (the {@link TextFlow} next to this graphic in RichTextFX's paragraph box) a bottom padding
 * of the block's height; RichTextFX measures, hits and draws carets in that text node with its
 * insets in mind, so the text itself does not move. The graphic is drawn after the text, so the
 * block lies on top of that padding and takes the mouse there. The padding is taken off again when
 * the graphic leaves the paragraph box (the line scrolled away, or the blocks changed).
 */
final class BlockBelowLine extends Region {
    private final Node gutter;
    private final Region block;
    private final CodeArea area;
    private final ReadOnlyDoubleWrapper gutterWidth;
    private TextFlow paddedLine;

    BlockBelowLine(Node gutter, Region block, CodeArea area, ReadOnlyDoubleWrapper gutterWidth) {
        this.gutter = gutter;
        this.block = block;
        this.area = area;
        this.gutterWidth = gutterWidth;
        getStyleClass().add("block-below-line");
        getChildren().addAll(gutter, block);
        parentProperty().addListener((obs, old, parent) -> padLine(parent));
    }

    private void padLine(Parent paragraphBox) {
        if (paddedLine != null) {
            paddedLine.setPadding(Insets.EMPTY);
            paddedLine = null;
        }
        if (paragraphBox == null) {
            return;
        }
        for (Node sibling : paragraphBox.getChildrenUnmodifiable()) {
            if (sibling instanceof TextFlow line) {
                paddedLine = line;
                line.setPadding(new Insets(0, 0, blockHeight(), 0));
            }
        }
    }

    private double blockHeight() {
        return block.getPrefHeight();
    }

    @Override
    protected double computePrefWidth(double height) {
        return gutter.prefWidth(-1);
    }

    @Override
    protected double computeMinWidth(double height) {
        return gutter.minWidth(-1);
    }

    @Override
    protected double computePrefHeight(double width) {
        return gutter.prefHeight(-1) + blockHeight();
    }

    @Override
    protected void layoutChildren() {
        double blockHeight = blockHeight();
        double lineHeight = Math.max(0, getHeight() - blockHeight);
        gutterWidth.set(getWidth());
        gutter.resizeRelocate(0, 0, getWidth(), lineHeight);
        // Across the whole text view, beyond this graphic's own (gutter) width.
        block.resizeRelocate(0, lineHeight, Math.max(getWidth(), area.getWidth() - 2), blockHeight);
    }
}
