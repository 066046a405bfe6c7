package dev.ringside.ui.pulse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;

/**
 * The one hand-off from background threads to the FX thread for a stream. Producers
 * {@link #publish} from any thread into a bounded queue; an {@link AnimationTimer} drains it once
 * per pulse and hands the whole batch to the drain, so the view updates with one {@code addAll}
 * per frame however fast events arrive. When the queue is full the oldest waiting item is dropped
 * and counted (the journal still has it); producers never block.
 */
public final class PulseBuffer<T> {

    /** Called on the FX thread once per pulse, with what arrived since the last one (possibly nothing). */
    @FunctionalInterface
    public interface Drain<T> {
        void pulse(List<T> batch, long droppedSoFar, long nowNanos);
    }

    private final BlockingQueue<T> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AnimationTimer timer;
    private final int capacity;

    public PulseBuffer(int capacity, Drain<T> drain) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                List<T> batch = new ArrayList<>(Math.min(queue.size(), PulseBuffer.this.capacity));
                queue.drainTo(batch);
                drain.pulse(batch, dropped.get(), now);
            }
        };
    }

    /** Safe from any thread; never blocks. */
    public void publish(T item) {
        while (!queue.offer(item)) {
            if (queue.poll() != null) dropped.incrementAndGet();
        }
    }

    public long dropped() {
        return dropped.get();
    }

    /** Call on the FX thread. */
    public void start() {
        timer.start();
    }

    /** Call on the FX thread. */
    public void stop() {
        timer.stop();
    }
}
