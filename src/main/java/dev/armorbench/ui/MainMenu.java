package dev.armorbench.ui;

import dev.armorbench.container.ProfileMode;
import dev.armorbench.ui.editor.Completion;
import dev.armorbench.ui.editor.EditorComponent;
import dev.armorbench.ui.editor.LineEditing;
import dev.armorbench.ui.editor.QuickFixes;
import dev.armorbench.ui.settings.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import org.fxmisc.richtext.CodeArea;
import org.kordamp.ikonli.javafx.FontIcon;

/** The menu bar: File, Edit, View, Help, with the standard shortcuts. */
final class MainMenu {
    private final MainWindow window;
    private final MenuBar bar = new MenuBar();
    private final Menu openRecent = new Menu("Open Recent");

    MainMenu(MainWindow window) {
        this.window = window;
        openRecent.setId("menu-open-recent");
        bar.getMenus().addAll(fileMenu(), editMenu(), viewMenu(), runMenu(), helpMenu());
        bar.setUseSystemMenuBar(true);
    }

    MenuBar bar() {
        return bar;
    }

    void refreshRecentFiles(List<String> files) {
        openRecent.getItems().clear();
        for (String file : files) {
            MenuItem item = new MenuItem(file);
            item.setMnemonicParsing(false);
            item.setOnAction(event -> window.open(Path.of(file)));
            openRecent.getItems().add(item);
        }
        if (files.isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            openRecent.getItems().add(none);
        } else {
            openRecent.getItems().addAll(new SeparatorMenuItem(),
                    item("Clear Recent Files", null, null, event -> window.clearRecentFiles()));
        }
    }

    private Menu fileMenu() {
        Menu samples = new Menu("Open Sample");
        for (String sample : Samples.ALL) {
            MenuItem item = new MenuItem(sample);
            item.setMnemonicParsing(false);
            item.setOnAction(event -> window.openSample(sample));
            samples.getItems().add(item);
        }
        Menu file = new Menu("_File");
        file.getItems().addAll(
                item("_New", "mdi2f-file-outline", "Shortcut+N", event -> window.newDocument()),
                item("_Open…", "mdi2f-folder-open-outline", "Shortcut+O", event -> window.openWithChooser()),
                openRecent,
                samples,
                new SeparatorMenuItem(),
                item("_Save", "mdi2c-content-save-outline", "Shortcut+S", onCurrent(window::save)),
                item("Save _As…", null, "Shortcut+Shift+S", onCurrent(window::saveAs)),
                new SeparatorMenuItem(),
                item("_Import Log…", "mdi2f-file-document-outline", "Shortcut+Shift+I", event -> window.importLog()),
                new SeparatorMenuItem(),
                item("_Close", null, "Shortcut+W", onCurrent(window::close)),
                item("_Quit", "mdi2p-power", "Shortcut+Q", event -> window.requestQuit()));
        file.getItems().get(0).setId("menu-new");
        return file;
    }

    private Menu editMenu() {
        Menu edit = new Menu("_Edit");
        edit.getItems().addAll(
                item("_Undo", "mdi2u-undo", "Shortcut+Z", onArea(CodeArea::undo)),
                item("_Redo", "mdi2r-redo", "Shortcut+Shift+Z", onArea(CodeArea::redo)),
                new SeparatorMenuItem(),
                item("Cu_t", "mdi2c-content-cut", "Shortcut+X", onArea(CodeArea::cut)),
                item("_Copy", "mdi2c-content-copy", "Shortcut+C", onArea(CodeArea::copy)),
                item("_Paste", "mdi2c-content-paste", "Shortcut+V", onArea(CodeArea::paste)),
                new SeparatorMenuItem(),
                item("_Find…", "mdi2m-magnify", "Shortcut+F", onCurrent(tab -> tab.searchBar().open(false))),
                item("R_eplace…", "mdi2f-find-replace", "Shortcut+H", onCurrent(tab -> tab.searchBar().open(true))),
                item("_Go to Line…", null, "Shortcut+G", event -> window.goToLine()),
                new SeparatorMenuItem(),
                item("Toggle _Comment", "mdi2c-comment-outline", "Shortcut+SLASH",
                        onEditing(LineEditing::toggleComment)),
                item("F_ormat Profile", "mdi2f-format-indent-increase", "Shortcut+Shift+F",
                        onEditing(LineEditing::format)),
                new SeparatorMenuItem(),
                item("Co_mplete", "mdi2f-format-list-bulleted", "Shortcut+SPACE",
                        onComponent(Completion.class, Completion::complete)),
                item("_Quick Fix…", "mdi2l-lightbulb-outline", "Shortcut+PERIOD",
                        onComponent(QuickFixes.class, QuickFixes::showAtCaret)));
        return edit;
    }

