package org.deltascape.models.training;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.deltascape.api.Batch;
import org.deltascape.api.RandomKey;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An epoch's mini-batches: the examples in a seeded order, cut into batches of B (the last one
 * smaller when B does not divide N, and kept), gathered into preallocated arrays.
 */
final class MiniBatches {
  private final Batch all;
  private final int batchSize;
  private final INDArray[] full;
  private INDArray[] partial;

  MiniBatches(Batch all, int batchSize) {
    this.all = all;
    this.batchSize = Math.min(batchSize, all.size());
    this.full = buffers(this.batchSize);
  }

  /** Steps per epoch, ⌈N / B⌉. */
  int steps() {
    return (all.size() + batchSize - 1) / batchSize;
  }

  /**
   * A uniformly random permutation of {@code 0 … n−1} (Fisher–Yates) from the generator of {@code
   * key} only.
   */
  static int[] order(RandomKey key, int n) {
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    RandomGenerator generator = key.generator();
    for (int i = n - 1; i > 0; i--) {
      int j = generator.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /**
   * The examples {@code order[step·B …]} of step {@code step} (0-based), in buffers reused by the
   * next call of the same size: use the batch before asking for the next.
   */
  Batch batch(int[] order, int step) {
    int from = step * batchSize;
    int to = Math.min(from + batchSize, order.length);
    int[] rows = Arrays.copyOfRange(order, from, to);
    INDArray[] target = full;
    if (rows.length != batchSize) {
      if (partial == null || partial[0].rows() != rows.length) {
        partial = buffers(rows.length);
      }
      target = partial;
    }
    Nd4j.pullRows(all.features(), target[0], 1, rows);
    Nd4j.pullRows(all.targets(), target[1], 1, rows);
    return new Batch(target[0], target[1]);
  }

  private INDArray[] buffers(int rows) {
    return new INDArray[] {
      Nd4j.create(all.features().dataType(), rows, all.features().columns()),
      Nd4j.create(all.targets().dataType(), rows, all.targets().columns())
    };
  }
}
