package dev.ringside.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * One in-window sheet at a time over a dimmed window (confirmations, deny reason, edit, re-arm,
 * settings). In-window rather than separate dialog stages so a sheet can never hide behind the
 * cockpit. Escape closes it.
 */
public final class Overlay {
    private final StackPane layer = new StackPane();

    public Overlay() {
        layer.getStyleClass().add("overlay");
        layer.setAlignment(Pos.CENTER);
        layer.setVisible(false);
        layer.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                hide();
                e.consume();
            }
        });
    }

    public Node layer() {
        return layer;
    }

    public void show(Region sheet) {
        sheet.getStyleClass().add("overlay-sheet");
        sheet.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        layer.getChildren().setAll(sheet);
        layer.setVisible(true);
        Node first = sheet.lookup(".text-input");
        if (first instanceof TextInputControl input && input.isEditable()) input.requestFocus();
        else sheet.lookupAll(".button").stream().filter(Node::isFocusTraversable).findFirst().ifPresent(Node::requestFocus);
    }

    public void hide() {
        layer.getChildren().clear();
        layer.setVisible(false);
    }

    public boolean showing() {
        return layer.isVisible();
    }
}
