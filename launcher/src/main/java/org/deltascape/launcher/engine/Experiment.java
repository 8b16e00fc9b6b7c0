package org.deltascape.launcher.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deltascape.api.Dataset;
import org.deltascape.api.DatasetContext;
import org.deltascape.api.DatasetProvider;
import org.deltascape.api.DeltaEstimator;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Directions;
import org.deltascape.api.Eigenpairs;
import org.deltascape.api.Estimator;
import org.deltascape.api.LoadedData;
import org.deltascape.api.Model;
import org.deltascape.api.ModelContext;
import org.deltascape.api.ModelProvider;
import org.deltascape.api.Progress;
import org.deltascape.api.Sampler;
import org.deltascape.api.Subspace;
import org.deltascape.launcher.config.ExperimentConfig;
import org.deltascape.launcher.config.ExperimentConfigBinder;
import org.deltascape.launcher.config.SweepPlan;
import org.deltascape.launcher.discovery.PluginRegistry;
import org.deltascape.launcher.report.Landscapes;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The experiment pipeline of DESIGN.md: load the dataset in its fixed order, train the model (or
 * load w*), score it, draw the data orders, then for each space its directions and every
 * estimator's Δ_k ({@link SpaceRun}), the plateau and K(ε). A sweep shares what its points have
 * in common: one w* per distinct data, model and training; one eigen-solve per space (the largest
 * D, when the space is nested in D); per point only what changes.
 */
public final class Experiment {

  /** Examples per data chunk: bounds the memory of every pass over the data. */
  static final int CHUNK = 4096;

  private final PluginRegistry registry;
  private final Progress progress;
  private final MonteCarloExecutor executor;

  /** An experiment that runs everything in this JVM. */
  public Experiment(PluginRegistry registry, Progress progress) {
    this(registry, progress, MonteCarloExecutor.LOCAL);
  }

  /**
   * An experiment whose Monte Carlo blocks are computed by {@code executor} (the caller closes
   * it).
   */
  public Experiment(PluginRegistry registry, Progress progress, MonteCarloExecutor executor) {
    this.registry = registry;
    this.progress = progress;
    this.executor = executor;
  }

  /** Runs one experiment; writes nothing (see the output writers). */
  public RunResult run(ExperimentConfig config, Path folder) {
    return run(new SweepPlan(List.of(), List.of(new SweepPlan.Point(Map.of(), config))), folder).get(0);
  }

  /** Runs every point of a plan, in order; writes nothing. */
  public List<RunResult> run(SweepPlan plan, Path folder) {
    return run(plan, folder, RunJournal.NONE);
  }

  /**
   * Runs every point of a plan, in order, keeping each stage's products in {@code journal} and
   * taking from it what an interrupted run of the same plan already computed; writes no results.
   */
  public List<RunResult> run(SweepPlan plan, Path folder, RunJournal journal) {
    Map<String, Fit> fits = new HashMap<>();
    Map<String, SpaceRun.Built> directions = new HashMap<>();
    Map<String, Integer> largest = largestDimensions(plan);
    List<RunResult> results = new ArrayList<>();
    for (int index = 0; index < plan.points().size(); index++) {
      SweepPlan.Point point = plan.points().get(index);
      ExperimentConfig config = point.config();
      Stopwatch clock = new Stopwatch();
      String fitKey = fitKey(config);
      Fit fit = fits.get(fitKey);
      if (fit == null) {
        List<ExperimentConfig> sharing = plan.points().stream().map(SweepPlan.Point::config)
            .filter(other -> fitKey(other).equals(fitKey)).toList();
        fit = fit(config, sharing, fitKey, journal, folder, clock);
        fits.put(fitKey, fit);
      }
      results.add(runPoint(index, point, fit, fitKey, directions, largest, clock, folder, journal));
    }
    return results;
  }

  /**
   * A pass of one space of one point that takes loss samples.
   *
   * @param point the point's index
   * @param space the space's name
   * @param blocks the pass's blocks of {@value MonteCarloPass#BLOCK} samples
   */
  public record Pass(int point, String space, int blocks) {}

