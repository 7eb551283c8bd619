package dev.armorbench.ui.docker;

import dev.armorbench.suggest.Suggestion;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * The rules the run's events ask for, as a list: profile, the rule offered first and how many events
 * asked for it. The inline diff in the editor is where they are accepted.
 */
final class SuggestionsView extends ListView<Suggestion> {
    private final ObservableList<Suggestion> suggestions = FXCollections.observableArrayList();

    SuggestionsView() {
        setItems(suggestions);
        setId("docker-run-suggestions");
        getStyleClass().add("run-suggestions");
        setPlaceholder(new Label("No suggestions yet"));
        setCellFactory(list -> new SuggestionCell());
    }

    void show(List<Suggestion> latest) {
        suggestions.setAll(latest);
    }

    void clear() {
        suggestions.clear();
    }

    static String describe(Suggestion suggestion) {
        String where = suggestion.isNewProfile() ? "new profile " + suggestion.profile()
                : String.valueOf(suggestion.profile());
        long count = suggestion.events() == null ? 0 : suggestion.events().count();
        return where + ":  " + suggestion.chosen().rule() + "   (" + count + (count == 1 ? " event" : " events")
                + (suggestion.alternatives().size() > 1 ? ", " + suggestion.alternatives().size() + " ways" : "") + ")";
    }

    private static final class SuggestionCell extends ListCell<Suggestion> {
        SuggestionCell() {
            setWrapText(true);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Suggestion suggestion, boolean empty) {
            super.updateItem(suggestion, empty);
            setText(empty || suggestion == null ? null : describe(suggestion));
        }
    }
}
