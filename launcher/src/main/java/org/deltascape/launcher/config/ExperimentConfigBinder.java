package org.deltascape.launcher.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.deltascape.api.ConfigException;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.PluginChoice;
import org.deltascape.api.Settings;
import org.deltascape.launcher.discovery.PluginRegistry;
import org.deltascape.launcher.discovery.Spi;

/**
 * Binds a config file's tree to an {@link ExperimentConfig}: the experiment's own keys and every
 * plugin section against the keys its plugin declares. All faults are collected and thrown
 * together as one {@link ConfigException}.
 */
public final class ExperimentConfigBinder {

  /** The keys of the {@code training} section. */
  public static final List<ConfigKey> TRAINING_KEYS =
      List.of(
          ConfigKey.choice("optimizer", "adam", "adam or sgd", "adam", "sgd"),
          ConfigKey.real("learning-rate", 1.0e-3, "step size").greaterThan(0),
          ConfigKey.integer("epochs", 10, "passes over the data").atLeast(0),
          ConfigKey.integer("batch-size", 64, "examples per step").atLeast(1),
          ConfigKey.real("momentum", 0.0, "momentum of sgd").atLeast(0).atMost(0.999),
          ConfigKey.real("weight-decay", 0.0, "L2 penalty added to the gradient").atLeast(0));

  /** The experiment's own top-level keys, besides the plugin sections. */
  static final List<ConfigKey> TOP_KEYS =
      List.of(
          ConfigKey.string("name", null, "the experiment's name (the run folder's default name)"),
          ConfigKey.integer("seed", 1, "the seed every other seed defaults to"),
          ConfigKey.integer("orders", 16, "R, data orders, each fixed across all samples").atLeast(1),
          ConfigKey.real("threshold", null, "ε of K(ε), the Δ-sufficient size").greaterThan(0).mandatory(),
          ConfigKey.string("output", null, "the run folder (default runs/<name>)"),
          ConfigKey.choice("precision", "double", "arithmetic of model evaluations", "double", "float"),
          ConfigKey.bool("report", true, "end the run by writing pictures, report.html and table.tex"),
          ConfigKey.bool("paper-compat", false,
              "reproduce the authors' code: only the first direction, data reshuffled per sample"));

  private static final List<ConfigKey> CURVATURE_KEYS =
      List.of(
          ConfigKey.plugin("trace", org.deltascape.api.CurvatureBackend.class, null,
              "estimate tr H(w*) with this backend (e.g. hutchinson)"),
          ConfigKey.plugin("density", org.deltascape.api.CurvatureBackend.class, null,
              "estimate the spectral density of H(w*) into density.csv (e.g. slq)"),
          ConfigKey.any("prefix", null,
              "{backend: lanczos, count: 5, k: [1, 10, 100]}: spectra of H_k into prefix-spectrum.csv"));

  private static final List<ConfigKey> LANDSCAPE_KEYS =
      List.of(
          ConfigKey.integer("grid", 21, "points per axis of the 2-D surfaces and 1-D profiles").atLeast(3),
          ConfigKey.real("radius", 1.0, "the grid spans [-radius, radius] along each direction").greaterThan(0),
          ConfigKey.integers("k", List.of(1, 10, 100, 0), "the k (in steps of b) to draw; 0 means all N"),
          ConfigKey.strings("spaces", List.of(), "the spaces to draw (default: all)"));

  private static final List<ConfigKey> PREFIX_KEYS =
      List.of(
          ConfigKey.plugin("backend", org.deltascape.api.CurvatureBackend.class, "lanczos",
              "the eigensolver, warm-started from one k to the next"),
          ConfigKey.integer("count", 5, "eigenpairs per k").atLeast(1),
          ConfigKey.integers("k", null, "the k values (in steps of b)").mandatory());

  private static final List<ConfigKey> SEED_KEYS =
      List.of(
          ConfigKey.integer("training", null, "initial weights and mini-batches"),
          ConfigKey.integer("order", null, "the data orders"),
          ConfigKey.integer("sampling", null, "θ samples and random directions"));

  private static final List<ConfigKey> K_KEYS =
      List.of(ConfigKey.integer("step", 1, "b, examples per k (the paper's code: 64)").atLeast(1));

  private static final List<ConfigKey> SAMPLER_KEYS =
      List.of(ConfigKey.integer("samples", 1024, "S, θ samples per space").atLeast(2));

  private static final String DEFAULT_SAMPLER = "gaussian";

  /** The authors' block size, which paper-compat uses unless k.step is given. */
  static final int PAPER_STEP = 64;

