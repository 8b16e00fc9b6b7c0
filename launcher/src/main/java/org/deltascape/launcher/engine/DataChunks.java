package org.deltascape.launcher.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.deltascape.api.Batch;
import org.deltascape.api.Dataset;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dataset cut into contiguous chunks of at most {@code chunkSize} examples, materialised once
 * in the model's data type and reused by every pass (training excepted).
 */
final class DataChunks implements Iterable<DataChunks.Chunk> {

  /** One chunk: examples {@code [from, from + batch.size())}. */
  record Chunk(int from, Batch batch) {}

  private final List<Chunk> chunks = new ArrayList<>();
  private final int size;

  DataChunks(Dataset data, DataType type, int chunkSize) {
    this(data, data.size(), type, chunkSize);
  }

  /** The first {@code count} examples only. */
  DataChunks(Dataset data, int count, DataType type, int chunkSize) {
    for (int from = 0; from < count; from += chunkSize) {
      int to = Math.min(count, from + chunkSize);
      chunks.add(new Chunk(from, data.batch(from, to, type)));
    }
    this.size = count;
  }

  /**
   * The examples at the given dataset indices (any order; the Hessian of a mean does not depend on
   * it), gathered from the full chunks into new chunks.
   */
  DataChunks select(int[] indices, int chunkSize) {
    int[] sorted = indices.clone();
    java.util.Arrays.sort(sorted);
    DataChunks selected = new DataChunks(sorted.length);
    for (int from = 0; from < sorted.length; from += chunkSize) {
      int to = Math.min(sorted.length, from + chunkSize);
      selected.chunks.add(new Chunk(from, gather(sorted, from, to)));
    }
    return selected;
  }

  private DataChunks(int size) {
    this.size = size;
  }

  private Batch gather(int[] sorted, int from, int to) {
    INDArray features = null;
    INDArray targets = null;
    int row = 0;
    int c = 0;
    for (int i = from; i < to; i++) {
      while (sorted[i] >= chunks.get(c).from() + chunks.get(c).batch().size()) {
        c++;
      }
      Chunk chunk = chunks.get(c);
      if (features == null) {
        features = Nd4j.create(chunk.batch().features().dataType(), to - from,
            chunk.batch().features().columns());
        targets = Nd4j.create(chunk.batch().targets().dataType(), to - from,
            chunk.batch().targets().columns());
      }
      int local = sorted[i] - chunk.from();
      features.putRow(row, chunk.batch().features().getRow(local));
      targets.putRow(row, chunk.batch().targets().getRow(local));
      row++;
    }
    return new Batch(features, targets);
  }

  /** The number of examples covered. */
  int size() {
    return size;
  }

  @Override
  public Iterator<Chunk> iterator() {
    return chunks.iterator();
  }
}
