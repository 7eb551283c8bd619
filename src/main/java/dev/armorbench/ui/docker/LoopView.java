package dev.armorbench.ui.docker;

import dev.armorbench.trial.loop.Iteration;
import dev.armorbench.trial.loop.TrialLoop;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The complain → enforce loop of the current profile: its runs as iterations (mode, exit, events, how
 * many were new, suggestions offered, accepted and rejected), where the loop stands, and the profile's
 * diff against the previous iteration. What it shows is {@link ProfileLoop}'s; its buttons run the
 * panel's actions.
 */
final class LoopView extends BorderPane {
    private final ProfileLoop loop;
    private final TableView<Iteration> iterations = new TableView<>();
    private final TextArea diff = new TextArea();
    private final Label diffTitle = new Label("Profile changes");
    private final Label state = new Label();
    private final Label stateDetail = new Label();
    private final FontIcon stateIcon = new FontIcon("mdi2s-sync");
    private final Button proposed = new Button();
    private final HBox stateBanner;
    private final Label problem = new Label();
    private final HBox problemBanner;
    private final Spinner<Integer> stableRuns = new Spinner<>(1, 20, 2);
    private final Spinner<Integer> expectedExit = new Spinner<>(0, 255, 0);
    private final CheckBox showRejected = new CheckBox("Show rejected");
    private final Label rejectedCount = new Label();
    private Runnable enforceAndRun = () -> { };
    private Runnable complainAndRun = () -> { };
    private boolean showing;

    LoopView(ProfileLoop loop) {
        this.loop = loop;
        setId("docker-loop");
        getStyleClass().add("loop-view");

        problem.setId("docker-loop-problem");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        Button dismiss = new Button(null, new FontIcon("mdi2c-close"));
        dismiss.getStyleClass().addAll("flat", "button-icon");
        dismiss.setTooltip(new Tooltip("Hide this message (the file stays where it was kept)"));
        dismiss.setOnAction(event -> showProblem(null));
        HBox.setHgrow(problem, Priority.ALWAYS);
        problemBanner = new HBox(8, new FontIcon("mdi2a-alert-outline"), problem, dismiss);
        problemBanner.setAlignment(Pos.CENTER_LEFT);
        problemBanner.getStyleClass().add("loop-problem");

        state.setId("docker-loop-state");
        state.getStyleClass().add("loop-state-title");
        stateDetail.setId("docker-loop-detail");
        stateDetail.setWrapText(true);
        stateDetail.setMinHeight(Region.USE_PREF_SIZE);
        proposed.setId("docker-loop-proposal");
        proposed.getStyleClass().add("accent");
        proposed.setMinWidth(Region.USE_PREF_SIZE); // the detail wraps instead: the action keeps its whole name
        proposed.setOnAction(event -> {
            if (loop.active() && loop.verdict().state() == TrialLoop.State.ENFORCE_FAILED) {
                complainAndRun.run();
            } else {
                enforceAndRun.run();
            }
        });
        VBox words = new VBox(2, state, stateDetail);
        HBox.setHgrow(words, Priority.ALWAYS);
        stateIcon.getStyleClass().add("loop-state-icon");
        stateBanner = new HBox(10, stateIcon, words, proposed);
        stateBanner.setAlignment(Pos.CENTER_LEFT);
        stateBanner.getStyleClass().add("loop-state");

        stableRuns.setId("docker-loop-stable-runs");
        stableRuns.setEditable(true);
        stableRuns.setPrefWidth(70);
        stableRuns.setTooltip(new Tooltip("Complain runs in a row without a new event before enforce mode is proposed"));
        stableRuns.valueProperty().addListener((obs, old, value) -> {
            if (!showing && value != null) {
                loop.setStableRunsNeeded(value);
                refresh();
            }
        });
        expectedExit.setId("docker-loop-expected-exit");
        expectedExit.setEditable(true);
        expectedExit.setPrefWidth(70);
        expectedExit.setTooltip(new Tooltip("The exit code of a container that did its work"));
        expectedExit.valueProperty().addListener((obs, old, value) -> {
            if (!showing && value != null) {
                loop.setExpectedExitCode(value);
                refresh();
            }
        });
        showRejected.setId("docker-loop-show-rejected");
        showRejected.setTooltip(new Tooltip("Offer the suggestions you rejected again (in the list and the editor)"));
        rejectedCount.setId("docker-loop-rejected-count");
        rejectedCount.getStyleClass().add("hint");
        Button forget = new Button("Forget rejections");
        forget.setId("docker-loop-forget-rejections");
        forget.getStyleClass().add("flat");
        forget.setOnAction(event -> {
            loop.forgetRejections();
            refresh();
        });
        HBox settings = new HBox(8, new Label("Stable runs before enforce:"), stableRuns,
                new Label("Expected exit code:"), expectedExit, spacer(), showRejected, rejectedCount, forget);
        settings.setAlignment(Pos.CENTER_LEFT);
        settings.getStyleClass().add("loop-settings");

        iterations.setId("docker-loop-iterations");
        iterations.setPlaceholder(new Label("No runs of this profile yet: each run (Ctrl+R) becomes an iteration of its loop"));
        iterations.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        iterations.getColumns().add(column("Run", 52, it -> Integer.toString(it.number())));
        iterations.getColumns().add(column("Mode", 86, Iteration::mode));
        iterations.getColumns().add(column("Exit", 54, it -> it.exited() ? Long.toString(it.exitCode()) : "—"));
        iterations.getColumns().add(column("Events", 104, it -> eventsText(it.eventsByKind())));
        iterations.getColumns().add(column("New", 54, it -> Integer.toString(it.newEvents())));
        iterations.getColumns().add(column("Rules", 64, it -> Integer.toString(it.suggestions().size())));
        iterations.getColumns().add(column("✓", 36, it -> Integer.toString(it.accepted().size())));
        iterations.getColumns().add(column("✗", 36, it -> Integer.toString(it.rejected().size())));
        iterations.getColumns().add(column("Result", 90, this::resultText));
        iterations.getSelectionModel().selectedItemProperty().addListener((obs, old, selected) -> showDiff(selected));

        diff.setId("docker-loop-diff");
        diff.setEditable(false);
        diff.getStyleClass().add("loop-diff");
        diffTitle.getStyleClass().add("view-title");
        VBox diffBox = new VBox(diffTitle, diff);
        VBox.setVgrow(diff, Priority.ALWAYS);
        diffBox.getStyleClass().add("run-view");
        SplitPane body = new SplitPane(iterations, diffBox);
        body.setOrientation(Orientation.HORIZONTAL);
        body.setDividerPositions(0.64);

        setTop(new VBox(problemBanner, stateBanner, settings));
        setCenter(body);
        refresh();
    }

