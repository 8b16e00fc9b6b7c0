package org.deltascape.launcher.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deltascape.api.PartialSums;
import org.deltascape.api.Progress;
import org.deltascape.launcher.config.YamlReader;
import org.deltascape.launcher.output.RunWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A pass split by data: each chunk's losses evaluated elsewhere, from the run's description and
 * the job alone, in any order, and assembled by example give the single-JVM run's files byte for
 * byte. The reference is the same config run by the local engine.
 */
class LossSourceTest {

  /** 9,000 synthetic examples: three chunks of 4,096, 4,096 and 808; two spaces; S = 160. */
  private static final String CONFIG = String.join("\n",
      "name: chunks",
      "seed: 5",
      "dataset: { id: synthetic, examples: 9000, features: 6, classes: 3, test-examples: 0 }",
      "model: { id: mlp, hidden: [5], activation: tanh }",
      "training: { epochs: 1, batch-size: 500, learning-rate: 0.05 }",
      "spaces: [{ id: hessian, dim: 2 }, { id: random, dim: 3 }]",
      "sampler: { id: gaussian, sigma: 0.3, samples: 160 }",
      "orders: 2",
      "estimators: [monte-carlo, monte-carlo-cv]",
      "k: { step: 900 }",
      "threshold: 1.0e-4",
      "");

  @TempDir Path dir;

  /**
   * Evaluates each chunk's losses as a data task would, through {@link MonteCarloWorker}, last
   * chunk first, and accumulates the blocks with the experiment's own computer.
   */
  private static final class ByChunks implements MonteCarloExecutor {
    final RunDescription run;
    final List<String> calls = new ArrayList<>();

    ByChunks(RunDescription run) {
      this.run = run;
    }

    @Override
    public LossSource losses(MonteCarloJob job, LossSource local) {
      return new LossSource() {
        @Override
        public int examples() {
          return local.examples();
        }

        @Override
        public int chunkSize() {
          return local.chunkSize();
        }

        @Override
        public void losses(int fromBlock, int toBlock, Sink sink) {
          calls.add(job.space() + "[" + fromBlock + "," + toBlock + ") in " + chunks() + " chunks");
          ChunkLossComputer remote = MonteCarloWorker.chunkLosses(run, job);
          int n = examples();
          double[][] assembled = new double[toBlock - fromBlock][];
          for (int c = chunks() - 1; c >= 0; c--) {
            List<double[]> blocks = remote.compute(c, fromBlock, toBlock);
            int from = c * chunkSize();
            int size = Math.min(chunkSize(), n - from);
            for (int b = 0; b < blocks.size(); b++) {
              int rows = job.samplesIn(fromBlock + b);
              if (assembled[b] == null) {
                assembled[b] = new double[rows * n];
              }
              for (int s = 0; s < rows; s++) {
                System.arraycopy(blocks.get(b), s * size, assembled[b], s * n + from, size);
              }
            }
          }
          for (int b = 0; b < assembled.length; b++) {
            sink.accept(fromBlock + b, Nd4j.create(assembled[b],
                new long[] {job.samplesIn(fromBlock + b), n}, 'c'));
          }
        }
      };
    }

    @Override
    public List<Map<String, PartialSums>> run(MonteCarloJob job, int fromBlock, int toBlock,
        BlockComputer local, Progress.Task task) {
      List<Map<String, PartialSums>> blocks = local.compute(fromBlock, toBlock);
      task.advance(Math.min(job.samples(), toBlock * MonteCarloPass.BLOCK)
          - fromBlock * MonteCarloPass.BLOCK);
      return blocks;
    }

    @Override
    public int blocksPerCall() {
      return 2;
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of("id", "by-chunks");
    }
  }

  private static RunDescription description(String yaml) throws IOException {
    return new RunDescription(new com.fasterxml.jackson.databind.ObjectMapper()
        .writeValueAsString(YamlReader.read(yaml, "test.yaml").plain()), "test", null, List.of());
  }

  @ParameterizedTest(name = "paper-compat {0}")
  @ValueSource(booleans = {false, true})
  void chunksEvaluatedElsewhereInAnyOrderGiveByteIdenticalResults(boolean compat)
      throws IOException {
    String yaml = compat ? CONFIG.replace("orders: 2\n", "") + "paper-compat: true\n" : CONFIG;
    RunResult local = RunFixture.run(yaml, List.of(), dir.resolve("local"));
    ByChunks byChunks = new ByChunks(description(yaml));
    RunResult split = new Experiment(RunFixture.REGISTRY, Progress.silent(), byChunks)
        .run(RunFixture.config(yaml, List.of()), dir.resolve("split"));
    RunWriter.write(split);

    for (String file : List.of("delta.csv", "samples-hessian.npy", "samples-random.npy")) {
      assertThat(Files.readAllBytes(dir.resolve("split").resolve(file))).as(file)
          .isEqualTo(Files.readAllBytes(dir.resolve("local").resolve(file)));
    }
    // 160 samples are 3 blocks, handed over 2 per call
    assertThat(byChunks.calls).containsExactly("hessian[0,2) in 3 chunks",
        "hessian[2,3) in 3 chunks", "random[0,2) in 3 chunks", "random[2,3) in 3 chunks");
    assertThat(local.provenance().get("engine")).isEqualTo(Map.of("id", "local"));
  }

  @Test
  void aChunkOrABlockBeyondThePassIsRefused() throws IOException {
    RunDescription run = description(CONFIG);
    int parameters = (6 * 5 + 5) + (5 * 3 + 3);
    MonteCarloJob job = new MonteCarloJob(0, "random", 160, new double[parameters],
        new double[parameters], 1, true);
    ChunkLossComputer computer = MonteCarloWorker.chunkLosses(run, job);
    assertThat(computer.compute(2, 2, 3)).singleElement()
        .satisfies(losses -> assertThat(losses).hasSize(32 * 808));
    assertThatThrownBy(() -> computer.compute(3, 0, 1))
        .hasMessage("chunk 3 is beyond the 3 chunks of 9000 examples");
    assertThatThrownBy(() -> computer.compute(0, 2, 4))
        .hasMessage("block 3 is beyond the 160 samples");
    MonteCarloJob wrong = new MonteCarloJob(0, "random", 160, new double[7], new double[7], 1, true);
    assertThatThrownBy(() -> MonteCarloWorker.chunkLosses(run, wrong))
        .hasMessage("the job's w* has 7 values but the model has " + parameters + " parameters");
  }
}
