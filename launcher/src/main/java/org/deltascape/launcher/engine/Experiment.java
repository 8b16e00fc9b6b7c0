package org.deltascape.launcher.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deltascape.api.Dataset;
import org.deltascape.api.DeltaCurve;
import org.deltascape.api.EstimationContext;
import org.deltascape.api.EstimationInputs;
import org.deltascape.api.ExampleDerivatives;
import org.deltascape.api.SubspaceModel;
import org.deltascape.api.DatasetContext;
import org.deltascape.api.DatasetProvider;
import org.deltascape.api.DeltaEstimator;
import org.deltascape.api.DeltaProblem;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Directions;
import org.deltascape.api.Estimator;
import org.deltascape.api.EstimatorInput;
import org.deltascape.api.LoadedData;
import org.deltascape.api.Model;
import org.deltascape.api.ModelContext;
import org.deltascape.api.ModelProvider;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Sampler;
import org.deltascape.api.Subspace;
import org.deltascape.api.ThetaSampler;
import org.deltascape.estimators.delta.Plateau;
import org.deltascape.estimators.delta.SufficientSize;
import org.deltascape.launcher.config.ExperimentConfig;
import org.deltascape.launcher.discovery.PluginRegistry;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The experiment pipeline of DESIGN.md: load the dataset in its fixed order, train the model (or
 * load w*), score it, draw the data orders, then for each space its directions, one Monte Carlo
 * pass shared by every estimator that takes loss samples, the derivatives the closed forms need,
 * every estimator's Δ_k, the plateau and K(ε).
 */
public final class Experiment {

  /** Examples per data chunk: bounds the memory of every pass over the data. */
  static final int CHUNK = 4096;

  private final PluginRegistry registry;
  private final Progress progress;

  public Experiment(PluginRegistry registry, Progress progress) {
    this.registry = registry;
    this.progress = progress;
  }

  /** Runs the experiment; writes nothing (see the output writers). */
  public RunResult run(ExperimentConfig config, Path folder) {
    Stopwatch clock = new Stopwatch();

    LoadedData loaded =
        registry
            .require(DatasetProvider.class, config.dataset().id())
            .load(config.dataset().settings(), new DatasetContext(config.seeds().order(), progress));
    Dataset train = loaded.train();
    int n = train.size();
    int b = config.step();
    if (n / b < 2) {
      throw new DeltascapeException(
          "the dataset has " + n + " examples, fewer than two steps of k.step = " + b,
          "k.step", "Use a smaller k.step or more data");
    }
    DataType type = "float".equals(config.precision()) ? DataType.FLOAT : DataType.DOUBLE;
    Model model =
        registry
            .require(ModelProvider.class, config.model().id())
            .create(config.model().settings(), ModelContext.of(train, type));
    clock.lap("load");

    boolean trajectory = config.spaces().stream().anyMatch(space -> registry
        .require(Subspace.class, space.plugin().id()).needsTrajectory(space.plugin().settings()));
    ModelFit fit = ModelFit.fit(model, train, config, trajectory, progress);
    clock.lap(fit.trained() ? "train" : "load-weights");

    DataChunks chunks = new DataChunks(train, type, CHUNK);
    ModelScore trainScore = ModelScore.of(model, fit.weights(), chunks, train.targetKind());
    ModelScore testScore =
        loaded.test() == null
            ? null
            : ModelScore.of(model, fit.weights(), new DataChunks(loaded.test(), type, CHUNK),
                loaded.test().targetKind());
    clock.lap("evaluate");

    DataOrders orders = DataOrders.generate(config.seeds().order(), config.orders(), n);
    double[] lossAtCentre = LossCurve.prefixMeans(model, fit.weights(), chunks, orders.orders(), b);

    Map<String, Estimator> estimators = new LinkedHashMap<>();
    config.estimators().forEach(choice ->
        estimators.put(choice.id(),
            registry.require(DeltaEstimator.class, choice.id()).create(choice.settings())));
    Sampler sampler = registry.require(Sampler.class, config.sampler().id());

    List<SpaceResult> spaces = new ArrayList<>();
    for (ExperimentConfig.SpaceSpec spec : config.spaces()) {
      spaces.add(runSpace(spec, config, model, fit, train, chunks, orders, estimators, sampler,
          clock));
    }

    int steps = n / b - 1;
    List<String> notes = new ArrayList<>(loaded.notes());
    if (n % b != 0) {
      notes.add("the last " + (n % b) + " examples do not fill a block of " + b
          + " and are dropped from every order's prefix");
    }
    RunResult.DataInfo data = new RunResult.DataInfo(train.name(), n, (steps + 1) * b, b, steps,
        loaded.test() == null ? 0 : loaded.test().size(), train.sha256(), notes);
    RunResult.ModelInfo modelInfo = new RunResult.ModelInfo(config.model().id(),
        model.parameterCount(), model.layout(), fit.trained(), trainScore, testScore, fit.history());
    return new RunResult(config, folder, data, modelInfo, fit.weights().data().asDouble(), orders,
        lossAtCentre, spaces, clock.laps(),
        Provenance.of(config, registry, train.sha256(), orders));
  }

