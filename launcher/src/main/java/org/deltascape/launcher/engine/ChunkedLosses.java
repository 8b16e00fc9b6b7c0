package org.deltascape.launcher.engine;

import java.util.ArrayList;
import java.util.List;
import org.deltascape.api.Batch;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SubspaceModel;
import org.deltascape.api.ThetaSampler;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The losses of a Monte Carlo pass evaluated in this JVM, chunk by chunk: for each block, θ drawn
 * from its indices, then one {@link SubspaceModel#losses} call per chunk into that chunk's columns
 * of the S_b × N matrix. {@link #onChunk} is the same call for one chunk alone, which is what a
 * task that splits the pass by data evaluates, so that both give the same bits. Not thread-safe
 * (it reuses its buffers): one per thread.
 */
final class ChunkedLosses implements LossSource {

  private final SubspaceModel subspace;
  private final ThetaSampler sampler;
  private final RandomKey key;
  private final int samples;
  private final DataChunks chunks;
  private final int chunkSize;
  private final MonteCarloPass.Compat compat;
  private final List<INDArray> chunkOut = new ArrayList<>(); // S_b × n_c per chunk, reused
  private INDArray losses; // S_b × N, reused by every block of the same size

  /**
   * @param chunks the data, cut into chunks of {@code chunkSize} examples (checked)
   * @param compat the paper-compat settings of the pass (only θ's first coordinate), or null
   */
  ChunkedLosses(SubspaceModel subspace, ThetaSampler sampler, RandomKey key, int samples,
      DataChunks chunks, int chunkSize, MonteCarloPass.Compat compat) {
    int c = 0;
    for (DataChunks.Chunk chunk : chunks) {
      if (chunk.from() != c * chunkSize
          || chunk.batch().size() != Math.min(chunkSize, chunks.size() - chunk.from())) {
        throw new IllegalArgumentException("chunk " + c + " covers [" + chunk.from() + ", "
            + (chunk.from() + chunk.batch().size()) + "), not chunks of " + chunkSize);
      }
      c++;
    }
    this.subspace = subspace;
    this.sampler = sampler;
    this.key = key;
    this.samples = samples;
    this.chunks = chunks;
    this.chunkSize = chunkSize;
    this.compat = compat;
  }

  @Override
  public int examples() {
    return chunks.size();
  }

  @Override
  public int chunkSize() {
    return chunkSize;
  }

  @Override
  public void losses(int fromBlock, int toBlock, Sink sink) {
    int n = chunks.size();
    for (int block = fromBlock; block < toBlock; block++) {
      int first = block * MonteCarloPass.BLOCK;
      int count = count(block, samples);
      INDArray thetas = MonteCarloPass.draw(sampler, key, first, count, subspace.dimension(), compat);
      if (losses == null || losses.rows() != count) {
        losses = Nd4j.create(DataType.DOUBLE, count, n); // every column is overwritten below
      }
      int c = 0;
      for (DataChunks.Chunk chunk : chunks) {
        int size = chunk.batch().size();
        if (chunkOut.size() <= c || chunkOut.get(c).rows() != count) {
          INDArray buffer = Nd4j.create(DataType.DOUBLE, count, size);
          if (chunkOut.size() <= c) {
            chunkOut.add(buffer);
          } else {
            chunkOut.set(c, buffer);
          }
        }
        INDArray out = chunkOut.get(c);
        subspace.losses(thetas, chunk.batch(), out);
        losses.get(NDArrayIndex.all(), NDArrayIndex.interval(chunk.from(), chunk.from() + size))
            .assign(out);
        c++;
      }
      sink.accept(block, losses);
    }
  }

  /**
   * The losses of blocks {@code [fromBlock, toBlock)} on one chunk, {@code batch}: per block, θ
   * drawn from its indices and one {@link SubspaceModel#losses} call, exactly as {@link #losses}
   * makes it for that chunk; S_b × n_c row-major per block.
   */
  static List<double[]> onChunk(SubspaceModel subspace, ThetaSampler sampler, RandomKey key,
      int samples, MonteCarloPass.Compat compat, Batch batch, int fromBlock, int toBlock) {
    List<double[]> blocks = new ArrayList<>(Math.max(0, toBlock - fromBlock));
    INDArray out = null;
    for (int block = fromBlock; block < toBlock; block++) {
      int count = count(block, samples);
      INDArray thetas = MonteCarloPass.draw(sampler, key, block * MonteCarloPass.BLOCK, count,
          subspace.dimension(), compat);
      if (out == null || out.rows() != count) {
        out = Nd4j.create(DataType.DOUBLE, count, batch.size()); // 'c' order: rows are samples
      }
      subspace.losses(thetas, batch, out);
      blocks.add(out.data().asDouble());
    }
    return blocks;
  }

  /** The samples of {@code block}, failing for a block beyond the pass. */
  private static int count(int block, int samples) {
    int count = Math.min(MonteCarloPass.BLOCK, samples - block * MonteCarloPass.BLOCK);
    if (block < 0 || count <= 0) {
      throw new IllegalArgumentException("block " + block + " is beyond the " + samples + " samples");
    }
    return count;
  }
}