  /**
   * Every Monte Carlo pass of a plan, in the order a run computes them (points, then spaces);
   * spaces whose estimators take no loss samples have none.
   */
  public List<Pass> passes(SweepPlan plan) {
    List<Pass> passes = new ArrayList<>();
    for (int index = 0; index < plan.points().size(); index++) {
      ExperimentConfig config = plan.points().get(index).config();
      boolean sampled = config.estimators().stream().anyMatch(choice -> registry
          .require(DeltaEstimator.class, choice.id()).create(choice.settings()).inputs()
          .contains(org.deltascape.api.EstimatorInput.LOSS_SAMPLES));
      if (!sampled) {
        continue;
      }
      int blocks = (config.samples() + MonteCarloPass.BLOCK - 1) / MonteCarloPass.BLOCK;
      for (ExperimentConfig.SpaceSpec spec : config.spaces()) {
        passes.add(new Pass(index, spec.name(), blocks));
      }
    }
    return passes;
  }

  /**
   * Computes only the Monte Carlo blocks {@code scope} asks for (a shard's share of the plan):
   * the fits and directions of the points and spaces it has blocks in are trained or built (and
   * kept in {@code journal}), nothing is estimated and no result is returned.
   */
  public void runBlocks(SweepPlan plan, Path folder, RunJournal journal, BlockScope scope) {
    Map<String, Fit> fits = new HashMap<>();
    Map<String, SpaceRun.Built> directions = new HashMap<>();
    Map<String, Integer> largest = largestDimensions(plan);
    Map<Integer, List<Pass>> byPoint = new LinkedHashMap<>();
    passes(plan).forEach(pass -> byPoint.computeIfAbsent(pass.point(), p -> new ArrayList<>()).add(pass));
    for (Map.Entry<Integer, List<Pass>> entry : byPoint.entrySet()) {
      int index = entry.getKey();
      List<Pass> owned = entry.getValue().stream()
          .filter(pass -> scope.blocks(index, pass.space(), pass.blocks()) != null).toList();
      if (owned.isEmpty()) {
        continue;
      }
      ExperimentConfig config = plan.points().get(index).config();
      Stopwatch clock = new Stopwatch();
      String fitKey = fitKey(config);
      Fit fit = fits.get(fitKey);
      if (fit == null) {
        List<ExperimentConfig> sharing = plan.points().stream().map(SweepPlan.Point::config)
            .filter(other -> fitKey(other).equals(fitKey)).toList();
        fit = fit(config, sharing, fitKey, journal, folder, clock);
        fits.put(fitKey, fit);
      }
      SpaceRun spaceRun = spaceRun(index, config, fit, clock, journal);
      for (Pass pass : owned) {
        ExperimentConfig.SpaceSpec spec = config.spaces().stream()
            .filter(space -> space.name().equals(pass.space())).findFirst().orElseThrow();
        int[] range = scope.blocks(index, pass.space(), pass.blocks());
        SpaceRun.Built built =
            directions(spec, config, fitKey, directions, largest, spaceRun, journal);
        MonteCarloJob job = SpaceRun.job(index, spec.name(), config.samples(),
            fit.fit().weights(), built.directions());
        scope.accept(job, range[0], spaceRun.blocks(job, range[0], range[1]));
      }
    }
  }

  private SpaceRun spaceRun(int index, ExperimentConfig config, Fit fit, Stopwatch clock,
      RunJournal journal) {
    DataOrders orders = config.paperCompat() ? DataOrders.identity(fit.train().size())
        : DataOrders.generate(config.seeds().order(), config.orders(), fit.train().size());
    Map<String, Estimator> estimators = new LinkedHashMap<>();
    config.estimators().forEach(choice -> estimators.put(choice.id(),
        registry.require(DeltaEstimator.class, choice.id()).create(choice.settings())));
    Sampler sampler = registry.require(Sampler.class, config.sampler().id());
    CurvatureSource curvature = new CurvatureSource(fit.model(), fit.fit().weights(), fit.chunks(),
        orders.orders(), registry);
    return new SpaceRun(registry, progress, fit, orders, curvature, estimators, sampler, config,
        clock, journal, index, executor);
  }

