package dev.dingus.socketio;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs tasks one at a time, in submission order, on a shared executor (per-connection ordering). */
final class SerialExecutor implements Executor {

  private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

  private final Executor delegate;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  SerialExecutor(Executor delegate) {
    this.delegate = delegate;
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    schedule();
  }

  /**
   * Runs {@code task} on the calling thread if nothing is queued or running (as if it had been queued and run
   * next); returns false, having run nothing, otherwise. Tasks queued meanwhile run after it, on the executor.
   */
  boolean tryRunInline(Runnable task) {
    if (!tasks.isEmpty() || !scheduled.compareAndSet(false, true)) {
      return false;
    }
    try {
      runLogged(task);
    } finally {
      release();
    }
    return true;
  }

  private void schedule() {
    if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
      try {
        delegate.execute(this::drain);
      } catch (RejectedExecutionException e) {
        scheduled.set(false);
        tasks.clear();
        log.debug("handler executor is shut down; dropping queued work");
      }
    }
  }

  private void drain() {
    try {
      Runnable task;
      while ((task = tasks.poll()) != null) {
        runLogged(task);
      }
    } finally {
      release();
    }
  }

  private static void runLogged(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error("socket task failed", e);
    }
  }

  /** Lets the next task be scheduled, and schedules what was queued meanwhile. */
  private void release() {
    scheduled.set(false);
    schedule();
  }
}
