package org.deltascape.spark;

import java.nio.DoubleBuffer;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import org.deltascape.launcher.engine.LossSource;
import org.deltascape.launcher.engine.MonteCarloJob;
import org.deltascape.launcher.engine.ThreadPolicy;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * The losses of one pass split by data ({@code distribute: data}): per group of blocks, one Spark job
 * with one task per contiguous range of the data's chunks ({@code partitions} ranges, at most one
 * per chunk), each returning its chunks' losses for the group's blocks; the driver writes them
 * into each block's S_b × N matrix in example order and hands the blocks, in order, to the
 * experiment's computer, which accumulates them as the single-JVM engine does. A chunk's losses
 * come from the same call on the same chunk as in a single JVM, so Δ_k is bit-identical.
 *
 * <p>A group holds as many blocks as keep the losses the driver gathers within {@link #BUDGET},
 * a block of 64 samples gathering 64 · N · 8 bytes: 32 blocks at N = 16,384, 8 at N = 60,000.
 * It holds one block at least, whatever N, so beyond N = 524,288 a job gathers more than the
 * budget.
 */
final class SparkLossSource implements LossSource {

  /**
   * The most bytes of losses one Spark job gathers on the driver: 256 MiB, under Spark's default
   * {@code spark.driver.maxResultSize} of 1 GiB.
   */
  static final long BUDGET = 256L << 20;

  /**
   * For tests: a Spark setting that replaces {@link #BUDGET}, to show a pass split over several
   * Spark jobs on a small dataset. Unset, the budget is {@link #BUDGET}.
   */
  static final String BUDGET_FOR_TESTS = "spark.deltascape.test.data-job-budget-bytes";

  private final SparkContext spark;
  private final Broadcast<ShippedRun> run;
  private final int partitions;
  private final MonteCarloJob job;
  private final LossSource local;
  private final long budget;
  private INDArray matrix; // S_b × N, reused by every block of the same size

  /**
   * @param partitions tasks per Spark job (at most the chunks)
   * @param local the losses in this JVM: their chunk layout is the one the tasks evaluate
   * @param budget the most bytes of losses one Spark job gathers ({@link #budget})
   */
  SparkLossSource(SparkContext spark, Broadcast<ShippedRun> run, int partitions,
      MonteCarloJob job, LossSource local, long budget) {
    this.budget = budget;
    this.spark = spark;
    this.run = run;
    this.partitions = partitions;
    this.job = job;
    this.local = local;
  }

  /** The job whose losses this source gives. */
  MonteCarloJob job() {
    return job;
  }

  @Override
  public int examples() {
    return local.examples();
  }

  @Override
  public int chunkSize() {
    return local.chunkSize();
  }

  /** The budget of {@code spark}'s jobs: {@link #BUDGET} unless a test set another. */
  static long budget(SparkContext spark) {
    return spark.conf().getLong(BUDGET_FOR_TESTS, BUDGET);
  }

  /** Blocks per Spark job: as many as keep the gathered losses within the budget. */
  int blocksPerJob() {
    return blocksPerJob(budget, job.samplesIn(0), examples());
  }

  /**
   * Blocks per Spark job for blocks of {@code samplesPerBlock} samples over {@code examples}
   * examples: ⌊budget / (samplesPerBlock · N · 8 bytes)⌋, at least one.
   */
  static int blocksPerJob(long budget, int samplesPerBlock, int examples) {
    long bytes = (long) samplesPerBlock * examples * Double.BYTES;
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, budget / bytes));
  }

  @Override
  public void losses(int fromBlock, int toBlock, Sink sink) {
    int step = blocksPerJob();
    for (int from = fromBlock; from < toBlock; from += step) {
      int to = Math.min(toBlock, from + step);
      ChunkLosses[] results = gather(from, to);
      for (int block = from; block < to; block++) {
        sink.accept(block, assemble(results, block - from, job.samplesIn(block)));
      }
    }
  }

  /** One Spark job: every chunk's losses of blocks {@code [from, to)}, by task. */
  private ChunkLosses[] gather(int from, int to) {
    List<ChunkRange> ranges = ChunkRange.split(chunks(), partitions, from, to);
    ChunkLosses[] results = new ChunkLosses[ranges.size()];
    int threadsBefore = ThreadPolicy.current();
    JavaSparkContext java = JavaSparkContext.fromSparkContext(spark);
    Broadcast<MonteCarloJob> broadcast = java.broadcast(job);
    String label = "Monte Carlo in space " + job.space() + " of point " + job.point()
        + ", the losses of blocks [" + from + ", " + to + ") by data chunk";
    try {
      spark.setJobDescription(label);
      RDD<ChunkRange> rdd = java.parallelize(ranges, ranges.size()).rdd();
      ClassTag<ChunkLosses> tag = ClassTag$.MODULE$.apply(ChunkLosses.class);
      spark.runJob(rdd, new ChunkTask(run, broadcast), (Object index, ChunkLosses losses) -> {
        results[(Integer) index] = losses;
        return BoxedUnit.UNIT;
      }, tag);
    } catch (Exception e) { // Scala throws SparkException unchecked
      throw SparkExecutor.failure(label, e);
    } finally {
      spark.setJobDescription(null);
      broadcast.destroy();
      if (spark.isLocal() && ThreadPolicy.current() != threadsBefore) {
        ThreadPolicy.apply(threadsBefore); // local tasks ran in this JVM
      }
    }
    return results;
  }

  /** Block {@code offset} of a job's results as one S_b × N matrix, chunk by chunk. */
  private INDArray assemble(ChunkLosses[] results, int offset, int rows) {
    int n = examples();
    if (matrix == null || matrix.rows() != rows) {
      matrix = Nd4j.create(DataType.DOUBLE, rows, n); // every column is overwritten below
    }
    DoubleBuffer values = matrix.data().asNioDouble(); // a view of the matrix's memory
    int expected = 0;
    for (ChunkLosses result : results) {
      for (ChunkLosses.Chunk chunk : result.chunks()) {
        int from = chunk.index() * chunkSize();
        int size = Math.min(chunkSize(), n - from);
        double[] losses = chunk.blocks().get(offset);
        if (chunk.index() != expected || losses.length != rows * size) {
          throw new IllegalStateException("a data task sent chunk " + chunk.index() + " with "
              + losses.length + " losses where chunk " + expected + " with " + rows + " × " + size
              + " was due");
        }
        for (int s = 0; s < rows; s++) {
          values.put(s * n + from, losses, s * size, size);
        }
        expected++;
      }
    }
    if (expected != chunks()) {
      throw new IllegalStateException("the data tasks sent " + expected + " of " + chunks()
          + " chunks");
    }
    return matrix;
  }
}