  private SpaceResult runSpace(
      ExperimentConfig.SpaceSpec spec,
      ExperimentConfig config,
      Model model,
      ModelFit fit,
      Dataset train,
      DataChunks chunks,
      DataOrders orders,
      Map<String, Estimator> estimators,
      Sampler sampler,
      Stopwatch clock) {
    long samplingSeed = config.seeds().sampling();
    INDArray weights = fit.weights();
    CurvatureSource curvature = new CurvatureSource(model, weights, chunks, orders.orders(), registry);
    EngineSubspaceContext context = new EngineSubspaceContext(spec.name(), model, weights, train,
        curvature, fit.trajectory(), new RandomKey(samplingSeed, "directions/" + spec.name(), 0),
        progress);
    Directions directions =
        registry.require(Subspace.class, spec.plugin().id()).directions(spec.plugin().settings(), context);
    clock.lap("space:" + spec.name());

    ThetaSampler thetaSampler = sampler.create(config.sampler().settings(), directions.dimension());
    RandomKey thetaKey = new RandomKey(samplingSeed, "theta/" + spec.name(), 0);
    DeltaProblem problem = new DeltaProblem(train.size(), config.step(), orders.orders(),
        directions.dimension(), config.samples(), thetaSampler.moments().orElse(null));
    SubspaceModel subspace = model.restrict(weights, directions.basis());

    EnumSet<EstimatorInput> needs = EnumSet.noneOf(EstimatorInput.class);
    estimators.values().forEach(estimator -> needs.addAll(estimator.inputs()));
    ExampleDerivatives derivatives = null;
    if (needs.contains(EstimatorInput.DERIVATIVES)) {
      derivatives = ExampleDerivativesPass.run(subspace, chunks, directions.dimension());
      clock.lap("derivatives:" + spec.name());
    }
    Map<String, Estimator> prepared = new LinkedHashMap<>();
    Map<String, Estimator> sampling = new LinkedHashMap<>();
    for (Map.Entry<String, Estimator> entry : estimators.entrySet()) {
      Estimator estimator = entry.getValue();
      Estimator bound = estimator.prepared(problem,
          estimator.inputs().contains(EstimatorInput.DERIVATIVES) ? derivatives : null);
      prepared.put(entry.getKey(), bound);
      if (estimator.inputs().contains(EstimatorInput.LOSS_SAMPLES)) {
        sampling.put(entry.getKey(), bound);
      }
    }
    MonteCarloPass.Result pass = new MonteCarloPass.Result(Map.of(), new double[0]);
    if (!sampling.isEmpty()) {
      pass = MonteCarloPass.run(subspace, thetaSampler, thetaKey, config.samples(), chunks, problem,
          sampling, progress, spec.name());
      clock.lap("monte-carlo:" + spec.name());
    }

    EstimationContext estimation = new EngineEstimationContext(spec.name(), model, weights,
        directions, train, thetaSampler, thetaKey, curvature, progress);
    List<EstimatorResult> results = new ArrayList<>();
    for (Map.Entry<String, Estimator> entry : prepared.entrySet()) {
      Estimator estimator = entry.getValue();
      Set<EstimatorInput> inputs = estimators.get(entry.getKey()).inputs();
      EstimationInputs given = new EstimationInputs(
          pass.sums().get(entry.getKey()),
          inputs.contains(EstimatorInput.DERIVATIVES) ? derivatives : null,
          inputs.contains(EstimatorInput.MODEL) ? estimation : null);
      DeltaCurve curve = estimator.estimate(problem, given);
      results.add(new EstimatorResult(entry.getKey(), curve, Plateau.of(problem, curve),
          SufficientSize.of(problem, curve, config.threshold())));
    }
    clock.lap("estimate:" + spec.name());
    return new SpaceResult(spec.name(), spec.plugin().id(), directions, curvature.products(),
        pass.thetas(), results);
  }
}
