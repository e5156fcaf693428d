package dev.dingus.notifications.support;

import java.time.Duration;

/** Retries an assertion until it holds or the time is up (then its last failure is thrown). */
public final class Eventually {
    private Eventually() {}

    public static void eventually(Duration timeout, Runnable assertion) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                pause(25);
            }
        }
    }

    /** Asserts that {@code assertion} keeps holding for the whole {@code period}. */
    public static void during(Duration period, Runnable assertion) {
        long end = System.nanoTime() + period.toNanos();
        do {
            assertion.run();
            pause(50);
        } while (System.nanoTime() < end);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
