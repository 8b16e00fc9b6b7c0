package org.deltascape.launcher.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.PartialSums;
import org.deltascape.datasets.csv.CsvTable;
import org.deltascape.datasets.idx.IdxFile;
import org.deltascape.launcher.config.ExperimentConfigBinder;
import org.deltascape.launcher.config.YamlReader;
import org.deltascape.launcher.output.NpyFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: every reader (config YAML, IDX, CSV, .npy, checkpoints) given thousands of mutated
 * inputs (truncations, flipped bytes, huge declared sizes, garbage) ends each in a user-facing
 * {@link DeltascapeException} whose message names no Java exception class, within a time bound.
 */
class CorruptInputsTest {

  static final int MUTATIONS = 1500;
  static final long SECONDS_PER_INPUT = 5;
  static final Pattern EXCEPTION_NAME = Pattern.compile("[A-Za-z]+(Exception|Error)\\b");

  private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "corrupt-input");
    thread.setDaemon(true);
    return thread;
  });

  @TempDir Path dir;

  /** A reader under test: reads the file, or throws. */
  interface Reader {
    void read(Path file) throws Exception;
  }

  @AfterAll
  static void stop() {
    WORKER.shutdownNow();
  }

  @Test
  void configFiles() throws Exception {
    byte[] valid = String.join("\n", "name: x", "seed: 3",
        "dataset: { id: digits, limit: 600 }",
        "model: { id: mlp, hidden: [8], activation: tanh }",
        "training: { epochs: 3, batch-size: 32, learning-rate: 0.01 }",
        "spaces: [{ id: hessian, dim: 3 }, { id: random, dim: 2 }]",
        "sampler: { id: gaussian, sigma: 0.2, samples: 96 }",
        "orders: 4", "estimators: [monte-carlo]", "k: { step: 10 }", "threshold: 1.0e-4", "")
        .getBytes(StandardCharsets.UTF_8);
    ExperimentConfigBinder binder = new ExperimentConfigBinder(KillResumeTest.ALL);
    assertThat(fuzz(valid, "c.yaml", file -> binder.bind(YamlReader.read(file), "x")))
        .isEqualTo(MUTATIONS);
  }

  @Test
  void idxFiles() throws Exception {
    ByteBuffer idx = ByteBuffer.allocate(16 + 10 * 4 * 4).order(ByteOrder.BIG_ENDIAN);
    idx.putInt(0x00000803).putInt(10).putInt(4).putInt(4);
    for (int i = 0; i < 160; i++) {
      idx.put((byte) (i * 7));
    }
    assertThat(fuzz(idx.array(), "images.idx", file -> IdxFile.read(file, 3, "images")))
        .isEqualTo(MUTATIONS);
  }

  @Test
  void csvFiles() throws Exception {
    StringBuilder csv = new StringBuilder("a,b,label\n");
    for (int i = 0; i < 30; i++) {
      csv.append(i * 0.5).append(",\"").append(i).append("\",").append(i % 3).append('\n');
    }
    assertThat(fuzz(csv.toString().getBytes(StandardCharsets.UTF_8), "t.csv",
        file -> CsvTable.read(file, 0, true, ','))).isEqualTo(MUTATIONS);
  }

  @Test
  void npyFiles() throws Exception {
    Path seed = dir.resolve("seed.npy");
    NpyFile.writeDoubles(seed, new long[] {6, 5}, new double[30]);
    assertThat(fuzz(Files.readAllBytes(seed), "w.npy", NpyFile::readDoubles)).isEqualTo(MUTATIONS);
  }

  @Test
  void checkpointFiles() throws Exception {
    Path seed = dir.resolve("seed.ckpt");
    Map<String, PartialSums> sums = new LinkedHashMap<>();
    sums.put("monte-carlo", new PartialSums("monte-carlo", 0, 128, new double[] {1, 2, 3, 4}));
    CheckpointCodec.writeMonteCarlo(seed, "hash", 0, "random", 128, 200, sums);
    int tried = fuzz(Files.readAllBytes(seed), "mc.ckpt", file ->
        CheckpointCodec.monteCarlo(CheckpointFile.read(file, "monte-carlo", "hash"), 0, "random"));
    Path fit = dir.resolve("fit.ckpt");
    CheckpointCodec.writeFit(fit, "hash", "key", new org.deltascape.launcher.engine.RunJournal.SavedFit(
        new double[] {1, 2, 3}, List.of(Map.of("epoch", 1, "loss", 0.5, "seconds", 0.1)), List.of()));
    tried += fuzz(Files.readAllBytes(fit), "fit.ckpt", file ->
        CheckpointCodec.fit(CheckpointFile.read(file, "fit", "hash"), "key"));
    Path directions = dir.resolve("directions.ckpt");
    org.nd4j.linalg.api.ndarray.INDArray basis =
        org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}, {0, 0}});
    CheckpointCodec.writeDirections(directions, "hash", "key",
        new org.deltascape.api.Directions(basis, true, new org.deltascape.api.Eigenpairs(
            new double[] {2, 1}, basis, new double[] {0, 0}, true)), 7);
    tried += fuzz(Files.readAllBytes(directions), "directions.ckpt", file ->
        CheckpointCodec.directions(CheckpointFile.read(file, "directions", "hash"), "key"));
    assertThat(tried).isEqualTo(3 * MUTATIONS);
  }

  /** Reads {@link #MUTATIONS} mutations of {@code valid}; returns how many were tried. */
  private int fuzz(byte[] valid, String name, Reader reader) throws Exception {
    Random random = new Random(name.hashCode());
    Path file = dir.resolve(name);
    List<String> failures = new ArrayList<>();
    int tried = 0;
    for (int i = 0; i < MUTATIONS; i++) {
      byte[] input = mutate(valid, random);
      Files.write(file, input);
      Future<?> read = WORKER.submit(() -> {
        reader.read(file);
        return null;
      });
      tried++;
      try {
        read.get(SECONDS_PER_INPUT, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable thrown = e.getCause();
        if (!(thrown instanceof DeltascapeException)) {
          failures.add("mutation " + i + ": " + thrown);
        } else if (EXCEPTION_NAME.matcher(thrown.getMessage()).find()) {
          failures.add("mutation " + i + " names an exception class: " + thrown.getMessage());
        }
      } catch (java.util.concurrent.TimeoutException e) {
        read.cancel(true);
        failures.add("mutation " + i + " did not finish in " + SECONDS_PER_INPUT + " s");
      }
    }
    assertThat(failures).as(name).isEmpty();
    return tried;
  }

  private static byte[] mutate(byte[] valid, Random random) throws IOException {
    byte[] bytes = valid.clone();
    switch (random.nextInt(6)) {
      case 0 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
      case 1 -> {
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
          bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case 2 -> {
        int at = random.nextInt(Math.max(1, bytes.length - 8));
        for (int j = at; j < Math.min(bytes.length, at + 4 + random.nextInt(5)); j++) {
          bytes[j] = (byte) (random.nextBoolean() ? 0xff : 0x7f);
        }
      }
      case 3 -> {
        byte[] garbage = new byte[random.nextInt(64)];
        random.nextBytes(garbage);
        int at = random.nextInt(bytes.length + 1);
        byte[] joined = new byte[bytes.length + garbage.length];
        System.arraycopy(bytes, 0, joined, 0, at);
        System.arraycopy(garbage, 0, joined, at, garbage.length);
        System.arraycopy(bytes, at, joined, at + garbage.length, bytes.length - at);
        bytes = joined;
      }
      case 4 -> {
        bytes = new byte[random.nextInt(256)];
        random.nextBytes(bytes);
      }
      default -> {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String digits = Long.toString(Math.abs(random.nextLong())) + "9999999999";
        text = random.nextBoolean() ? text.replaceFirst("[0-9]+", digits)
            : text.replaceFirst("\\(([0-9]+)", "(" + digits);
        bytes = text.getBytes(StandardCharsets.ISO_8859_1);
      }
    }
    return bytes;
  }
}
