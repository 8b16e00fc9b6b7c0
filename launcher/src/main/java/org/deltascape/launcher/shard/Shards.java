package org.deltascape.launcher.shard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Directions;
import org.deltascape.api.PartialSums;
import org.deltascape.launcher.checkpoint.CheckpointContents;
import org.deltascape.launcher.checkpoint.CheckpointFile;
import org.deltascape.launcher.checkpoint.RunCheckpoint;
import org.deltascape.launcher.checkpoint.StoredRun;
import org.deltascape.launcher.config.ConfigLoader;
import org.deltascape.launcher.config.YamlReader;
import org.deltascape.launcher.discovery.PluginCatalog;
import org.deltascape.launcher.engine.Experiment;
import org.deltascape.launcher.engine.MonteCarloJob;
import org.deltascape.launcher.engine.RunJournal;
import org.deltascape.launcher.output.RunWriter;

/**
 * Shards of a run and their merge. {@code run CONFIG --shard i/n} computes the i-th of n disjoint
 * ranges of the run's Monte Carlo blocks into a shard folder: its checkpoints (the config, the
 * fits and directions it needed), one {@code blocks-<point>-<space>.ckpt} per pass it has blocks
 * in, and last {@code shard.json}, which marks it finished. {@code merge} checks that the shards
 * are the n shards of one config, each once, restores their fits, directions and blocks, folds
 * every pass's blocks in index order, and computes the rest of the run: the results are those of
 * a single run of the config, byte for byte, whatever n.
 */
public final class Shards {

  /** The file that marks a finished shard. */
  public static final String MANIFEST = "shard.json";

  static final String FORMAT = "deltascape-shard";

  static final String NOT_A_SHARD = "the folder holds no finished shard (no %s)";

  static final String NOT_A_SHARD_FIX =
      "Run the shard to the end (deltascape run CONFIG --shard i/n --output %s), then merge";

  static final String BAD_MANIFEST = "the shard's %s cannot be read: %s";

  static final String OTHER_CONFIG = "the shards are of different configs: %s";

  static final String OTHER_CONFIG_FIX = "Merge the shards of one config only; shards of one run"
      + " are made with the same config file, --set values and plugins";

  static final String OTHER_COUNT = "the shards split the run differently: %s";

  static final String OTHER_THREADS = "the shards ran with different ND4J thread counts, which"
      + " can change the rounding of parallel sums: %s";

  static final String DUPLICATE = "shard %d/%d appears twice: %s and %s";

  static final String DUPLICATE_FIX = "Give each shard once";

  static final String MISSING = "%s of %d missing: %s";

  static final String MISSING_FIX = "Run the missing shards (deltascape run CONFIG --shard i/%d"
      + " --output DIR for each i), then merge all %d folders";

  static final String CHANGED = "the shards' config no longer binds to the same plan (a plugin"
      + " or the launcher changed since the shards ran)";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Shards() {}

  /** A finished shard, as its manifest describes it. */
  record Shard(Path folder, int index, int count, String configHash, int threads,
      List<int[]> slices, List<String> sliceSpaces) {}

  /**
   * A shard: computes its share of the plan's Monte Carlo blocks into {@code folder}, keeping the
   * fits and directions it needs in its checkpoints, and writes {@code shard.json} last. A shard
   * of the same config that was interrupted in the folder gives back its fits and directions.
   */
  public static void run(Experiment experiment, ConfigLoader.Loaded loaded, StoredRun stored,
      ShardSpec spec, Path folder) {
    deleteManifest(folder);
    RunCheckpoint checkpoint = sameConfig(folder, stored.planHash())
        ? RunCheckpoint.resume(folder, stored) : RunCheckpoint.start(folder, stored);
    ShardShare share = new ShardShare(folder, stored.planHash(),
        experiment.passes(loaded.plan()), spec);
    experiment.runBlocks(loaded.plan(), folder, checkpoint, share);
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("format", FORMAT);
    manifest.put("shard", spec.index());
    manifest.put("of", spec.count());
    manifest.put("config_sha256", stored.planHash());
    manifest.put("name", loaded.config().name());
    manifest.put("nd4j_threads", org.deltascape.launcher.engine.ThreadPolicy.current());
    List<Map<String, Object>> passes = new ArrayList<>();
    for (ShardShare.Slice slice : share.slices()) {
      Map<String, Object> pass = new LinkedHashMap<>();
      pass.put("point", slice.pass().point());
      pass.put("space", slice.pass().space());
      pass.put("blocks", slice.pass().blocks());
      pass.put("from", slice.from());
      pass.put("to", slice.to());
      passes.add(pass);
    }
    manifest.put("passes", passes);
    checkpoint.finish();
    RunWriter.writeJson(folder.resolve(MANIFEST), manifest);
  }

  /** Whether {@code folder} holds a finished shard. */
  public static boolean finished(Path folder) {
    return Files.isRegularFile(folder.resolve(MANIFEST));
  }

  /**
   * The merge of shard folders.
   *
   * @param loaded the run's config, bound again from the first shard's kept config
   * @param journal the shards' fits, directions and every pass's folded blocks
   * @param record what {@code summary.json} records about the merge
   */
  public record Merge(ConfigLoader.Loaded loaded, RunJournal journal, Map<String, Object> record) {}

