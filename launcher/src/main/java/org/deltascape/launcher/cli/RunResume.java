package org.deltascape.launcher.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deltascape.api.ConfigException;
import org.deltascape.api.ConfigProblem;
import org.deltascape.api.DeltascapeException;
import org.deltascape.launcher.checkpoint.RunCheckpoint;
import org.deltascape.launcher.checkpoint.StoredRun;
import org.deltascape.launcher.config.ConfigDifferences;
import org.deltascape.launcher.config.ConfigLoader;
import org.deltascape.launcher.config.ConfigNode;
import org.deltascape.launcher.config.ConfigOverrides;
import org.deltascape.launcher.config.SweepPlan;
import org.deltascape.launcher.config.YamlReader;
import org.deltascape.launcher.discovery.PluginCatalog;

/**
 * What {@code run --resume RUN_DIR} needs before the experiment runs again: the config kept in
 * the run folder (or the one given, which must not differ), the stage the run had reached, and
 * whether there is anything left to do.
 */
final class RunResume {

  /** A folder without a checkpoint to resume. */
  static final String NOTHING_TO_RESUME = "the folder holds no checkpoint of a run to resume";

  /** A finished run. */
  static final String FINISHED = "%s: the run is finished; there is nothing to resume";

  /** One differing key of a changed config. */
  static final String CHANGED_KEY = "differs from the run being resumed: was %s, now %s";

  /** What to do about a changed config. */
  static final String CHANGED_FIX =
      "resume without changes, or start a new run with another --output";

  private RunResume() {}

  /** Whether the run in {@code folder} is finished (its results are written). */
  static boolean finished(Path folder) {
    return Files.exists(folder.resolve("summary.json"))
        && RunCheckpoint.stage(folder).map(RunCheckpoint.FINISHED::equals).orElse(true);
  }

  /**
   * The config of the run in {@code folder}, refusing a changed one.
   *
   * @param config a config file given on the command line, or null
   * @param overrides {@code --set} strings given on the command line
   * @throws ConfigException naming every key that differs from the run's config
   */
  static ConfigLoader.Loaded load(PluginCatalog catalog, Path folder, StoredRun stored, Path config,
      List<String> overrides, List<Path> pluginFolders) {
    if (!Files.exists(StoredRun.configPath(folder))) {
      throw new DeltascapeException(NOTHING_TO_RESUME, folder.toString(),
          "Start the run afresh (with --force if the folder holds results)");
    }
    List<Path> folders = new ArrayList<>(pluginFolders);
    stored.pluginFolders().forEach(path -> folders.add(Path.of(path)));
    Path file = stored.configFile() == null ? null : Path.of(stored.configFile());
    ConfigNode tree = YamlReader.read(StoredRun.configPath(folder));
    ConfigLoader.Loaded kept =
        ConfigLoader.load(catalog, tree, stored.defaultName(), file, folders);
    refuseChanges(stored, kept.plan(), "the run's kept config (--set)", kept.plan());
    if (config == null && file != null && Files.isRegularFile(file)) {
      ConfigLoader.Loaded edited = ConfigLoader.load(catalog, file, stored.overrides(), folders);
      refuseChanges(stored, edited.plan(), file.toString(), kept.plan());
    }
    if (!overrides.isEmpty() || config != null) {
      ConfigLoader.Loaded given = config != null
          ? ConfigLoader.load(catalog, config, overrides, folders)
          : ConfigLoader.load(catalog, ConfigOverrides.apply(tree, overrides), stored.defaultName(),
              file, folders);
      refuseChanges(stored, given.plan(), config != null ? config.toString() : "--set", kept.plan());
    }
    return kept;
  }

  /** The {@code resumed} record of summary.json. */
  static Map<String, Object> record(String stage, long samplesReused) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("stage", stage);
    record.put("samples_reused", samplesReused);
    return record;
  }

  private static void refuseChanges(StoredRun stored, SweepPlan given, String where, SweepPlan kept) {
    List<ConfigProblem> problems = new ArrayList<>();
    int points = Math.max(stored.canonicals().size(), given.points().size());
    for (int i = 0; i < points; i++) {
      String before = i < stored.canonicals().size() ? stored.canonicals().get(i) : "{}";
      String after = i < given.points().size() ? given.points().get(i).config().canonical() : "{}";
      for (ConfigDifferences.Difference difference : ConfigDifferences.between(before, after)) {
        String key = (points > 1 ? "point " + i + ": " : "") + difference.key();
        problems.add(new ConfigProblem(where, key, String.format(java.util.Locale.ROOT,
            CHANGED_KEY, difference.before(), difference.after()), CHANGED_FIX));
      }
    }
    if (!given.keys().equals(kept.keys())) {
      problems.add(new ConfigProblem(where, "sweep", String.format(java.util.Locale.ROOT,
          CHANGED_KEY, kept.keys(), given.keys()), CHANGED_FIX));
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }
}
