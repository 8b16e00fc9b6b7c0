package org.deltascape.launcher.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ObjIntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
   * When the executor {@linkplain MonteCarloExecutor#points runs whole points} of the plan, the
   * fits that several points share are prepared here (trained or restored, with their
   * directions, kept in {@code journal}) and the points run where the executor runs them.
   */
  public List<RunResult> run(SweepPlan plan, Path folder, RunJournal journal) {
    List<Integer> all = IntStream.range(0, plan.points().size()).boxed().toList();
    Optional<PointRunner> runner =
        all.size() > 1 ? executor.points(plan) : Optional.empty();
    if (runner.isPresent()) {
      return runElsewhere(plan, folder, journal, runner.get());
    }
    return runPoints(plan, all, folder, journal);
  }

  /**
   * Runs the points {@code indices} of a plan, in that order, in this JVM, each exactly as {@link
   * #run} runs it: the fits and directions found in {@code journal} are restored, the others
   * trained or built (and kept there); writes no results.
   *
   * @param indices points of the plan, each at most once
   * @param folder the run folder, or null where there is none (another JVM's share)
   * @return one result per index, in the order of {@code indices}
   */
  public List<RunResult> runPoints(SweepPlan plan, List<Integer> indices, Path folder,
      RunJournal journal) {
    List<RunResult> results = new ArrayList<>();
    runPoints(plan, indices, folder, journal, (result, index) -> results.add(result));
    return results;
  }

  /**
   * Runs the points {@code indices} of a plan as {@link #runPoints(SweepPlan, List, Path,
   * RunJournal)} does, handing each point's result to {@code done} as soon as it is computed (a
   * point that fails ends the call: the points before it have been handed over).
   */
  public void runPoints(SweepPlan plan, List<Integer> indices, Path folder, RunJournal journal,
      ObjIntConsumer<RunResult> done) {
    walk(plan, indices, folder, journal, (index, fit, fitKey, clock, directions, largest) ->
        done.accept(runPoint(index, plan.points().get(index), fit, fitKey, directions, largest,
            clock, folder, journal), index));
  }

  /**
   * Trains (or restores) the fits of every point of a plan and builds the directions of every
   * space of each, as {@link #run} does (a space nested in D at the largest D the plan asks),
   * keeping them in {@code journal}; draws no sample and estimates nothing.
   */
  public void prepare(SweepPlan plan, Path folder, RunJournal journal) {
    prepare(plan, IntStream.range(0, plan.points().size()).boxed().toList(), folder, journal);
  }

  /** Prepares, as {@link #prepare(SweepPlan, Path, RunJournal)} does, the points {@code indices}. */
  public void prepare(SweepPlan plan, List<Integer> indices, Path folder, RunJournal journal) {
    walk(plan, indices, folder, journal, (index, fit, fitKey, clock, directions, largest) -> {
      ExperimentConfig config = plan.points().get(index).config();
      requireSteps(fit, config);
      SpaceRun spaceRun = spaceRun(index, config, fit, clock, journal);
      for (ExperimentConfig.SpaceSpec spec : config.spaces()) {
        directions(spec, config, fitKey, directions, largest, spaceRun, journal);
      }
    });
  }

  /**
   * The points of a plan run by {@code runner}: the fits that several points share are prepared
   * here, once (a fit that one point alone uses shares nothing, and is trained where its point
   * runs, in parallel with the others), and sent with the points; the results come back in order
   * and get this side's config, folder and provenance.
   */
  private List<RunResult> runElsewhere(SweepPlan plan, Path folder, RunJournal journal,
      PointRunner runner) {
    List<Integer> all = IntStream.range(0, plan.points().size()).boxed().toList();
    Map<String, Long> uses = all.stream().collect(Collectors.groupingBy(
        index -> fitKey(plan.points().get(index).config()), Collectors.counting()));
    List<Integer> shared = all.stream()
        .filter(index -> uses.get(fitKey(plan.points().get(index).config())) > 1).toList();
    MemoryJournal prepared = new MemoryJournal();
    prepare(plan, shared, folder, prepared.alongside(journal));
    List<RunResult> received;
    try (Progress.Task task = progress.start("Points", all.size(), "points")) {
      received = runner.run(plan, all, prepared, task);
    }
    if (received.size() != all.size()) {
      throw new IllegalStateException("the " + executor.describe().get("id") + " engine returned "
          + received.size() + " results for " + all.size() + " points");
    }
    List<RunResult> results = new ArrayList<>();
    for (int index : all) {
      ExperimentConfig config = plan.points().get(index).config();
      RunResult result = received.get(index);
      results.add(result.received(config, folder, Provenance.of(config, registry,
          result.data().sha256(), result.orders(), executor.describe())));
    }
    return results;
  }

  /** What a walk over points does at each point, with its fit. */
  private interface PointStep {
    /**
     * @param directions the directions built so far, by key
     * @param largest the largest D of each space nested in D, by key
     */
    void at(int index, Fit fit, String fitKey, Stopwatch clock,
        Map<String, SpaceRun.Built> directions, Map<String, Integer> largest);
  }

  /**
   * Visits the points {@code indices} of a plan in that order, each with its fit, trained (or
   * restored from {@code journal}) once per distinct fit and let go, with its directions and data,
   * after the last of those points that uses it (replicates each train their own w*).
   */
  private void walk(SweepPlan plan, List<Integer> indices, Path folder, RunJournal journal,
      PointStep step) {
    if (indices.stream().distinct().count() != indices.size()
        || indices.stream().anyMatch(index -> index < 0 || index >= plan.points().size())) {
      throw new IllegalArgumentException("points " + indices + " are not distinct points of a plan"
          + " of " + plan.points().size());
    }
    Map<String, Fit> fits = new HashMap<>();
    Map<String, SpaceRun.Built> directions = new HashMap<>();
    Map<String, Integer> largest = largestDimensions(plan);
    Map<String, Integer> lastUse = new HashMap<>();
    for (int position = 0; position < indices.size(); position++) {
      lastUse.put(fitKey(plan.points().get(indices.get(position)).config()), position);
    }
    for (int position = 0; position < indices.size(); position++) {
      int index = indices.get(position);
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
      step.at(index, fit, fitKey, clock, directions, largest);
      if (lastUse.get(fitKey) == position) {
        fits.remove(fitKey);
        directions.keySet().removeIf(key -> key.startsWith(fitKey + "|"));
      }
    }
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
    Map<Integer, List<Pass>> owned = new LinkedHashMap<>();
    for (Pass pass : passes(plan)) {
      if (scope.blocks(pass.point(), pass.space(), pass.blocks()) != null) {
        owned.computeIfAbsent(pass.point(), p -> new ArrayList<>()).add(pass);
      }
    }
    walk(plan, List.copyOf(owned.keySet()), folder, journal,
        (index, fit, fitKey, clock, directions, largest) -> {
          ExperimentConfig config = plan.points().get(index).config();
          SpaceRun spaceRun = spaceRun(index, config, fit, clock, journal);
          for (Pass pass : owned.get(index)) {
            ExperimentConfig.SpaceSpec spec = config.spaces().stream()
                .filter(space -> space.name().equals(pass.space())).findFirst().orElseThrow();
            int[] range = scope.blocks(index, pass.space(), pass.blocks());
            SpaceRun.Built built =
                directions(spec, config, fitKey, directions, largest, spaceRun, journal);
            MonteCarloJob job = SpaceRun.job(index, spec.name(), config.samples(),
                fit.fit().weights(), built.directions());
            scope.accept(job, range[0], spaceRun.blocks(job, range[0], range[1]));
          }
        });
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
    requireSteps(fit, config);
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

  private static void requireSteps(Fit fit, ExperimentConfig config) {
    int n = fit.train().size();
    int b = config.step();
    if (n / b < 2) {
      throw new DeltascapeException(
          "the dataset has " + n + " examples, fewer than two steps of k.step = " + b,
          "k.step", "Use a smaller k.step or more data");
    }
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
