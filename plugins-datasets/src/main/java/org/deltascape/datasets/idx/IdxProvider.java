package org.deltascape.datasets.idx;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.DatasetContext;
import org.deltascape.api.DatasetProvider;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.LoadedData;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.datasets.ArrayDataset;
import org.deltascape.datasets.Fingerprint;
import org.deltascape.datasets.KeyedSettings;
import org.deltascape.datasets.RowOrder;

/**
 * The IDX dataset providers ({@code mnist}, {@code fashion-mnist}, {@code idx}): four files,
 * images and labels of a train and a test split, found locally ({@link IdxLocator}) or downloaded
 * ({@link MirrorDownload}), checked ({@link IdxFile}, {@link IdxSplit}) and, where checksums are
 * configured, verified by the SHA-256 of their decompressed bytes.
 *
 * <p>{@code split} picks the examples the experiment uses; the other split becomes the test split
 * (in file order, whole). The chosen split is put in {@code order} (the file's, or shuffled with
 * the run's data seed through the stream {@code (seed, "dataset/<id>/order", 0)}), then cut to its
 * first {@code limit} examples. Pixels are kept as bytes and mapped by {@code normalize} when a
 * batch is built.
 *
 * <p>{@link org.deltascape.api.Dataset#sha256()} of a split is the SHA-256 of the text {@code
 * "<sha256>  <images file>\n<sha256>  <labels file>\n"} ({@code sha256sum} format, the SHA-256s of
 * the decompressed files, the configured names): a function of the source bytes only; order,
 * limit and normalisation are in the config that provenance records next to it.
 */
public abstract class IdxProvider implements DatasetProvider {
  static final String MISSING = "%s is not in any of %s";
  static final String BAD_NORMALIZE = Normalization.EXPECTED;
  static final String BAD_FILES = "expected 4 file names: train images, train labels, test"
      + " images, test labels";
  static final String BAD_SHA256 =
      "expected no checksums or 4 SHA-256s of 64 hex digits, one per file";
  static final String TOO_LARGE_LIMIT = "is more than the %d examples of the %s split";

  private final IdxSpec spec;
  private final Map<String, String> environment;
  private final Path home;
  private final List<Path> systemDirs;

  /**
   * @param spec the dataset's files and defaults
   * @param environment where {@code DELTASCAPE_DATA} is read from
   * @param home the user's home folder, for {@code ~/.cache/deltascape/<id>}
   * @param systemDirs folders searched last (the spec's, or others in tests)
   */
  protected IdxProvider(
      IdxSpec spec, Map<String, String> environment, Path home, List<Path> systemDirs) {
    this.spec = spec;
    this.environment = Map.copyOf(environment);
    this.home = home;
    this.systemDirs = List.copyOf(systemDirs);
  }

  /** The process's environment and home, and the spec's system folders. */
  protected IdxProvider(IdxSpec spec) {
    this(spec, System.getenv(), Path.of(System.getProperty("user.home")), spec.systemDirs());
  }

  @Override
  public String id() {
    return spec.id();
  }

  @Override
  public String description() {
    return spec.description();
  }

  @Override
  public List<ConfigKey> configKeys() {
    List<ConfigKey> keys = new ArrayList<>();
    keys.add(ConfigKey.string("dir", null, "folder searched first for the files; downloads go there"));
    keys.add(ConfigKey.bool("download", true, "download missing files from the mirrors"));
    keys.add(ConfigKey.strings("mirrors", spec.mirrors(), "base URLs to download files from, in order"));
    ConfigKey files = ConfigKey.strings(
        "files", spec.files().isEmpty() ? null : spec.files(),
        "train images, train labels, test images, test labels (without .gz)");
    keys.add(spec.files().isEmpty() ? files.mandatory() : files);
    keys.add(ConfigKey.strings("sha256", spec.sha256(), "SHA-256 of each decompressed file, in the order of files"));
    keys.add(ConfigKey.choice("split", "train", "the split the experiment uses; the other one is the test split", "train", "test"));
    keys.add(ConfigKey.integer("limit", null, "keep the first N examples after ordering").atLeast(1));
    keys.add(ConfigKey.choice("order", "natural", "the files' order, or shuffled with the run's data seed", "natural", "shuffled"));
    keys.add(ConfigKey.any("normalize", spec.normalize(), "unit (pixels/255) or {mean: M, std: S} of pixels/255"));
    keys.add(ConfigKey.bool("flatten", true, "input shape [rows·columns] (true) or [1, rows, columns]"));
    keys.add(ConfigKey.integer("timeout-seconds", 60, "HTTP connect and response timeout").atLeast(1));
    if (spec.classes() == 0) {
      keys.add(ConfigKey.integer("classes", null, "classes (default: the largest label + 1)").atLeast(2));
    }
    return List.copyOf(keys);
  }