  private static final Set<String> SECTIONS =
      Set.of("seeds", "dataset", "model", "training", "spaces", "sampler", "estimators", "k",
          "plugins", "curvature", "sweep", "landscape", "engine");

  private final PluginRegistry registry;

  public ExperimentConfigBinder(PluginRegistry registry) {
    this.registry = registry;
  }

  /**
   * Binds a whole config.
   *
   * @param defaultName the name when the config has none (the file's base name)
   * @throws ConfigException with every fault found
   */
  public ExperimentConfig bind(ConfigNode root, String defaultName) {
    SettingsBinder binder = new SettingsBinder(registry);
    Set<String> topNames = new HashSet<>(SECTIONS);
    TOP_KEYS.forEach(key -> topNames.add(key.name()));
    Settings top = binder.keys("", "the experiment", root, TOP_KEYS, SECTIONS);

    Settings seedSettings =
        binder.keys("seeds", "seeds", section(root, "seeds"), SEED_KEYS, Set.of());
    long seed = top.has("seed") ? top.integer("seed") : 1;
    ExperimentConfig.Seeds seeds =
        new ExperimentConfig.Seeds(
            seedSettings.has("training") ? seedSettings.integer("training") : seed,
            seedSettings.has("order") ? seedSettings.integer("order") : seed,
            seedSettings.has("sampling") ? seedSettings.integer("sampling") : seed);

    PluginChoice dataset = required(binder, root, "dataset", Spi.DATASET, Set.of());
    PluginChoice model = required(binder, root, "model", Spi.MODEL, Set.of("weights"));
    String weights = modelWeights(binder, root.get("model"));
    Settings training =
        binder.keys("training", "training", section(root, "training"), TRAINING_KEYS, Set.of());
    List<ExperimentConfig.SpaceSpec> spaces = spaces(binder, root);

    ConfigNode samplerNode = root.get("sampler");
    if (samplerNode == null) {
      samplerNode = ConfigNode.scalar(DEFAULT_SAMPLER, root.where());
    } else if (samplerNode.isMap() && samplerNode.get("id") == null) {
      samplerNode = samplerNode.with("id", ConfigNode.scalar(DEFAULT_SAMPLER, samplerNode.where()));
    }
    PluginChoice sampler = binder.plugin("sampler", samplerNode, Spi.SAMPLER, Set.of("samples"));
    Settings samplerOwn =
        binder.keys("sampler", "sampler", samplerNode.isMap() ? onlyKeys(samplerNode, Set.of("samples"))
            : ConfigNode.map(Map.of(), samplerNode.where()), SAMPLER_KEYS, Set.of());
    List<PluginChoice> estimators = estimators(binder, root);
    Settings k = binder.keys("k", "k", section(root, "k"), K_KEYS, Set.of());
    boolean compat = top.has("paper-compat") && top.bool("paper-compat");
    int step = k.has("step") ? k.integer("step") : 1;
    if (compat && !k.origin("step").startsWith("default")) {
      step = k.integer("step");
    } else if (compat) {
      step = PAPER_STEP;
    }
    if (compat && root.get("orders") != null && top.has("orders") && top.integer("orders") != 1) {
      binder.problem(root.get("orders"), "orders", "paper-compat reshuffles the data for every"
          + " sample, so it takes no fixed orders", "remove orders, or set orders: 1");
    }
    ExperimentConfig.CurvatureSpec curvature = curvature(binder, root.get("curvature"));
    if (sampler != null && samplerOwn.has("samples")) {
      GridSamples.check(binder, samplerNode, sampler, samplerOwn.integer("samples"), spaces);
    }

    ExperimentConfig.LandscapeSpec landscape = landscape(binder, root.get("landscape"));
    if (landscape != null) {
      List<String> names = spaces.stream().map(ExperimentConfig.SpaceSpec::name).toList();
      for (String name : landscape.spaces()) {
        if (!names.contains(name)) {
          binder.problem(root.get("landscape"), "landscape.spaces", "no space is named " + name
              + "; the spaces are " + String.join(", ", names), Suggestions.didYouMean(name, names));
        }
      }
    }
    if (!binder.problems().isEmpty()) {
      throw new ConfigException(binder.problems());
    }
    String name = top.has("name") ? top.string("name") : defaultName;
    ExperimentConfig partial =
        new ExperimentConfig(
            name,
            seeds,
            dataset,
            model,
            weights,
            training,
            spaces,
            sampler,
            samplerOwn.integer("samples"),
            compat ? 1 : top.integer("orders"),
            estimators,
            step,
            top.real("threshold"),
            top.has("output") ? top.string("output") : null,
            top.string("precision"),
            compat,
            curvature,
            landscape,
            top.bool("report"),
            "");
    return withCanonical(partial);
  }

