package dev.ringside.ui;

import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;

/**
 * A desktop notification through the system tray where the desktop offers one. Many Linux
 * desktops do not, and headless machines never do; then this stays silent and the in-app banner
 * is the notification. Runs off the FX thread so AWT start-up never stalls the window.
 */
final class DesktopNotifier {
    private volatile TrayIcon icon;
    private volatile boolean unavailable;

    void notify(String title, String text) {
        if (unavailable) return;
        Thread.ofVirtual().name("desktop-notification").start(() -> {
            try {
                if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
                    unavailable = true;
                    return;
                }
                if (icon == null) {
                    TrayIcon tray = new TrayIcon(new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB), "Ringside");
                    tray.setImageAutoSize(true);
                    SystemTray.getSystemTray().add(tray);
                    icon = tray;
                }
                icon.displayMessage(title, text, TrayIcon.MessageType.WARNING);
            } catch (Throwable e) {
                // No tray on this desktop (or AWT cannot start beside JavaFX): the in-app banner remains.
                unavailable = true;
            }
        });
    }
}