  /**
   * Opens the shards of one run for merging.
   *
   * @param pluginFolders plugin folders given to the merge command (besides the shards' own)
   * @throws DeltascapeException naming the shards that are unfinished, of another config,
   *     duplicated or missing
   */
  public static Merge open(List<Path> folders, PluginCatalog catalog, List<Path> pluginFolders) {
    List<Shard> shards = new ArrayList<>();
    for (Path folder : folders) {
      shards.add(read(folder));
    }
    refuseMixed(shards, Shard::configHash, hash -> " of config " + hash.substring(0, 12),
        OTHER_CONFIG, OTHER_CONFIG_FIX);
    refuseMixed(shards, Shard::count, count -> " of " + count, OTHER_COUNT,
        "Merge the n shards of one --shard i/n split");
    refuseMixed(shards, Shard::threads, threads -> " with " + threads, OTHER_THREADS,
        "Run every shard with the same --threads");
    int count = shards.get(0).count();
    Shard[] byIndex = new Shard[count + 1];
    for (Shard shard : shards) {
      Shard other = byIndex[shard.index()];
      if (other != null) {
        throw new DeltascapeException(String.format(Locale.ROOT, DUPLICATE, shard.index(), count,
            other.folder(), shard.folder()), "merge", DUPLICATE_FIX);
      }
      byIndex[shard.index()] = shard;
    }
    List<String> missing = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      if (byIndex[i] == null) {
        missing.add(i + "/" + count);
      }
    }
    if (!missing.isEmpty()) {
      throw new DeltascapeException(String.format(Locale.ROOT, MISSING,
          missing.size() == 1 ? "1 shard" : missing.size() + " shards", count,
          String.join(", ", missing)), "merge",
          String.format(Locale.ROOT, MISSING_FIX, count, count));
    }
    Shard first = byIndex[1];
    StoredRun stored = StoredRun.read(first.folder());
    List<Path> plugins = new ArrayList<>(pluginFolders);
    stored.pluginFolders().forEach(folder -> plugins.add(Path.of(folder)));
    ConfigLoader.Loaded loaded = ConfigLoader.load(catalog,
        YamlReader.read(StoredRun.configPath(first.folder())), stored.defaultName(),
        stored.configFile() == null ? null : Path.of(stored.configFile()), plugins);
    if (!RunCheckpoint.hash(loaded.plan()).equals(first.configHash())) {
      throw new DeltascapeException(CHANGED, first.folder().toString(),
          "Merge with the launcher and plugins the shards ran with, or run the shards again");
    }
    List<Shard> ordered = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ordered.add(byIndex[i]);
    }
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("shards", count);
    record.put("config_sha256", first.configHash());
    return new Merge(loaded, new MergedJournal(ordered, stored), Map.of("merged", record));
  }

  /**
   * Refuses shards that differ in {@code property}, naming each group of folders (in the order
   * given) with its value.
   *
   * @param message the fault's template, whose one {@code %s} takes the groups
   */
  private static <T> void refuseMixed(List<Shard> shards, java.util.function.Function<Shard, T> property,
      java.util.function.Function<T, String> value, String message, String fix) {
    Map<T, List<Shard>> groups = new LinkedHashMap<>();
    shards.forEach(shard -> groups.computeIfAbsent(property.apply(shard), v -> new ArrayList<>())
        .add(shard));
    if (groups.size() > 1) {
      List<String> named = new ArrayList<>();
      groups.forEach((v, group) -> named.add(names(group) + value.apply(v)));
      throw new DeltascapeException(String.format(Locale.ROOT, message, String.join("; ", named)),
          "merge", fix);
    }
  }

  private static Shard read(Path folder) {
    Path file = folder.resolve(MANIFEST);
    if (!Files.isRegularFile(file)) {
      throw new DeltascapeException(String.format(Locale.ROOT, NOT_A_SHARD, MANIFEST),
          folder.toString(), String.format(Locale.ROOT, NOT_A_SHARD_FIX, folder));
    }
    try {
      JsonNode node = JSON.readTree(file.toFile());
      if (node == null || !FORMAT.equals(node.path("format").asText())) {
        throw new IOException("it is not a deltascape shard manifest");
      }
      int index = node.path("shard").asInt(-1);
      int count = node.path("of").asInt(-1);
      String hash = node.path("config_sha256").asText("");
      if (count < 1 || index < 1 || index > count || !hash.matches("[0-9a-f]{64}")) {
        throw new IOException("its shard, of or config_sha256 is missing or out of range");
      }
      List<int[]> slices = new ArrayList<>();
      List<String> spaces = new ArrayList<>();
      for (JsonNode pass : node.path("passes")) {
        slices.add(new int[] {pass.path("point").asInt(), pass.path("blocks").asInt(),
            pass.path("from").asInt(), pass.path("to").asInt()});
        spaces.add(pass.path("space").asText());
      }
      return new Shard(folder, index, count, hash, node.path("nd4j_threads").asInt(1), slices,
          spaces);
    } catch (IOException e) {
      throw new DeltascapeException(String.format(Locale.ROOT, BAD_MANIFEST, MANIFEST,
          e.getMessage()), file.toString(), "Run the shard again (with --force)");
    }
  }

  private static String names(List<Shard> shards) {
    List<String> names = new ArrayList<>();
    shards.forEach(shard -> names.add(shard.folder() + " (" + shard.index() + "/" + shard.count() + ")"));
    return String.join(", ", names);
  }

  private static boolean sameConfig(Path folder, String planHash) {
    try {
      return Files.exists(StoredRun.configPath(folder))
          && StoredRun.read(folder).planHash().equals(planHash);
    } catch (DeltascapeException e) {
      return false; // a damaged or foreign checkpoint is started afresh
    }
  }

  private static void deleteManifest(Path folder) {
    try {
      Files.deleteIfExists(folder.resolve(MANIFEST));
    } catch (IOException e) {
      throw new DeltascapeException("the shard folder's old " + MANIFEST + " cannot be removed",
          folder.toString(), "Remove it by hand and run the shard again");
    }
  }

  /**
   * The shards as a run journal: fits and directions from whichever shard kept them, every pass's
   * blocks folded in index order; it keeps nothing.
   */
  private static final class MergedJournal implements RunJournal {
    private final List<Shard> shards;
    private final List<RunCheckpoint> checkpoints = new ArrayList<>();

    MergedJournal(List<Shard> shards, StoredRun stored) {
      this.shards = shards;
      shards.forEach(shard -> checkpoints.add(RunCheckpoint.resume(shard.folder(), stored)));
    }

    @Override
    public Optional<SavedFit> savedFit(String fitKey) {
      for (RunCheckpoint checkpoint : checkpoints) {
        Optional<SavedFit> fit = checkpoint.savedFit(fitKey);
        if (fit.isPresent()) {
          return fit;
        }
      }
      return Optional.empty();
    }

    @Override
    public void fitDone(String fitKey, SavedFit fit) {}

    @Override
    public Optional<Map.Entry<Directions, Integer>> savedDirections(String key) {
      for (RunCheckpoint checkpoint : checkpoints) {
        Optional<Map.Entry<Directions, Integer>> directions = checkpoint.savedDirections(key);
        if (directions.isPresent()) {
          return directions;
        }
      }
      return Optional.empty();
    }

    @Override
    public void directionsDone(String key, Directions directions, int products) {}

    @Override
    public Progress monteCarlo(int point, String space) {
      TreeMap<Integer, Map<String, PartialSums>> blocks = new TreeMap<>();
      int samples = 0;
      int passBlocks = -1;
      List<String> holders = new ArrayList<>();
      for (Shard shard : shards) {
        for (int i = 0; i < shard.slices().size(); i++) {
          int[] slice = shard.slices().get(i);
          if (slice[0] != point || !shard.sliceSpaces().get(i).equals(space)) {
            continue;
          }
          passBlocks = slice[1];
          holders.add(shard.folder().toString());
          Path file = ShardShare.file(shard.folder(), point, space);
          CheckpointContents contents = CheckpointFile.read(file, ShardShare.KIND, shard.configHash());
          CheckpointContents.Fields fields = contents.fields();
          JsonNode meta = contents.meta();
          samples = (int) fields.integer(meta, "samples", 1, Integer.MAX_VALUE);
          int firstBlock = (int) fields.integer(meta, "first_block", slice[2], slice[2]);
          int count = (int) fields.integer(meta, "blocks", slice[3] - slice[2], slice[3] - slice[2]);
          List<String> ids = new ArrayList<>();
          fields.list(meta, "estimators").forEach(id -> ids.add(id.asText()));
          for (int block = firstBlock; block < firstBlock + count; block++) {
            Map<String, PartialSums> sums = new LinkedHashMap<>();
            long first = (long) block * MonteCarloJob.BLOCK;
            long inBlock = Math.min(MonteCarloJob.BLOCK, samples - first);
            for (String id : ids) {
              sums.put(id, new PartialSums(id, first, inBlock, contents.array(id + "#" + block)));
            }
            if (blocks.put(block, sums) != null) {
              throw new DeltascapeException("block " + block + " of space " + space + " of point "
                  + point + " is in two shards: " + String.join(", ", holders), "merge",
                  DUPLICATE_FIX);
            }
          }
        }
      }
      if (passBlocks < 0) {
        return Progress.NONE;
      }
      for (int block = 0; block < passBlocks; block++) {
        if (!blocks.containsKey(block)) {
          throw new DeltascapeException("block " + block + " of space " + space + " of point "
              + point + " is in no shard", "merge",
              "Merge all n shards of one --shard i/n split");
        }
      }
      Map<String, PartialSums> totals = new LinkedHashMap<>();
      blocks.values().forEach(block -> block.forEach((id, sums) -> totals.merge(id, sums,
          PartialSums::then)));
      return new Progress(samples, totals);
    }

    @Override
    public void monteCarloProgress(int point, String space, int samplesDone, int samples,
        Map<String, PartialSums> sums) {}
  }
}
