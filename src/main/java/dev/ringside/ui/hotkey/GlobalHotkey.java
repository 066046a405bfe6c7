package dev.ringside.ui.hotkey;

import java.util.Locale;
import java.util.Map;

/**
 * The kill switch's system-wide hotkey, Ctrl+Shift+K, where the platform lets an application have
 * one: on X11 it is grabbed on the root window, so it works whichever window has focus. Elsewhere
 * nothing is registered and {@link Registration#status()} says why, for the settings sheet.
 */
public final class GlobalHotkey {

    /** What registering the hotkey came to; {@code active} is false with the reason in {@code status}. */
    public record Registration(boolean active, String status, AutoCloseable handle) implements AutoCloseable {
        @Override
        public void close() {
            try {
                handle.close();
            } catch (Exception e) {
                // the grab goes away with the X connection either way
            }
        }
    }

    private GlobalHotkey() {
    }

    /** Registers Ctrl+Shift+K for the whole desktop where possible; {@code onPress} runs on the hotkey's own thread. */
    public static Registration registerKillKeys(Map<String, String> env, Runnable onPress) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            return inactive("No system-wide hotkey on " + System.getProperty("os.name") + " in this build: only X11 is supported.");
        }
        String display = env.get("DISPLAY");
        if (display == null || display.isBlank()) {
            String why = env.containsKey("WAYLAND_DISPLAY")
                    ? "Wayland does not let an application grab keys for the whole desktop."
                    : "there is no X display (DISPLAY is not set).";
            return inactive("No system-wide hotkey: " + why);
        }
        if ("Headless".equals(System.getProperty("glass.platform"))) {
            return inactive("No system-wide hotkey: the cockpit runs on JavaFX's headless platform, with no desktop to grab keys on.");
        }
        if (env.containsKey("WAYLAND_DISPLAY")) {
            // under XWayland a grab only sees keys typed into other X11 windows; say so rather than promise more
            return X11KeyGrab.grab(display, onPress, " (XWayland: only while an X11 window has focus)");
        }
        return X11KeyGrab.grab(display, onPress, "");
    }

    static Registration inactive(String why) {
        return new Registration(false, why + " The in-app Ctrl+Shift+K works while the cockpit has focus.", () -> { });
    }
}
