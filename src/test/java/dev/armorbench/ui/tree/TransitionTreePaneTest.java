package dev.armorbench.ui.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.armorbench.container.TreeNode;
import dev.armorbench.container.TreeNode.Marker;
import dev.armorbench.ui.EditorTab;
import dev.armorbench.ui.MainWindow;
import dev.armorbench.ui.FxUserPrompts;
import dev.armorbench.ui.settings.SettingsStore;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class TransitionTreePaneTest {
    @TempDir
    Path temp;

    private MainWindow window;
    private TransitionTreePane pane;

    @Start
    void start(Stage stage) {
        SettingsStore store = new SettingsStore(temp.resolve("config"));
        window = new MainWindow(stage, store, store.load(), new FxUserPrompts(stage), () -> { });
        window.show();
        window.openSampleIfEmpty();
        pane = window.transitionTree();
    }

    private void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private EditorTab tab() {
        return window.currentTab().orElseThrow();
    }

    private TreeNode node(String label) {
        return pane.analysis().tree().root().flatten().stream()
                .filter(n -> n.label().equals(label) && !n.has(Marker.LINKED)).findFirst().orElseThrow();
    }

    @Test
    void selectingANodeSelectsItsRuleInTheEditor(FxRobot robot) throws TimeoutException {
        waitUntil(() -> pane.upToDate());
        TreeNode rule = node("/usr/local/bin/log-shipper cxr -> log-shipper,");
        TreeItem<TreeNode> item = pane.itemOf(rule);
        // The user works in the tree: it has the focus.
        robot.interact(() -> {
            pane.view().requestFocus();
            pane.view().getSelectionModel().select(item);
        });
        assertThat(tab().area().getSelectedText()).isEqualTo("/usr/local/bin/log-shipper cxr -> log-shipper,");

        TreeItem<TreeNode> child = pane.itemOf(node("app-server"));
        robot.interact(() -> {
            pane.view().requestFocus();
            pane.view().getSelectionModel().select(child);
        });
        assertThat(tab().area().getSelectedText()).startsWith("profile app-server flags=(");
    }

    @Test
    void theCaretSelectsTheNodeAndClickingARowSelectsText(FxRobot robot) throws TimeoutException {
        waitUntil(() -> pane.upToDate());
        String text = tab().area().getText();
        robot.interact(() -> tab().area().moveTo(text.indexOf("/usr/local/bin/app-server cxr") + 5));
        TreeItem<TreeNode> selected = pane.view().getSelectionModel().getSelectedItem();
        assertThat(selected.getValue().label()).isEqualTo("/usr/local/bin/app-server cxr -> app-server,");

        robot.interact(() -> tab().area().moveTo(text.indexOf("owner /var/lib/log-shipper")));
        assertThat(pane.view().getSelectionModel().getSelectedItem().getValue().label())
                .isEqualTo("log-shipper /usr/local/bin/log-shipper");

        // A real click on a row moves the editor's selection.
        robot.interact(() -> pane.view().getSelectionModel().clearSelection());
        TreeItem<TreeNode> ix = pane.itemOf(node("/bin/busybox ix,"));
        robot.interact(() -> pane.view().scrollTo(pane.view().getRow(ix)));
        TransitionTreeCell cell = pane.view().lookupAll(".tree-cell").stream()
                .filter(c -> c instanceof TransitionTreeCell t && t.getTreeItem() == ix && t.isVisible())
                .map(TransitionTreeCell.class::cast).findFirst().orElseThrow();
        // The row's icon: a long label makes the cell wider than the pane, so its centre may lie under the editor.
        robot.clickOn(((javafx.scene.layout.HBox) cell.getGraphic()).getChildren().get(0));
        assertThat(tab().area().getSelectedText()).isEqualTo("/bin/busybox ix,");
    }

    @Test
    void typingUpdatesTheTreeAndDiagnosticsShowOnNodes(FxRobot robot) throws TimeoutException {
        waitUntil(() -> pane.upToDate());
        String text = tab().area().getText();
        int at = text.indexOf("/etc/passwd r,");
        robot.interact(() -> tab().area().insertText(at, "/usr/bin/escape Ux,\n  "));
        waitUntil(() -> pane.analysis().tree().root().flatten().stream().anyMatch(n -> n.label().equals("ux: unconfined")));
        TreeNode unconfined = node("ux: unconfined");
        assertThat(unconfined.has(Marker.UNCONFINED)).isTrue();
        assertThat(pane.itemOf(unconfined)).isNotNull();

        // Removing the flags of a child shows the warning on that child's node.
        String now = tab().area().getText();
        int flags = now.indexOf(" flags=(attach_disconnected,mediate_deleted)", now.indexOf("profile app-server"));
        robot.interact(() -> tab().area().deleteText(flags, flags + " flags=(attach_disconnected,mediate_deleted)".length()));
        waitUntil(() -> !node("app-server").diagnostics().isEmpty());
        assertThat(node("app-server").diagnostics()).extracting(d -> d.code()).containsExactly("container-disconnected-flags");
    }

    @Test
    void everyRowShowsItsWholeLabelAsTooltip(FxRobot robot) throws TimeoutException {
        waitUntil(() -> pane.upToDate());
        TransitionTreeCell appServer = robot.lookup(".tree-cell").queryAllAs(TransitionTreeCell.class).stream()
                .filter(cell -> cell.getItem() != null && cell.getItem().label().equals("app-server")
                        && !cell.getItem().has(Marker.LINKED))
                .findFirst().orElseThrow();
        assertThat(appServer.getTooltip()).isNotNull();
        assertThat(appServer.getTooltip().getText()).isEqualTo("app-server (enforce)");
    }

    @Test
    void searchFiltersAndExpandCollapseAll(FxRobot robot) throws TimeoutException {
        waitUntil(() -> pane.upToDate());
        robot.interact(() -> pane.searchField().setText("log-shipper"));
        java.util.List<String> shown = new java.util.ArrayList<>();
        collect(pane.view().getRoot(), shown);
        assertThat(shown).isNotEmpty().allSatisfy(label -> assertThat(label).satisfiesAnyOf(
                l -> assertThat(l).contains("log-shipper"),
                l -> assertThat(l).isIn("container-with-children", "docker exec", "container start")));
        assertThat(shown).doesNotContain("/bin/sh ix,");

        robot.interact(() -> pane.searchField().setText(""));
        robot.clickOn("#transition-tree-collapse");
        assertThat(pane.view().getRoot().getChildren()).allMatch(item -> !item.isExpanded());
        robot.clickOn("#transition-tree-expand");
        assertThat(pane.view().getRoot().getChildren()).allMatch(TreeItem::isExpanded);
        assertThat(pane.itemOf(node("cx → container-with-children//app-server")).isExpanded()).isTrue();
    }

    private static void collect(TreeItem<TreeNode> item, java.util.List<String> out) {
        for (TreeItem<TreeNode> child : item.getChildren()) {
            out.add(child.getValue().label());
            collect(child, out);
        }
    }
}