    private Menu viewMenu() {
        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("_Light Theme");
        RadioMenuItem dark = new RadioMenuItem("_Dark Theme");
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        (window.settings().theme() == Settings.Theme.DARK ? dark : light).setSelected(true);
        light.setOnAction(event -> window.setTheme(Settings.Theme.LIGHT));
        dark.setOnAction(event -> window.setTheme(Settings.Theme.DARK));
        CheckMenuItem docker = new CheckMenuItem("_Docker Panel");
        docker.setId("menu-docker-panel");
        docker.setGraphic(new FontIcon("mdi2d-docker"));
        docker.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        docker.selectedProperty().bindBidirectional(window.dockerPanelShownProperty());
        window.dockerPanelShownProperty().addListener((obs, old, shown) -> window.setDockerPanelShown(shown));
        Menu view = new Menu("_View");
        view.getItems().addAll(light, dark, new SeparatorMenuItem(), docker, new SeparatorMenuItem(),
                item("_Include Search Path…", "mdi2f-folder-search-outline", null, event -> window.editIncludePath()));
        return view;
    }

    private Menu runMenu() {
        Menu run = new Menu("_Run");
        MenuItem start = item("_Run Trial", "mdi2p-play", "Shortcut+R", event -> window.runTrial());
        start.setId("menu-run-trial");
        start.disableProperty().bind(window.dockerPanel().runningProperty());
        MenuItem stop = item("_Stop Trial", "mdi2s-stop", "Shortcut+F2", event -> window.stopTrial());
        stop.setId("menu-stop-trial");
        stop.disableProperty().bind(window.dockerPanel().runningProperty().not());
        // The mode the current profile declares, switched by editing its flags (loaded with the next run).
        ToggleGroup modes = new ToggleGroup();
        RadioMenuItem complain = new RadioMenuItem("_Complain Mode");
        complain.setId("menu-complain-mode");
        RadioMenuItem enforce = new RadioMenuItem("_Enforce Mode");
        enforce.setId("menu-enforce-mode");
        complain.setToggleGroup(modes);
        enforce.setToggleGroup(modes);
        Runnable showMode = () -> {
            ProfileMode mode = window.dockerPanel().modeProperty().get();
            complain.setSelected(mode == ProfileMode.COMPLAIN);
            enforce.setSelected(mode == ProfileMode.ENFORCE);
            complain.setDisable(mode == null);
            enforce.setDisable(mode == null);
        };
        complain.setOnAction(event -> {
            window.switchMode(ProfileMode.COMPLAIN);
            showMode.run();
        });
        enforce.setOnAction(event -> {
            window.switchMode(ProfileMode.ENFORCE);
            showMode.run();
        });
        window.dockerPanel().modeProperty().addListener((obs, old, mode) -> showMode.run());
        showMode.run();
        run.getItems().addAll(start, stop, new SeparatorMenuItem(), complain, enforce);
        return run;
    }

    private Menu helpMenu() {
        Menu help = new Menu("_Help");
        help.getItems().add(item("_About ArmorBench", "mdi2i-information-outline", null, event -> window.showAbout()));
        return help;
    }

    private <T extends EditorComponent> EventHandler<ActionEvent> onComponent(Class<T> type, Consumer<T> action) {
        return onCurrent(tab -> tab.editor().component(type).ifPresent(action));
    }

    private EventHandler<ActionEvent> onEditing(Consumer<LineEditing> action) {
        return onCurrent(tab -> tab.editor().component(LineEditing.class).ifPresent(action));
    }

    private EventHandler<ActionEvent> onCurrent(Consumer<EditorTab> action) {
        return event -> window.currentTab().ifPresent(action);
    }

    /**
     * Edit actions go to the selected editor. When the editor has focus it handles the shortcut itself and
     * consumes the key, so the accelerator does not fire a second time.
     */
    private EventHandler<ActionEvent> onArea(Consumer<CodeArea> action) {
        return event -> window.currentTab().ifPresent(tab -> action.accept(tab.area()));
    }

    private static MenuItem item(String text, String icon, String accelerator, EventHandler<ActionEvent> action) {
        MenuItem item = new MenuItem(text);
        if (icon != null) {
            item.setGraphic(new FontIcon(icon));
        }
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(action);
        return item;
    }
}