  private static ExperimentConfig.LandscapeSpec landscape(SettingsBinder binder, ConfigNode node) {
    if (node == null) {
      return null;
    }
    Settings settings = binder.keys("landscape", "landscape", node, LANDSCAPE_KEYS, Set.of());
    if (!settings.has("k") || !settings.has("spaces")) {
      return null;
    }
    for (int k : settings.integers("k")) {
      if (k < 0) {
        binder.problem(node, "landscape.k", "expected k values of at least 1 (or 0 for all N), got " + k, null);
      }
    }
    return new ExperimentConfig.LandscapeSpec(settings.integer("grid"), settings.real("radius"),
        settings.integers("k"), settings.strings("spaces"));
  }

  private ExperimentConfig.CurvatureSpec curvature(SettingsBinder binder, ConfigNode node) {
    if (node == null) {
      return ExperimentConfig.CurvatureSpec.NONE;
    }
    Settings settings = binder.keys("curvature", "curvature", node, CURVATURE_KEYS, Set.of());
    ExperimentConfig.PrefixSpectra prefix = null;
    if (node.isMap() && node.get("prefix") != null) {
      Settings own = binder.keys("curvature.prefix", "curvature.prefix", node.get("prefix"),
          PREFIX_KEYS, Set.of());
      if (own.has("k") && own.has("backend")) {
        List<Integer> steps = own.integers("k");
        for (int i = 0; i < steps.size(); i++) {
          if (steps.get(i) < 1 || i > 0 && steps.get(i) <= steps.get(i - 1)) {
            binder.problem(node.get("prefix"), "curvature.prefix.k",
                "expected increasing k values of at least 1, got " + steps, null);
            break;
          }
        }
        prefix = new ExperimentConfig.PrefixSpectra(own.plugin("backend"), own.integer("count"), steps);
      }
    }
    return new ExperimentConfig.CurvatureSpec(
        settings.has("trace") ? settings.plugin("trace") : null,
        settings.has("density") ? settings.plugin("density") : null,
        prefix);
  }

  private static ConfigNode section(ConfigNode root, String key) {
    ConfigNode node = root.get(key);
    return node == null ? ConfigNode.map(Map.of(), root.where()) : node;
  }

  private static ConfigNode onlyKeys(ConfigNode map, Set<String> keys) {
    Map<String, ConfigNode> kept = new LinkedHashMap<>();
    map.entries().forEach((k, v) -> {
      if (keys.contains(k)) {
        kept.put(k, v);
      }
    });
    return ConfigNode.map(kept, map.where());
  }

  private static PluginChoice required(
      SettingsBinder binder, ConfigNode root, String key, Spi spi, Set<String> reserved) {
    ConfigNode node = root.get(key);
    if (node == null) {
      binder.problem(root, key, "missing required key (the " + spi.label() + " plugin)",
          "for example " + key + ": { id: ... }");
      return null;
    }
    return binder.plugin(key, node, spi, reserved);
  }

  private static String modelWeights(SettingsBinder binder, ConfigNode model) {
    if (model == null || !model.isMap() || model.get("weights") == null) {
      return null;
    }
    ConfigNode node = model.get("weights");
    if (node.value() instanceof String path && !path.isBlank()) {
      return path;
    }
    binder.problem(node, "model.weights", "expected the path of a .npy file, got " + node.describe(), null);
    return null;
  }

  private List<ExperimentConfig.SpaceSpec> spaces(SettingsBinder binder, ConfigNode root) {
    ConfigNode node = root.get("spaces");
    List<ExperimentConfig.SpaceSpec> spaces = new ArrayList<>();
    if (node == null) {
      binder.problem(root, "spaces", "missing required key (the low-dimensional spaces)",
          "for example spaces: [{ id: hessian, dim: 10 }]");
      return spaces;
    }
    if (!node.isList() || node.items().isEmpty()) {
      binder.problem(node, "spaces", "expected a non-empty list of spaces, got " + node.describe(), null);
      return spaces;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < node.items().size(); i++) {
      ConfigNode item = node.items().get(i);
      String path = "spaces[" + i + "]";
      PluginChoice choice = binder.plugin(path, item, Spi.SPACE, Set.of("name"));
      String name = choice == null ? null : choice.id();
      ConfigNode nameNode = item.isMap() ? item.get("name") : null;
      if (nameNode != null) {
        if (nameNode.value() instanceof String text && text.matches("[a-z0-9][a-z0-9-]*")) {
          name = text;
        } else {
          binder.problem(nameNode, path + ".name",
              "expected a lower-kebab name (it names output files), got " + nameNode.describe(), null);
          continue;
        }
      }
      if (choice == null) {
        continue;
      }
      if (!names.add(name)) {
        binder.problem(item, path, "two spaces are named " + name,
            "give one of them a name: { id: " + choice.id() + ", name: " + name + "-2, ... }");
        continue;
      }
      spaces.add(new ExperimentConfig.SpaceSpec(name, choice));
    }
    return spaces;
  }

