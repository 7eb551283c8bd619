package dev.armorbench.ui.docker;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.skin.ListViewSkin;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * A list's skin that keeps its newest (last) row at the bottom, as a log's tail does, until the
 * user scrolls towards older rows (wheel, scroll bar, Up, Page Up, Home), and again once they
 * scroll back to the end. Only the user's moves change that, so rows added faster than the screen
 * is drawn never stop it.
 *
 * <p>The newest row is pinned in the flow's own layout, after the flow has taken in the new count,
 * the scroll bar's width and the rows' wrapped heights. Scrolling when rows were added, before that
 * layout, stayed short of the newest now and then (RunFloodEngineTest, once in six CI runs); rows
 * that wrapped again once the scroll bar appeared pushed it below the view.
 */
final class TailFollowingSkin<T> extends ListViewSkin<T> {
    private boolean following = true;

    TailFollowingSkin(ListView<T> list) {
        super(list);
        list.addEventFilter(ScrollEvent.SCROLL, event -> {
            if (event.getDeltaY() > 0) {
                following = false; // towards older rows: the next layout must not pull the list back
            }
            followIfAtTheEnd();
        });
        list.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> {
            if (inScrollBar(event.getTarget())) {
                following = false; // the scroll bar held; a click on a row keeps following
            }
        });
        list.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> {
            if (inScrollBar(event.getTarget())) {
                followIfAtTheEnd();
            }
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            KeyCode key = event.getCode();
            if (key == KeyCode.UP || key == KeyCode.PAGE_UP || key == KeyCode.HOME) {
                following = false;
            }
        });
        list.addEventFilter(KeyEvent.KEY_RELEASED, event -> {
            if (event.getCode().isNavigationKey()) {
                followIfAtTheEnd();
            }
        });
    }

    /** Whether the newest row is kept at the bottom. */
    boolean following() {
        return following;
    }

    /** Follows the newest row again (the list was emptied for a new run). */
    void follow() {
        following = true;
    }

    @Override
    protected VirtualFlow<ListCell<T>> createVirtualFlow() {
        return new TailFlow();
    }

    /** Once the user's move has scrolled the list: follow again if it now ends on the newest row. */
    private void followIfAtTheEnd() {
        Platform.runLater(() -> following = following || newestFullyShown());
    }

    private static boolean inScrollBar(Object target) {
        for (Node at = target instanceof Node node ? node : null; at != null; at = at.getParent()) {
            if (at instanceof ScrollBar) {
                return true;
            }
        }
        return false;
    }

    private boolean newestFullyShown() {
        TailFlow flow = (TailFlow) getVirtualFlow();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (last == null) {
            return true; // no rows
        }
        return last.getIndex() == flow.getCellCount() - 1 && last.getLayoutY() + last.getHeight() <= flow.viewportHeight() + 1;
    }

    /** The list's flow, pinned to the newest row at every layout while the skin follows. */
    private final class TailFlow extends VirtualFlow<ListCell<T>> {
        /**
         * How many more layouts may go to reaching the newest. The flow places rows of varying
         * height by an estimate of the whole list's length that it refines as it measures rows, so
         * a scroll can land short and the next layout gets nearer; this bounds those layouts
         * should the estimate never settle.
         */
        private int layoutsToPin;
        private int pinnedCount = -1;
        private double pinnedWidth = -1;
        private double pinnedHeight = -1;

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            int newest = getCellCount() - 1;
            if (newest != pinnedCount - 1 || getWidth() != pinnedWidth || getHeight() != pinnedHeight) {
                pinnedCount = newest + 1;
                pinnedWidth = getWidth();
                pinnedHeight = getHeight();
                layoutsToPin = 10;
            }
            if (!following || newest < 0 || layoutsToPin <= 0) {
                return;
            }
            ListCell<T> newestCell = getVisibleCell(newest);
            if (newestCell == null) {
                scrollTo(newest); // brings it into the flow, sometimes only in the next layout
                newestCell = getVisibleCell(newest);
            }
            if (newestCell != null) {
                scrollToBottom(newestCell); // nothing when it already ends at the bottom
            }
            if (newestCell == null || !endsAtTheBottom(newestCell)) {
                layoutsToPin--;
                Platform.runLater(this::requestLayout);
            }
        }

        /** The height the rows are shown in: the flow's, less a horizontal scroll bar. */
        double viewportHeight() {
            return getHeight() - (getHbar().isVisible() ? getHbar().getHeight() : 0);
        }

        private boolean endsAtTheBottom(ListCell<T> cell) {
            double viewport = viewportHeight();
            double bottom = cell.getLayoutY() + cell.getHeight();
            IndexedCell<?> first = getFirstVisibleCell();
            boolean allRowsFit = first != null && first.getIndex() == 0 && first.getLayoutY() >= 0 && bottom <= viewport;
            return allRowsFit || Math.abs(bottom - viewport) <= 1;
        }
    }
}