  private Fit fit(ExperimentConfig config, List<ExperimentConfig> sharing, String fitKey,
      RunJournal journal, Path folder, Stopwatch clock) {
    LoadedData loaded = load(config);
    Dataset train = loaded.train();
    DataType type = "float".equals(config.precision()) ? DataType.FLOAT : DataType.DOUBLE;
    Model model = registry.require(ModelProvider.class, config.model().id())
        .create(config.model().settings(), ModelContext.of(train, type));
    Preflight.requireDimensionsFit(sharing, model.parameterCount());
    MemoryEstimate.of(config, train.size(), train.featureCount(), model.parameterCount()).requireFitsInHeap();
    clock.lap("load");
    boolean trajectory = config.spaces().stream().anyMatch(space -> registry
        .require(Subspace.class, space.plugin().id()).needsTrajectory(space.plugin().settings()));
    ModelFit fit;
    var saved = config.weights() == null ? journal.savedFit(fitKey) : java.util.Optional.<RunJournal.SavedFit>empty();
    if (saved.isPresent()) {
      fit = ModelFit.restored(saved.get(), model.parameterCount());
      clock.lap("resume-weights");
    } else {
      fit = ModelFit.fit(model, train, config, trajectory, folder, progress);
      if (fit.trained()) {
        journal.fitDone(fitKey, fit.saved());
      }
      clock.lap(fit.trained() ? "train" : "load-weights");
    }
    DataChunks chunks = new DataChunks(train, type, CHUNK);
    ModelScore trainScore = ModelScore.of(model, fit.weights(), chunks, train.targetKind());
    ModelScore testScore = loaded.test() == null ? null
        : ModelScore.of(model, fit.weights(), new DataChunks(loaded.test(), type, CHUNK),
            loaded.test().targetKind());
    clock.lap("evaluate");
    return new Fit(train, loaded.test(), loaded.notes(), model, fit, chunks, trainScore, testScore);
  }

  /**
   * The dataset, loaded before anything is trained; a value of the dataset's section that the
   * plugin refuses on loading (a {@code limit} beyond the data) is a config error like any other.
   */
  private LoadedData load(ExperimentConfig config) {
    try {
      return registry.require(DatasetProvider.class, config.dataset().id())
          .load(config.dataset().settings(), new DatasetContext(config.seeds().order(), progress));
    } catch (org.deltascape.api.ConfigException e) {
      throw e;
    } catch (DeltascapeException e) {
      if (e.where() != null && config.dataset().settings().origins().containsValue(e.where())
          && e.where().matches(".+:[0-9]+|--set .+")) {
        throw new org.deltascape.api.ConfigException(List.of(
            new org.deltascape.api.ConfigProblem(e.where(), "", e.what(), e.fix())));
      }
      throw e;
    }
  }

  private RunResult runPoint(int index, SweepPlan.Point point, Fit fit, String fitKey,
      Map<String, SpaceRun.Built> directionsCache, Map<String, Integer> largest, Stopwatch clock,
      Path folder, RunJournal journal) {
    ExperimentConfig config = point.config();
    int n = fit.train().size();
    int b = config.step();
    if (n / b < 2) {
      throw new DeltascapeException(
          "the dataset has " + n + " examples, fewer than two steps of k.step = " + b,
          "k.step", "Use a smaller k.step or more data");
    }
    SpaceRun spaceRun = spaceRun(index, config, fit, clock, journal);
    DataOrders orders = spaceRun.orders();
    CurvatureSource curvature = spaceRun.curvature();
    double[] lossAtCentre =
        LossCurve.prefixMeans(fit.model(), fit.fit().weights(), fit.chunks(), orders.orders(), b);

    List<SpaceResult> spaces = new ArrayList<>();
    for (ExperimentConfig.SpaceSpec spec : config.spaces()) {
      SpaceRun.Built built =
          directions(spec, config, fitKey, directionsCache, largest, spaceRun, journal);
      SpaceResult result = spaceRun.run(spec, built);
      if (drawn(config, spec)) {
        result = result.withLandscape(landscape(config, fit, built, orders));
        clock.lap("landscape:" + spec.name());
      }
      spaces.add(result);
    }
    CurvatureResult analyses = CurvatureAnalyses.run(config.curvature(), curvature, orders.orders(),
        b, config.seeds().sampling(), progress);
    if (analyses != CurvatureResult.NONE) {
      clock.lap("curvature");
    }

    int steps = n / b - 1;
    List<String> notes = new ArrayList<>(fit.notes());
    if (n % b != 0) {
      notes.add("the last " + (n % b) + " examples do not fill a block of " + b
          + " and are dropped from every order's prefix");
    }
    if (config.paperCompat()) {
      notes.add("paper-compat: only the first direction of each space is applied and the data is"
          + " reshuffled for every sample, as the authors' code did; K(ε) still means 'for all"
          + " later k'");
    }
    Map<String, Double> timings = clock.laps();
    RunResult.DataInfo data = new RunResult.DataInfo(fit.train().name(), n, (steps + 1) * b, b,
        steps, fit.test() == null ? 0 : fit.test().size(), fit.train().sha256(), notes);
    RunResult.ModelInfo modelInfo = new RunResult.ModelInfo(config.model().id(),
        fit.model().parameterCount(), fit.layout(), fit.fit().trained(), fit.trainScore(),
        fit.testScore(), fit.fit().history());
    return new RunResult(config, folder, data, modelInfo, fit.fit().weights().data().asDouble(),
        orders, lossAtCentre, spaces, analyses, point.values(), timings,
        Provenance.of(config, registry, fit.train().sha256(), orders, executor.describe()));
  }

