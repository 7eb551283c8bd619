package dev.armorbench.ui.docker;

import dev.armorbench.container.ProfileMode;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Complain | Enforce, side by side in the run bar: shows the mode the current profile declares and
 * switches it (through the editor, as an undoable edit of its flags).
 */
final class ModeToggle extends HBox {
    private final ToggleButton complain = new ToggleButton("Complain", new FontIcon("mdi2e-ear-hearing"));
    private final ToggleButton enforce = new ToggleButton("Enforce", new FontIcon("mdi2s-shield-lock"));
    private final ToggleGroup group = new ToggleGroup();
    private boolean showing;

    ModeToggle(Consumer<ProfileMode> onSwitch) {
        setId("docker-mode-toggle");
        setAlignment(Pos.CENTER_LEFT);
        complain.setId("docker-mode-complain");
        enforce.setId("docker-mode-enforce");
        complain.getStyleClass().add("left-pill");
        enforce.getStyleClass().add("right-pill");
        complain.setTooltip(new Tooltip("Complain mode: AppArmor logs what the profile does not allow and lets it"
                + " happen (writes flags=(complain); loaded with the next run)"));
        enforce.setTooltip(new Tooltip("Enforce mode: AppArmor denies what the profile does not allow"
                + " (removes the complain flag; loaded with the next run)"));
        complain.setToggleGroup(group);
        enforce.setToggleGroup(group);
        // Never cut to "…": the run status beside them gives way instead.
        complain.setMinWidth(USE_PREF_SIZE);
        enforce.setMinWidth(USE_PREF_SIZE);
        getChildren().addAll(complain, enforce);
        group.selectedToggleProperty().addListener((obs, old, selected) -> {
            if (showing) {
                return;
            }
            if (selected == null) {
                // A click on the selected button would leave neither: the mode is still what it was.
                showing = true;
                group.selectToggle(old);
                showing = false;
                return;
            }
            onSwitch.accept(selected == complain ? ProfileMode.COMPLAIN : ProfileMode.ENFORCE);
        });
    }

    /** Shows a mode without switching anything; empty disables the toggle (no profile). */
    void show(Optional<ProfileMode> mode) {
        showing = true;
        try {
            setDisable(mode.isEmpty());
            group.selectToggle(mode.map(m -> m == ProfileMode.COMPLAIN ? complain : enforce).orElse(null));
        } finally {
            showing = false;
        }
    }

    Optional<ProfileMode> shown() {
        ToggleButton selected = (ToggleButton) group.getSelectedToggle();
        return selected == null ? Optional.empty()
                : Optional.of(selected == complain ? ProfileMode.COMPLAIN : ProfileMode.ENFORCE);
    }
}