    /** What "Switch to enforce and run" and "Back to complain and run" do. */
    void setActions(Runnable enforceAndRun, Runnable complainAndRun) {
        this.enforceAndRun = enforceAndRun;
        this.complainAndRun = complainAndRun;
    }

    boolean showRejected() {
        return showRejected.isSelected();
    }

    CheckBox showRejectedBox() {
        return showRejected;
    }

    TableView<Iteration> iterations() {
        return iterations;
    }

    Label state() {
        return state;
    }

    Label problem() {
        return problem;
    }

    boolean problemShown() {
        return problemBanner.isVisible();
    }

    Button proposal() {
        return proposed;
    }

    TextArea diff() {
        return diff;
    }

    Spinner<Integer> stableRunsSpinner() {
        return stableRuns;
    }

    /** Shows the loop as it is now (after a run, an answer, another profile). */
    void refresh() {
        showing = true;
        try {
            showProblem(loop.problem().orElse(null));
            if (!loop.active()) {
                iterations.getItems().clear();
                showState("No loop", "Save the profile to a file: its complain → enforce loop is kept with the file.",
                        "idle", null);
                rejectedCount.setText("");
                return;
            }
            var session = loop.session();
            stableRuns.getValueFactory().setValue(session.stableRunsNeeded());
            expectedExit.getValueFactory().setValue((int) Math.max(0, Math.min(255, session.expectedExitCode())));
            Iteration selected = iterations.getSelectionModel().getSelectedItem();
            List<Iteration> newestFirst = new java.util.ArrayList<>(session.iterations());
            java.util.Collections.reverse(newestFirst);
            iterations.getItems().setAll(newestFirst);
            if (selected != null && newestFirst.stream().anyMatch(it -> it.number() == selected.number())) {
                iterations.getSelectionModel().select(newestFirst.stream()
                        .filter(it -> it.number() == selected.number()).findFirst().orElseThrow());
            } else if (!newestFirst.isEmpty()) {
                iterations.getSelectionModel().select(0);
            }
            showDiff(iterations.getSelectionModel().getSelectedItem());
            long rejected = rejectedStill(session);
            rejectedCount.setText(rejected == 0 ? "none rejected" : rejected + " rejected");
            rejectedCount.setTooltip(rejected == 0 ? null : new Tooltip(session.rejected().stream()
                    .map(Object::toString).collect(Collectors.joining("\n"))));
            TrialLoop.Verdict verdict = loop.verdict();
            int stable = loop.stableRuns();
            switch (verdict.state()) {
                case NOT_STARTED -> showState("Complain → enforce loop", "Run the container in complain mode (Ctrl+R):"
                        + " each run is an iteration; accept the rules you want and run again until no new event"
                        + " comes.", "idle", null);
                case LEARNING -> showState("Learning: " + stable + " of " + session.stableRunsNeeded()
                        + " stable runs", verdict.reason(), "learning", null);
                case ENFORCE_PROPOSED -> showState("Stable: ready for enforce mode", verdict.reason(), "proposed",
                        "Switch to enforce and run");
                case ENFORCE_FAILED -> showState("Enforce run failed", verdict.reason(), "failed",
                        "Back to complain and run");
                case COMPLETE -> showState("Loop complete", verdict.reason(), "complete", null);
            }
        } finally {
            showing = false;
        }
    }

