package dev.dingus.testsupport;

import java.time.Duration;

/**
 * Waiting in tests without fixed sleeps: {@link #eventually} retries an assertion until it holds or the time
 * is up (then its last failure is thrown); {@link #during} asserts something keeps holding for a while.
 */
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

    /** Sleeps between two polls; an interrupt ends the test rather than being swallowed. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
