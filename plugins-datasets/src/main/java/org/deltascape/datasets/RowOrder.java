package org.deltascape.datasets;

import java.util.random.RandomGenerator;
import org.deltascape.api.RandomKey;

/**
 * The order in which a provider keeps a file's rows: natural (the file's order) or a seeded
 * shuffle. The shuffle is a Fisher–Yates permutation drawn from one {@link RandomKey} stream, so
 * it depends only on (seed, purpose), never on anything drawn before.
 */
public final class RowOrder {
  private RowOrder() {}

  /** {@code 0, 1, …, count − 1}. */
  public static int[] natural(int count) {
    int[] order = new int[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    return order;
  }

  /** A uniformly random permutation of {@code 0 … count − 1} from the stream of {@code key}. */
  public static int[] shuffled(int count, RandomKey key) {
    int[] order = natural(count);
    RandomGenerator random = key.generator();
    for (int i = count - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /** The first {@code count} entries of {@code order}. */
  public static int[] head(int[] order, int count) {
    return java.util.Arrays.copyOf(order, count);
  }
}