  private List<PluginChoice> estimators(SettingsBinder binder, ConfigNode root) {
    ConfigNode node = root.get("estimators");
    if (node == null) {
      node = ConfigNode.list(
          List.of(ConfigNode.scalar("monte-carlo", root.where()),
              ConfigNode.scalar("permutation-mean", root.where())), root.where());
    }
    List<PluginChoice> estimators = new ArrayList<>();
    if (!node.isList() || node.items().isEmpty()) {
      binder.problem(node, "estimators", "expected a non-empty list of estimators, got " + node.describe(), null);
      return estimators;
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < node.items().size(); i++) {
      PluginChoice choice = binder.plugin("estimators[" + i + "]", node.items().get(i), Spi.ESTIMATOR, Set.of());
      if (choice != null && !ids.add(choice.id())) {
        binder.problem(node.items().get(i), "estimators[" + i + "]", "the estimator " + choice.id()
            + " is listed twice", null);
      } else if (choice != null) {
        estimators.add(choice);
      }
    }
    return estimators;
  }

  private static ExperimentConfig withCanonical(ExperimentConfig c) {
    Map<String, Object> root = new TreeMap<>();
    root.put("name", c.name());
    root.put("seeds", Map.of("training", c.seeds().training(), "order", c.seeds().order(),
        "sampling", c.seeds().sampling()));
    Map<String, Object> model = plain(c.model());
    if (c.weights() != null) {
      model.put("weights", c.weights());
    }
    root.put("dataset", plain(c.dataset()));
    root.put("model", model);
    root.put("training", plain(c.training()));
    List<Object> spaces = new ArrayList<>();
    for (ExperimentConfig.SpaceSpec space : c.spaces()) {
      Map<String, Object> entry = plain(space.plugin());
      entry.put("name", space.name());
      spaces.add(entry);
    }
    root.put("spaces", spaces);
    Map<String, Object> sampler = plain(c.sampler());
    sampler.put("samples", c.samples());
    root.put("sampler", sampler);
    root.put("orders", c.orders());
    root.put("estimators", c.estimators().stream().map(ExperimentConfigBinder::plain).toList());
    root.put("k", Map.of("step", c.step()));
    root.put("threshold", c.threshold());
    root.put("precision", c.precision());
    root.put("paper-compat", c.paperCompat());
    Map<String, Object> curvature = new TreeMap<>();
    if (c.curvature().trace() != null) {
      curvature.put("trace", plain(c.curvature().trace()));
    }
    if (c.curvature().density() != null) {
      curvature.put("density", plain(c.curvature().density()));
    }
    if (c.curvature().prefix() != null) {
      curvature.put("prefix", Map.of("backend", plain(c.curvature().prefix().backend()),
          "count", c.curvature().prefix().count(), "k", c.curvature().prefix().steps()));
    }
    if (!curvature.isEmpty()) {
      root.put("curvature", curvature);
    }
    if (c.landscape() != null) {
      root.put("landscape", Map.of("grid", c.landscape().grid(), "radius", c.landscape().radius(),
          "k", c.landscape().steps(), "spaces", c.landscape().spaces()));
    }
    try {
      String json = CANONICAL.writeValueAsString(root);
      return new ExperimentConfig(c.name(), c.seeds(), c.dataset(), c.model(), c.weights(), c.training(),
          c.spaces(), c.sampler(), c.samples(), c.orders(), c.estimators(), c.step(), c.threshold(),
          c.output(), c.precision(), c.paperCompat(), c.curvature(), c.landscape(), c.report(), json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("canonical config cannot be written", e);
    }
  }

  /** A plugin choice as a sorted plain map: {@code {id: …, key: value, …}}. */
  public static Map<String, Object> plain(PluginChoice choice) {
    Map<String, Object> map = plain(choice.settings());
    map.put("id", choice.id());
    return map;
  }

  /** Settings as a sorted plain map, nested choices expanded. */
  public static Map<String, Object> plain(Settings settings) {
    Map<String, Object> map = new TreeMap<>();
    settings.values().forEach((key, value) ->
        map.put(key, value instanceof PluginChoice nested ? plain(nested) : value));
    return map;
  }

  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
}