  @Override
  public LoadedData load(Settings settings, DatasetContext context) {
    KeyedSettings config = new KeyedSettings(settings, configKeys());
    Normalization normalization = Normalization.parse(config.value("normalize"));
    if (normalization == null) {
      throw config.invalid("normalize", BAD_NORMALIZE, "Write normalize: unit or normalize: {mean: 0.5, std: 0.25}");
    }
    List<String> files = config.optionalStrings("files");
    if (files.size() != 4) {
      throw config.invalid("files", BAD_FILES, "List the 4 file names");
    }
    List<String> checksums = config.optionalStrings("sha256");
    if (!(checksums.isEmpty() || checksums.size() == 4 && checksums.stream().allMatch(Fingerprint::isSha256))) {
      throw config.invalid("sha256", BAD_SHA256, "List 4 checksums or none");
    }
    String dir = config.optionalString("dir");
    IdxLocator locator = new IdxLocator(
        id(), dir == null ? null : Path.of(dir), environment, home, systemDirs);
    Duration timeout = Duration.ofSeconds(config.integer("timeout-seconds"));
    MirrorDownload download = config.bool("download")
        ? new MirrorDownload(MirrorDownload.client(timeout), timeout, context.progress())
        : null;
    List<String> notes = new ArrayList<>();
    IdxFile[] read = new IdxFile[4];
    for (int i = 0; i < 4; i++) {
      String expected = checksums.isEmpty() ? null : checksums.get(i).toLowerCase(Locale.ROOT);
      read[i] = obtain(files.get(i), i % 2 == 0 ? 3 : 1, expected, locator, download, config);
      notes.add(id() + ": " + read[i].path() + ": decompressed SHA-256 " + read[i].sha256()
          + (expected == null ? " (no checksum configured: structure checked only)" : " (verified)"));
    }
    boolean train = config.string("split").equals("train");
    IdxSplit chosen = new IdxSplit(read[train ? 0 : 2], read[train ? 1 : 3], files.get(train ? 0 : 2), files.get(train ? 1 : 3));
    IdxSplit other = new IdxSplit(read[train ? 2 : 0], read[train ? 3 : 1], files.get(train ? 2 : 0), files.get(train ? 3 : 1));
    String sizeReason = spec.imageRows() > 0
        ? id() + " images are " + spec.imageRows() + "×" + spec.imageColumns()
        : "the images of " + chosen.images().path() + " are " + chosen.rows() + "×" + chosen.columns();
    chosen.check(spec.imageRows(), spec.imageColumns(), sizeReason);
    other.check(spec.imageRows() > 0 ? spec.imageRows() : chosen.rows(),
        spec.imageColumns() > 0 ? spec.imageColumns() : chosen.columns(), sizeReason);
    int classes = classes(config, chosen, other);
    String chosenName = config.string("split");
    ArrayDataset used = chosen.dataset(id() + "/" + chosenName, classes, normalization);
    ArrayDataset test = other.dataset(id() + "/" + (train ? "test" : "train"), classes, normalization);
    used = ordered(used, config, context, notes, chosenName);
    if (!config.bool("flatten")) {
      used = used.reshaped(List.of(1, chosen.rows(), chosen.columns()));
      test = test.reshaped(List.of(1, chosen.rows(), chosen.columns()));
    }
    notes.add(id() + ": normalize " + normalization.text());
    return new LoadedData(used, test, notes);
  }

  private int classes(KeyedSettings config, IdxSplit chosen, IdxSplit other) {
    if (spec.classes() > 0) {
      return spec.classes();
    }
    Integer given = config.optionalInteger("classes");
    return given != null ? given : Math.max(2, Math.max(chosen.maxLabel(), other.maxLabel()) + 1);
  }

  private ArrayDataset ordered(
      ArrayDataset data, KeyedSettings config, DatasetContext context, List<String> notes, String split) {
    Integer limit = config.optionalInteger("limit");
    if (limit != null && limit > data.size()) {
      throw config.invalid("limit", String.format(TOO_LARGE_LIMIT, data.size(), split),
          "Use a limit of at most " + data.size());
    }
    boolean shuffled = config.string("order").equals("shuffled");
    if (!shuffled && limit == null) {
      return data;
    }
    int[] order = shuffled
        ? RowOrder.shuffled(data.size(), new RandomKey(context.seed(), "dataset/" + id() + "/order", 0))
        : RowOrder.natural(data.size());
    int kept = limit == null ? data.size() : limit;
    notes.add(id() + ": " + (shuffled ? "shuffled with data seed " + context.seed() + ", " : "")
        + "kept the first " + kept + " of " + data.size() + " examples");
    return data.select(data.name(), RowOrder.head(order, kept));
  }

  private IdxFile obtain(String name, int dimensions, String expected, IdxLocator locator,
      MirrorDownload download, KeyedSettings config) {
    String what = dimensions == 1 ? "labels" : "images";
    Optional<Path> found = locator.find(name);
    if (found.isPresent()) {
      IdxFile file = IdxFile.read(found.get(), dimensions, what);
      if (expected != null && !file.sha256().equals(expected)) {
        throw IdxFault.of(file.path(), IdxFault.CHECKSUM, file.sha256(), file.bytes().length, expected);
      }
      return file;
    }
    String where = "dataset " + id();
    if (download == null) {
      throw new DeltascapeException(String.format(MISSING, name, locator.searchDirs()), where,
          "Put the file (gzipped or not) in one of these folders, or set download: true");
    }
    String remote = name.endsWith(".gz") ? name : name + ".gz";
    return download.fetch(remote, locator.downloadDir().resolve(remote),
        config.optionalStrings("mirrors"), dimensions, expected, where);
  }
}
