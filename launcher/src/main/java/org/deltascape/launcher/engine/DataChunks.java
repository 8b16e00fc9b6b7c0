package org.deltascape.launcher.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.deltascape.api.Batch;
import org.deltascape.api.Dataset;
import org.nd4j.linalg.api.buffer.DataType;

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

  /** The number of examples covered. */
  int size() {
    return size;
  }

  @Override
  public Iterator<Chunk> iterator() {
    return chunks.iterator();
  }
}
