package dev.armorbench.ui.tree;

import dev.armorbench.container.ContainerAnalysis;
import dev.armorbench.container.ImageConfig;
import dev.armorbench.container.IncludePathProfiles;
import dev.armorbench.container.OpenTextProfiles;
import dev.armorbench.container.ProfileCatalog;
import dev.armorbench.container.TextRange;
import dev.armorbench.container.TreeNode;
import dev.armorbench.container.TreeNode.Marker;
import dev.armorbench.policy.check.LintResult;
import dev.armorbench.policy.check.PolicyReader;
import dev.armorbench.policy.check.PolicySources;
import dev.armorbench.policy.check.SourceFile;
import dev.armorbench.ui.EditorTab;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fxmisc.richtext.CodeArea;
import org.kordamp.ikonli.javafx.FontIcon;
import org.reactfx.Subscription;

/**
 * The left pane: the tree of transitions of the selected document, recomputed off the FX thread
 * when typing pauses. Selecting a node selects its rule or profile header in the editor; moving the
 * caret selects the node whose text holds it. Search filters the nodes; expand and collapse all.
 */
public final class TransitionTreePane extends VBox {
    /** How long typing must pause before the tree is recomputed. */
    public static final Duration DEBOUNCE = Duration.ofMillis(300);

    private final TreeView<TreeNode> view = new TreeView<>();
    private final TextField search = new TextField();
    private final Label status = new Label();
    private final Supplier<PolicySources> sources;
    private final Supplier<List<Path>> includePath;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "armorbench-transition-tree");
        thread.setDaemon(true);
        return thread;
    });
    /** Expanded or collapsed by the user, by the node's label path: kept across recomputations. */
    private final Map<String, Boolean> expansion = new HashMap<>();
    private final Map<TreeNode, TreeItem<TreeNode>> items = new IdentityHashMap<>();
    private final ChangeListener<Integer> caretListener = (obs, old, caret) -> selectNodeAt(caret);
    private EditorTab tab;
    private Subscription textChanges;
    private ContainerAnalysis analysis;
    private int version;
    private int shownVersion = -1;
    private boolean syncing;
    private volatile ImageConfig image;
    private PolicySources catalogSources;
    private ProfileCatalog catalog;
    private Runnable onUpdated = () -> { };
    private Supplier<List<EditorTab>> openTabs = List::of;

    /**
     * @param sources the include search path's parsed files, shared with the editor's checks
     * @param includePath where {@code px} targets are looked up
     */
    public TransitionTreePane(Supplier<PolicySources> sources, Supplier<List<Path>> includePath) {
        this.sources = sources;
        this.includePath = includePath;
        getStyleClass().add("transition-tree");
        setId("transition-tree");
        getStylesheets().add(Objects.requireNonNull(getClass().getResource("transition-tree.css")).toExternalForm());
        search.setPromptText("Search transitions");
        search.setId("transition-tree-search");
        HBox.setHgrow(search, Priority.ALWAYS);
        search.textProperty().addListener((obs, old, query) -> rebuild());
        Button expand = iconButton("mdi2e-expand-all-outline", "Expand all", this::expandAll);
        expand.setId("transition-tree-expand");
        Button collapse = iconButton("mdi2c-collapse-all-outline", "Collapse all", this::collapseAll);
        collapse.setId("transition-tree-collapse");
        HBox bar = new HBox(4, search, expand, collapse);
        view.setId("transition-tree-view");
        view.setShowRoot(false);
        view.setCellFactory(tree -> new TransitionTreeCell());
        view.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> selectInEditor(item));
        // A click selects before the tree has taken the focus; the click itself is the user's intent.
        view.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED,
                event -> selectInEditor(view.getSelectionModel().getSelectedItem()));
        VBox.setVgrow(view, Priority.ALWAYS);
        status.getStyleClass().add("transition-tree-status");
        status.setWrapText(true);
        getChildren().addAll(bar, view, status);
        setMinWidth(180);
    }

    private static Button iconButton(String icon, String tooltip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll("flat", "button-icon");
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(event -> action.run());
        return button;
    }

    /** Follows this document (null: none): its text, its caret. */
    public void show(EditorTab tab) {
        if (this.tab == tab) {
            return;
        }
        if (this.tab != null) {
            textChanges.unsubscribe();
            this.tab.area().caretPositionProperty().removeListener(caretListener);
        }
        this.tab = tab;
        analysis = null;
        shownVersion = -1;
        if (tab == null) {
            view.setRoot(null);
            status.setText("");
            return;
        }
        CodeArea area = tab.area();
        textChanges = area.plainTextChanges().successionEnds(DEBOUNCE).subscribe(change -> refresh());
        area.caretPositionProperty().addListener(caretListener);
        refresh();
    }

    /** The open documents whose profiles {@code px} rules may name (the shown one is skipped). */
    public void setOpenDocuments(Supplier<List<EditorTab>> openTabs) {
        this.openTabs = openTabs;
    }

    /** The image whose entry point the "container start" root analyses; null for none. */
    public void setImageConfig(ImageConfig image) {
        this.image = image;
        refresh();
    }

    /** The image whose entry point the tree analyses, or null. */
    public ImageConfig imageConfig() {
        return image;
    }

    /** Recomputes from the current text now, off the FX thread. */
    public void refresh() {
        if (tab == null) {
            return;
        }
        EditorTab current = tab;
        String text = current.area().getText();
        int requested = ++version;
        Path path = current.path().orElseGet(() -> Path.of(current.name().replace(" (sample)", "")).toAbsolutePath());
        PolicySources policySources = sources.get();
        List<OpenTextProfiles.Document> others = new java.util.ArrayList<>();
        for (EditorTab other : openTabs.get()) {
            if (other != current) {
                others.add(new OpenTextProfiles.Document(other.path().orElseGet(() -> Path.of(other.name()).toAbsolutePath()),
                        other.area().getText()));
            }
        }
        ProfileCatalog profiles = ProfileCatalog.firstOf(List.of(new OpenTextProfiles(others, policySources),
                catalogFor(policySources)));
        ImageConfig config = image;
        background.execute(() -> {
            try {
                LintResult lint = PolicyReader.lint(new SourceFile(path, text), policySources);
                ContainerAnalysis result = ContainerAnalysis.analyze(lint, profiles, config);
                Platform.runLater(() -> publish(current, requested, result));
            } catch (RuntimeException e) {
                // A bug must not leave the pane silently stale: say so where the tree is.
                Platform.runLater(() -> status.setText("The tree could not be computed (" + e
                        + "); please report this with the profile text."));
            }
        });
    }

    private ProfileCatalog catalogFor(PolicySources policySources) {
        // The include path is scanned once per set of sources (made anew when files may have changed).
        if (catalogSources != policySources) {
            catalogSources = policySources;
            catalog = new IncludePathProfiles(includePath.get(), policySources);
        }
        return catalog;
    }

    private void publish(EditorTab from, int requested, ContainerAnalysis result) {
        if (from != tab || requested != version) {
            return; // Typing went on, or another document is shown; the next pause recomputes.
        }
        analysis = result;
        shownVersion = requested;
        status.setText(result.startProblem() == null ? "" : result.startProblem());
        rebuild();
        onUpdated.run();
    }

    /** The analysis the tree shows, or null before the first one. */
    public ContainerAnalysis analysis() {
        return analysis;
    }

    /** Whether the tree shows the latest text (tests wait on it). */
    public boolean upToDate() {
        return shownVersion == version && analysis != null;
    }

    /** Called on the FX thread after each recomputation is shown. */
    public void setOnUpdated(Runnable onUpdated) {
        this.onUpdated = onUpdated;
    }

    public TreeView<TreeNode> view() {
        return view;
    }

    public TextField searchField() {
        return search;
    }

    public void expandAll() {
        setExpandedBelow(view.getRoot(), true);
    }

    public void collapseAll() {
        if (view.getRoot() != null) {
            view.getRoot().getChildren().forEach(item -> setExpandedBelow(item, false));
        }
    }

    private void setExpandedBelow(TreeItem<TreeNode> item, boolean expanded) {
        if (item == null) {
            return;
        }
        item.setExpanded(expanded);
        item.getChildren().forEach(child -> setExpandedBelow(child, expanded));
    }

    /** The tree item showing this node, or null (filtered out, or not shown). */
    public TreeItem<TreeNode> itemOf(TreeNode node) {
        return items.get(node);
    }

    private void rebuild() {
        items.clear();
        if (analysis == null) {
            view.setRoot(null);
            return;
        }
        String query = search.getText() == null ? "" : search.getText().strip().toLowerCase(Locale.ROOT);
        TreeNode rootNode = analysis.tree().root();
        TreeItem<TreeNode> root = new TreeItem<>(rootNode);
        root.setExpanded(true);
        for (TreeNode child : rootNode.children()) {
            TreeItem<TreeNode> item = item(child, "", query);
            if (item != null) {
                root.getChildren().add(item);
            }
        }
        syncing = true;
        try {
            view.setRoot(root);
        } finally {
            syncing = false;
        }
        if (tab != null) {
            selectNodeAt(tab.area().getCaretPosition());
        }
    }

    /** The item for a node and its children, or null when neither it nor a descendant matches the query. */
    private TreeItem<TreeNode> item(TreeNode node, String parentKey, String query) {
        String key = parentKey + "/" + node.label();
        TreeItem<TreeNode> item = new TreeItem<>(node);
        for (TreeNode child : node.children()) {
            TreeItem<TreeNode> childItem = item(child, key, query);
            if (childItem != null) {
                item.getChildren().add(childItem);
            }
        }
        boolean matches = query.isEmpty() || node.label().toLowerCase(Locale.ROOT).contains(query);
        if (!matches && item.getChildren().isEmpty()) {
            return null;
        }
        if (!query.isEmpty()) {
            item.setExpanded(true);
        } else {
            // Linked copies (what a target can exec in turn) and rules from includes start folded; the rest open.
            item.setExpanded(expansion.getOrDefault(key, !node.has(Marker.LINKED) && !node.has(Marker.FROM_INCLUDE)));
            item.expandedProperty().addListener((obs, was, expanded) -> expansion.put(key, expanded));
        }
        items.put(node, item);
        return item;
    }

    private void selectInEditor(TreeItem<TreeNode> item) {
        // Only a selection the user makes in the tree moves the editor: the tree's own adjustments
        // (a rebuilt root, an expanded parent shifting rows) must never scroll the text away.
        if (syncing || item == null || tab == null || !upToDate() || !view.isFocused()) {
            return;
        }
        TextRange range = item.getValue().range();
        if (range == null) {
            return;
        }
        CodeArea area = tab.area();
        int length = area.getLength();
        syncing = true;
        try {
            area.selectRange(Math.min(range.start(), length), Math.min(range.end(), length));
            area.requestFollowCaret();
        } finally {
            syncing = false;
        }
    }

    private void selectNodeAt(int caret) {
        if (syncing || analysis == null || !upToDate()) {
            return;
        }
        TreeNode node = analysis.tree().nodeAt(caret);
        TreeItem<TreeNode> item = node == null ? null : items.get(node);
        syncing = true;
        try {
            if (item == null) {
                view.getSelectionModel().clearSelection();
                return;
            }
            for (TreeItem<TreeNode> parent = item.getParent(); parent != null; parent = parent.getParent()) {
                parent.setExpanded(true);
            }
            view.getSelectionModel().select(item);
            int row = view.getRow(item);
            if (row >= 0) {
                view.scrollTo(Math.max(0, row - 3));
            }
        } finally {
            syncing = false;
        }
    }

    /** Stops the background work; the pane is not used after this. */
    public void dispose() {
        show(null);
        background.shutdownNow();
    }
}
