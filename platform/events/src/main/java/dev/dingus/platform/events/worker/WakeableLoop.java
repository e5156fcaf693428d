package dev.dingus.platform.events.worker;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * A background loop on a thread of its own that sleeps until {@link #wakeUp woken} or a timeout, started
 * and stopped with the application (the outbox relay, message-service's room purger). {@link #run} loops while
 * {@link #isRunning}; {@link #stop} wakes it and waits a while for the current pass to end.
 *
 * <p>A platform thread: the loop spends its time in blocking JDBC and AMQP reads, and on a virtual thread each of
 * those that has to wait costs a hand-off to the JDK's poller and back (epoll registration, wake-ups), which showed
 * in the relay's profile.
 */
public abstract class WakeableLoop implements SmartLifecycle {
    private final String threadName;
    private final Duration stopWait;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    protected WakeableLoop(String threadName, Duration stopWait) {
        this.threadName = threadName;
        this.stopWait = stopWait;
    }

    /** Ends the current or next wait at once; several wake-ups before it ends count as one. */
    public void wakeUp() {
        wake.release();
    }

    /** The loop: runs until {@link #isRunning} turns false, waiting with {@link #awaitWakeUp} between passes. */
    protected abstract void run();

    /** Waits until woken or {@code max} passed; true if woken. */
    protected boolean awaitWakeUp(Duration max) throws InterruptedException {
        return wake.tryAcquire(max.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Forgets the wake-ups that arrived so far: the pass about to start covers them. */
    protected void forgetWakeUps() {
        wake.drainPermits();
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name(threadName).daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        if (thread != null) {
            try {
                thread.join(stopWait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
