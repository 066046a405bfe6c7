package dev.ringside.ui.hotkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The system-wide kill hotkey on a real X server (Xvfb, started here): the keys typed with no
 * Ringside window anywhere reach the kill switch; a second grab is refused with the reason; a
 * released grab frees the keys. Skipped where Xvfb or xdotool is missing (.ci/run installs both).
 */
@EnabledOnOs(OS.LINUX)
class X11KeyGrabTest {
    private static Process xvfb;
    private static String display;

    @BeforeAll
    static void startAnXServer() throws Exception {
        assumeTrue(onPath("Xvfb") && onPath("xdotool"), "Xvfb and xdotool are needed for this test");
        // -displayfd 1: Xvfb takes the first free display and prints its number, so parallel runs never
        // share one. -noreset: by default the server resets when its last client leaves, and a
        // connection opened during the reset is refused (a test that closes its only grab and grabs again).
        xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-noreset", "-screen", "0", "640x480x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String number = new java.io.BufferedReader(new java.io.InputStreamReader(xvfb.getInputStream())).readLine();
        assumeTrue(number != null && number.strip().matches("\\d+"), "Xvfb did not start: " + number);
        display = ":" + number.strip();
    }

    @AfterAll
    static void stopTheXServer() {
        if (xvfb != null) xvfb.destroy();
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    private static void typeOn(String keys) throws Exception {
        ProcessBuilder b = new ProcessBuilder("xdotool", "key", keys).redirectErrorStream(true);
        b.environment().put("DISPLAY", display);
        Process p = b.start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void ctrlShiftKTypedAnywhereOnTheDesktopReachesTheKillSwitch() throws Exception {
        CountDownLatch killed = new CountDownLatch(1);
        try (GlobalHotkey.Registration grab = X11KeyGrab.grab(display, killed::countDown, "")) {
            assertThat(grab.active()).as(grab.status()).isTrue();
            assertThat(grab.status()).contains("active").contains(display);

            typeOn("ctrl+k");
            typeOn("shift+k");
            assertThat(killed.await(500, TimeUnit.MILLISECONDS)).as("other keys do nothing").isFalse();

            typeOn("ctrl+shift+k");
            assertThat(killed.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void keysAnotherApplicationHoldsAreRefusedWithTheReasonAndFreedOnClose() throws Exception {
        GlobalHotkey.Registration first = X11KeyGrab.grab(display, () -> { }, "");
        assertThat(first.active()).as(first.status()).isTrue();
        GlobalHotkey.Registration second = X11KeyGrab.grab(display, () -> { }, "");
        assertThat(second.active()).isFalse();
        assertThat(second.status()).contains("another application already holds Ctrl+Shift+K")
                .contains("in-app Ctrl+Shift+K works");

        first.close();
        try (GlobalHotkey.Registration again = X11KeyGrab.grab(display, () -> { }, "")) {
            assertThat(again.active()).as("closing released the keys; " + again.status()).isTrue();
        }
    }

    @Test
    void whereNoGrabIsPossibleTheSettingsSayWhy() {
        assertThat(GlobalHotkey.registerKillKeys(Map.of("WAYLAND_DISPLAY", "wayland-0"), () -> { }).status())
                .contains("Wayland does not let an application grab keys");
        assertThat(GlobalHotkey.registerKillKeys(Map.of(), () -> { }).status()).contains("no X display");
        assertThat(X11KeyGrab.grab(":987", () -> { }, "").status()).contains("cannot open X display :987");
    }
}
