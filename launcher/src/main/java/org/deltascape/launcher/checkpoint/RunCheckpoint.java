package org.deltascape.launcher.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Directions;
import org.deltascape.api.PartialSums;
import org.deltascape.launcher.config.SweepPlan;
import org.deltascape.launcher.engine.Provenance;
import org.deltascape.launcher.engine.RunJournal;
import org.deltascape.launcher.output.RunWriter;

/**
 * The checkpoints of one run, in {@code RUN/checkpoint/}:
 *
 * <ul>
 *   <li>{@code config.json}: the config tree as given (after {@code --set}), which a resume reads
 *   <li>{@code run.ckpt}: the config's origin, its hash and each point's canonical config
 *   <li>{@code fit-<key>.ckpt}: w* with its training history (and trajectory, when used)
 *   <li>{@code directions-<key>.ckpt}: a space's directions, spectrum and products used
 *   <li>{@code monte-carlo-<point>-<space>.ckpt}: samples done and every estimator's sums
 *   <li>{@code manifest.json}: the config hash, the stage reached and the samples done
 * </ul>
 *
 * <p>Every file is written atomically; Monte Carlo progress at most every {@link #interval}
 * seconds (system property {@value #INTERVAL_PROPERTY}, default 5) and always at the end of a
 * space. Used from the experiment's thread only.
 */
public final class RunCheckpoint implements RunJournal {

  /** The checkpoint folder inside a run folder. */
  public static final String FOLDER = "checkpoint";

  /** The manifest's name. */
  public static final String MANIFEST = "manifest.json";

  /** Seconds between Monte Carlo checkpoints (a system property, for tests). */
  public static final String INTERVAL_PROPERTY = "deltascape.checkpoint.interval";

  /** The stage of a run whose results are written. */
  public static final String FINISHED = "finished";

  /**
   * What a resume reused.
   *
   * @param stage the stage the interrupted run had reached
   * @param samplesReused Monte Carlo samples whose sums were restored, over all spaces
   */
  public record Resumed(String stage, long samplesReused) {}

  private final Path folder;
  private final String configHash;
  private final double interval;
  private final Map<String, Object> manifest = new LinkedHashMap<>();
  private long lastWrite = System.nanoTime();
  private long samplesReused;

  private RunCheckpoint(Path folder, String configHash) {
    this.folder = folder;
    this.configHash = configHash;
    this.interval = Double.parseDouble(System.getProperty(INTERVAL_PROPERTY, "5"));
  }

  /** The SHA-256 of a plan: its swept keys and every point's canonical config. */
  public static String hash(SweepPlan plan) {
    StringBuilder text = new StringBuilder(String.join(",", plan.keys()));
    plan.points().forEach(point -> text.append('\n').append(point.config().canonical()));
    return Provenance.sha256(text.toString());
  }

  /** Starts the checkpoints of a fresh run, removing those of any earlier run in the folder. */
  public static RunCheckpoint start(Path runFolder, StoredRun run) {
    Path folder = runFolder.resolve(FOLDER);
    deleteTree(folder);
    RunCheckpoint checkpoint = new RunCheckpoint(folder, run.planHash());
    run.write(folder);
    checkpoint.stage("started");
    return checkpoint;
  }

  /** The checkpoints of an interrupted run, to resume it. */
  public static RunCheckpoint resume(Path runFolder, StoredRun run) {
    return new RunCheckpoint(runFolder.resolve(FOLDER), run.planHash());
  }

  /** The stage recorded in a run folder's manifest, or empty when there is none to read. */
  public static Optional<String> stage(Path runFolder) {
    Path file = runFolder.resolve(FOLDER).resolve(MANIFEST);
    try {
      JsonNode stage = new ObjectMapper().readTree(file.toFile()).get("stage");
      return stage != null && stage.isTextual() ? Optional.of(stage.asText()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Marks the run finished (its results are written). */
  public void finish() {
    stage(FINISHED);
  }

  /** Monte Carlo samples restored so far. */
  public long samplesReused() {
    return samplesReused;
  }

  @Override
  public Optional<SavedFit> savedFit(String fitKey) {
    Path file = folder.resolve("fit-" + shortHash(fitKey) + ".ckpt");
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(CheckpointCodec.fit(CheckpointFile.read(file, "fit", configHash), fitKey));
  }

  @Override
  public void fitDone(String fitKey, SavedFit fit) {
    CheckpointCodec.writeFit(folder.resolve("fit-" + shortHash(fitKey) + ".ckpt"), configHash,
        fitKey, fit);
    stage("trained");
  }

  @Override
  public Optional<Map.Entry<Directions, Integer>> savedDirections(String key) {
    Path file = folder.resolve("directions-" + shortHash(key) + ".ckpt");
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(CheckpointCodec.directions(
        CheckpointFile.read(file, "directions", configHash), key));
  }

  @Override
  public void directionsDone(String key, Directions directions, int products) {
    CheckpointCodec.writeDirections(folder.resolve("directions-" + shortHash(key) + ".ckpt"),
        configHash, key, directions, products);
    stage("directions");
  }

  @Override
  public Progress monteCarlo(int point, String space) {
    Path file = monteCarloFile(point, space);
    if (!Files.exists(file)) {
      return Progress.NONE;
    }
    Progress progress = CheckpointCodec.monteCarlo(
        CheckpointFile.read(file, "monte-carlo", configHash), point, space);
    samplesReused += progress.samplesDone();
    return progress;
  }

  @Override
  public void monteCarloProgress(int point, String space, int samplesDone, int samples,
      Map<String, PartialSums> sums) {
    long now = System.nanoTime();
    if (samplesDone < samples && (now - lastWrite) / 1e9 < interval) {
      return;
    }
    CheckpointCodec.writeMonteCarlo(monteCarloFile(point, space), configHash, point, space,
        samplesDone, samples, sums);
    manifest.put("point", point);
    manifest.put("space", space);
    manifest.put("samples_done", samplesDone);
    manifest.put("samples", samples);
    stage("monte-carlo");
    lastWrite = System.nanoTime();
  }

  private Path monteCarloFile(int point, String space) {
    return folder.resolve("monte-carlo-" + point + "-" + space + ".ckpt");
  }

  private void stage(String stage) {
    manifest.put("config_sha256", configHash);
    manifest.put("stage", stage);
    manifest.putIfAbsent("samples_done", 0);
    RunWriter.writeJson(folder.resolve(MANIFEST), reordered());
  }

  private Map<String, Object> reordered() {
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (String key : List.of("config_sha256", "stage", "point", "space", "samples_done", "samples")) {
      if (manifest.containsKey(key)) {
        ordered.put(key, manifest.get(key));
      }
    }
    return ordered;
  }

  static String shortHash(String key) {
    return Provenance.sha256(key).substring(0, 16);
  }

  private static void deleteTree(Path folder) {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (var files = Files.list(folder)) {
      List<Path> all = new ArrayList<>(files.toList());
      for (Path file : all) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new DeltascapeException("cannot remove the checkpoints of an earlier run",
          folder.toString(), "Remove the folder by hand and run again");
    }
  }
}
