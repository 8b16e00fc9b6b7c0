package org.deltascape.launcher.engine;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many threads ND4J's native code may use, set once before a run. On a small model most ND4J
 * operations take microseconds, and OpenMP's hand-over between threads costs more than it saves
 * (measured on the quick start: 88 s with the default two threads on a busy 2-core machine, 8 s
 * with one); large matrix products gain from more. The count is recorded in provenance because
 * it can change the rounding of parallel reductions.
 */
public final class ThreadPolicy {

  private static volatile int applied = 1;

  private ThreadPolicy() {}

  /** Limits ND4J's operations, its BLAS and OpenMP to {@code threads} threads. */
  public static void apply(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    Nd4j.getEnvironment().setMaxThreads(threads);
    Nd4j.getEnvironment().setMaxMasterThreads(threads);
    Nd4j.factory().blas().setMaxThreads(threads);
    NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    applied = threads;
  }

  /**
   * The thread count last applied (1 until {@link #apply} is called: the launcher always applies
   * one). ND4J's own getter is not used: it reports its start-up default whatever was set.
   */
  public static int current() {
    return applied;
  }
}
