package dev.armorbench.ui.docker;

import dev.armorbench.trial.OutputChannel;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;

/**
 * The container's stdout and stderr as it writes them, stderr in the error colour. Only the last
 * {@link #KEEP_CHARACTERS} characters are kept, so a chatty container cannot exhaust the memory.
 */
final class OutputView extends VirtualizedScrollPane<StyleClassedTextArea> {
    static final int KEEP_CHARACTERS = 1_000_000;

    OutputView() {
        super(new StyleClassedTextArea());
        getContent().setEditable(false);
        getContent().setWrapText(true);
        getContent().setId("docker-run-output");
        getContent().getStyleClass().add("run-output");
        getStyleClass().add("run-output-pane");
    }

    void clear() {
        getContent().clear();
    }

    /** Adds text to the end and keeps the end in view. On the FX thread. */
    void append(OutputChannel channel, String text) {
        StyleClassedTextArea area = getContent();
        area.append(text, channel == OutputChannel.STDERR ? "stderr" : "stdout");
        int excess = area.getLength() - KEEP_CHARACTERS;
        if (excess > 0) {
            area.deleteText(0, excess);
        }
        area.moveTo(area.getLength());
        area.requestFollowCaret();
    }

    /** A line of ArmorBench's own about the run (started, exited with …), set apart from the container's output. */
    void note(String text) {
        StyleClassedTextArea area = getContent();
        String prefix = area.getLength() == 0 || area.getText().endsWith("\n") ? "" : "\n";
        area.append(prefix + text + "\n", "run-note");
        area.moveTo(area.getLength());
        area.requestFollowCaret();
    }

    String text() {
        return getContent().getText();
    }
}
