package dev.ringside.journal.replay;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a replay stands: a position in a {@link ReplayIndex}, playing or paused, at 1× to 100×
 * the recorded pace. Time is handed in ({@link #advance}) so the UI's pulse drives it and tests
 * drive it by hand.
 */
public final class ReplayPlayer {
    public static final double MIN_SPEED = 1;
    public static final double MAX_SPEED = 100;

    private final ReplayIndex index;
    private int position;
    private boolean playing;
    private double speed = 1;
    private Instant replayTime;

    public ReplayPlayer(ReplayIndex index) {
        this.index = index;
        this.replayTime = index.start();
    }

    public int position() {
        return position;
    }

    public boolean playing() {
        return playing;
    }

    public double speed() {
        return speed;
    }

    public void play() {
        playing = true;
    }

    public void pause() {
        playing = false;
    }

    public void speed(double newSpeed) {
        if (!(newSpeed >= MIN_SPEED && newSpeed <= MAX_SPEED)) {
            throw new IllegalArgumentException("replay speed must be between 1x and 100x, got " + newSpeed);
        }
        speed = newSpeed;
    }

    /** Moves to an event (clamped to the run). */
    public void seek(int newPosition) {
        position = Math.max(0, Math.min(newPosition, index.size() - 1));
        replayTime = index.at(position);
    }

    public void seekTime(Instant time) {
        seek(index.indexAt(time));
        replayTime = time.isBefore(index.start()) ? index.start() : time;
    }

    public void stepForward() {
        seek(position + 1);
    }

    public void stepBack() {
        seek(position - 1);
    }

    /** Advances by {@code wallTime} × speed when playing; stops at the end. Returns the new position. */
    public int advance(Duration wallTime) {
        if (!playing) return position;
        replayTime = replayTime.plusNanos((long) (wallTime.toNanos() * speed));
        position = index.indexAt(replayTime);
        if (position == index.size() - 1 && !replayTime.isBefore(index.end())) playing = false;
        return position;
    }
}