    private void showState(String title, String detail, String kind, String action) {
        state.setText(title);
        stateDetail.setText(detail);
        stateBanner.getStyleClass().removeAll("idle", "learning", "proposed", "failed", "complete");
        stateBanner.getStyleClass().add(kind);
        stateIcon.setIconLiteral(switch (kind) {
            case "complete" -> "mdi2c-check-decagram";
            case "proposed" -> "mdi2s-shield-lock";
            case "failed" -> "mdi2a-alert-circle-outline";
            default -> "mdi2s-sync";
        });
        proposed.setVisible(action != null);
        proposed.setManaged(action != null);
        if (action != null) {
            proposed.setText(action);
        }
    }

    private void showProblem(String text) {
        problem.setText(text == null ? "" : text);
        problemBanner.setVisible(text != null);
        problemBanner.setManaged(text != null);
    }

    private void showDiff(Iteration iteration) {
        if (iteration == null) {
            diffTitle.setText("Profile changes");
            diff.setText("");
        } else if (iteration.number() == 1) {
            diffTitle.setText("Profile of run 1");
            diff.setText(iteration.profileText());
        } else {
            diffTitle.setText("Profile changes: run " + (iteration.number() - 1) + " → run " + iteration.number());
            diff.setText(iteration.diff().isEmpty() ? "(the profile did not change)" : iteration.diff());
        }
    }

    private String resultText(Iteration iteration) {
        if (!iteration.exited()) {
            return iteration.outcome().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
        if (iteration.complain()) {
            return iteration.newEvents() == 0 ? "stable" : "learning";
        }
        return iteration.denied() == 0 && iteration.exitCode() == loop.session().expectedExitCode()
                ? "enforced, nothing denied" : "enforce failed";
    }

    /** Rules rejected after a run and still remembered (the session keeps every alternative of each). */
    private static long rejectedStill(dev.armorbench.trial.loop.TrialSession session) {
        java.util.Set<dev.armorbench.trial.loop.OfferedRule> remembered = new java.util.HashSet<>(session.rejected());
        return session.iterations().stream().flatMap(it -> it.rejected().stream()).filter(remembered::contains)
                .distinct().count();
    }

    static String eventsText(Map<String, Long> byKind) {
        if (byKind.isEmpty()) {
            return "none";
        }
        return byKind.entrySet().stream().map(entry -> entry.getValue() + " " + entry.getKey())
                .collect(Collectors.joining(", "));
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    private static TableColumn<Iteration, String> column(String title, double width, Function<Iteration, String> value) {
        TableColumn<Iteration, String> column = new TableColumn<>(title);
        column.setMinWidth(width);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