  private static boolean drawn(ExperimentConfig config, ExperimentConfig.SpaceSpec spec) {
    ExperimentConfig.LandscapeSpec landscape = config.landscape();
    return landscape != null
        && (landscape.spaces().isEmpty() || landscape.spaces().contains(spec.name()));
  }

  /** L_k along each direction and over the first two, for the k the config asks (0: all N). */
  private static Landscapes.Landscape landscape(ExperimentConfig config, Fit fit,
      SpaceRun.Built built, DataOrders orders) {
    ExperimentConfig.LandscapeSpec spec = config.landscape();
    int n = fit.train().size();
    int[] ks = spec.steps().stream()
        .mapToInt(k -> k == 0 ? n : Math.min(n, k * config.step())).distinct().sorted().toArray();
    return Landscapes.compute(fit.model(), fit.fit().weights(), built.directions().basis(),
        fit.train().all(fit.model().dataType()), orders.orders()[0], ks, spec.radius(), spec.grid());
  }

  /** The directions of a space, from the cache when an equal (or larger nested) space was built. */
  private SpaceRun.Built directions(ExperimentConfig.SpaceSpec spec, ExperimentConfig config,
      String fitKey, Map<String, SpaceRun.Built> cache, Map<String, Integer> largest,
      SpaceRun spaceRun, RunJournal journal) {
    Subspace subspace = registry.require(Subspace.class, spec.plugin().id());
    boolean nested = subspace.nestedInDimension(spec.plugin().settings());
    String key = directionsKey(spec, config, fitKey, nested);
    SpaceRun.Built built = cache.get(key);
    if (built == null) {
      int dim = spec.plugin().settings().has("dim") ? spec.plugin().settings().integer("dim") : -1;
      int build = nested && dim > 0 ? Math.max(dim, largest.getOrDefault(key, dim)) : dim;
      var saved = journal.savedDirections(key);
      if (saved.isPresent()) {
        built = new SpaceRun.Built(saved.get().getKey(), saved.get().getValue());
      } else {
        built = spaceRun.directions(spec, build);
        journal.directionsDone(key, built.directions(), built.products());
      }
      cache.put(key, built);
    }
    int dim = spec.plugin().settings().has("dim") ? spec.plugin().settings().integer("dim") : -1;
    return nested && dim > 0 && dim < built.directions().dimension()
        ? new SpaceRun.Built(first(built.directions(), dim), built.products()) : built;
  }

  private Map<String, Integer> largestDimensions(SweepPlan plan) {
    Map<String, Integer> largest = new HashMap<>();
    for (SweepPlan.Point point : plan.points()) {
      for (ExperimentConfig.SpaceSpec spec : point.config().spaces()) {
        if (spec.plugin().settings().has("dim")) {
          largest.merge(directionsKey(spec, point.config(), fitKey(point.config()), true),
              spec.plugin().settings().integer("dim"), Math::max);
        }
      }
    }
    return largest;
  }

  private static String directionsKey(ExperimentConfig.SpaceSpec spec, ExperimentConfig config,
      String fitKey, boolean withoutDim) {
    Map<String, Object> settings = ExperimentConfigBinder.plain(spec.plugin());
    if (withoutDim) {
      settings.remove("dim");
    }
    return fitKey + "|" + spec.name() + "|" + settings + "|" + config.seeds().sampling();
  }

  private static String fitKey(ExperimentConfig config) {
    return ExperimentConfigBinder.plain(config.dataset()) + "|" + ExperimentConfigBinder.plain(config.model())
        + "|" + config.weights() + "|" + ExperimentConfigBinder.plain(config.training()) + "|"
        + config.seeds().training() + "|" + config.seeds().order() + "|" + config.precision();
  }

  private static Directions first(Directions directions, int dim) {
    var basis = directions.basis().get(NDArrayIndex.all(), NDArrayIndex.interval(0, dim)).dup();
    Eigenpairs spectrum = directions.spectrum();
    if (spectrum != null) {
      double[] values = java.util.Arrays.copyOf(spectrum.values(), dim);
      double[] residuals = java.util.Arrays.copyOf(spectrum.residuals(), dim);
      boolean converged = spectrum.converged();
      spectrum = new Eigenpairs(values, basis, residuals, converged);
    }
    return new Directions(basis, directions.orthonormal(), spectrum);
  }
}
