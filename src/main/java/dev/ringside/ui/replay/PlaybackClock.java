package dev.ringside.ui.replay;

import java.time.Duration;
import javafx.animation.AnimationTimer;

/** Drives a replay from the FX pulse while it plays: each frame hands the wall time since the previous one to the view model. */
final class PlaybackClock extends AnimationTimer {
    private final ReplayViewModel vm;
    private long lastFrame;

    private PlaybackClock(ReplayViewModel vm) {
        this.vm = vm;
    }

    /** Runs only while {@code vm} is playing. */
    static void drive(ReplayViewModel vm) {
        PlaybackClock clock = new PlaybackClock(vm);
        vm.playingProperty().addListener((o, was, playing) -> {
            if (playing) clock.start();
            else clock.stop();
        });
    }

    @Override
    public void handle(long now) {
        if (lastFrame != 0) vm.pulse(Duration.ofNanos(now - lastFrame));
        lastFrame = now;
    }

    @Override
    public void stop() {
        super.stop();
        lastFrame = 0;
    }
}
