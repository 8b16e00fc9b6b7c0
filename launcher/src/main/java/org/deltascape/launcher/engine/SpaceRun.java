package org.deltascape.launcher.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.deltascape.api.DeltaCurve;
import org.deltascape.api.DeltaProblem;
import org.deltascape.api.Directions;
import org.deltascape.api.EstimationContext;
import org.deltascape.api.EstimationInputs;
import org.deltascape.api.Estimator;
import org.deltascape.api.EstimatorInput;
import org.deltascape.api.ExampleDerivatives;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Sampler;
import org.deltascape.api.Settings;
import org.deltascape.api.Subspace;
import org.deltascape.api.SubspaceModel;
import org.deltascape.api.ThetaSampler;
import org.deltascape.estimators.delta.Plateau;
import org.deltascape.estimators.delta.SufficientSize;
import org.deltascape.launcher.config.ExperimentConfig;
import org.deltascape.launcher.discovery.PluginRegistry;

/**
 * One space of one experiment: its directions, then one Monte Carlo pass shared by every
 * estimator that takes loss samples, the derivatives the closed forms need, and every
 * estimator's Δ_k with its plateau and K(ε).
 */
final class SpaceRun {

  private final PluginRegistry registry;
  private final Progress progress;
  private final Fit fit;
  private final DataOrders orders;
  private final CurvatureSource curvature;
  private final Map<String, Estimator> estimators;
  private final Sampler sampler;
  private final ExperimentConfig config;
  private final Stopwatch clock;
  private final RunJournal journal;
  private final int point;

  SpaceRun(PluginRegistry registry, Progress progress, Fit fit, DataOrders orders,
      CurvatureSource curvature, Map<String, Estimator> estimators, Sampler sampler,
      ExperimentConfig config, Stopwatch clock, RunJournal journal, int point) {
    this.journal = journal;
    this.point = point;
    this.registry = registry;
    this.progress = progress;
    this.fit = fit;
    this.orders = orders;
    this.curvature = curvature;
    this.estimators = estimators;
    this.sampler = sampler;
    this.config = config;
    this.clock = clock;
  }

  /**
   * Directions with the Hessian-vector products their construction used.
   *
   * @param directions P
   * @param products products counted while building them
   */
  record Built(Directions directions, int products) {}

  /** The directions of {@code spec}, built at dimension {@code dim} (or as configured if −1). */
  Built directions(ExperimentConfig.SpaceSpec spec, int dim) {
    int before = curvature.products();
    Settings settings = spec.plugin().settings();
    if (dim > 0 && settings.has("dim") && settings.integer("dim") != dim) {
      Map<String, Object> values = new TreeMap<>(settings.values());
      values.put("dim", dim);
      settings = new Settings(settings.owner(), values, settings.origins());
    }
    EngineSubspaceContext context = new EngineSubspaceContext(spec.name(), fit.model(),
        fit.fit().weights(), fit.train(), curvature, fit.fit().trajectory(),
        new RandomKey(config.seeds().sampling(), "directions/" + spec.name(), 0), progress);
    Directions directions =
        registry.require(Subspace.class, spec.plugin().id()).directions(settings, context);
    clock.lap("space:" + spec.name());
    return new Built(directions, curvature.products() - before);
  }

  /** Every estimator's Δ_k in the space spanned by {@code directions}. */
  SpaceResult run(ExperimentConfig.SpaceSpec spec, Built built) {
    Directions directions = built.directions();
    int productsBefore = curvature.products();
    ThetaSampler thetaSampler = sampler.create(config.sampler().settings(), directions.dimension());
    RandomKey thetaKey = new RandomKey(config.seeds().sampling(), "theta/" + spec.name(), 0);
    DeltaProblem problem = new DeltaProblem(fit.train().size(), config.step(), orders.orders(),
        directions.dimension(), config.samples(), thetaSampler.moments().orElse(null));
    SubspaceModel subspace = fit.model().restrict(fit.fit().weights(), directions.basis());

    EnumSet<EstimatorInput> needs = EnumSet.noneOf(EstimatorInput.class);
    estimators.values().forEach(estimator -> needs.addAll(estimator.inputs()));
    ExampleDerivatives derivatives = null;
    if (needs.contains(EstimatorInput.DERIVATIVES)) {
      derivatives = ExampleDerivativesPass.run(subspace, fit.chunks(), directions.dimension());
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
      MonteCarloPass.Compat compat = config.paperCompat()
          ? new MonteCarloPass.Compat(config.seeds().order()) : null;
      pass = MonteCarloPass.run(subspace, thetaSampler, thetaKey, config.samples(), fit.chunks(),
          problem, sampling, compat, journal(spec.name(), config.samples()), progress, spec.name());
      clock.lap("monte-carlo:" + spec.name());
    }

    EstimationContext estimation = new EngineEstimationContext(spec.name(), fit.model(),
        fit.fit().weights(), directions, fit.train(), thetaSampler, thetaKey, curvature, progress);
    List<EstimatorResult> results = new ArrayList<>();
    for (Map.Entry<String, Estimator> entry : prepared.entrySet()) {
      Set<EstimatorInput> inputs = estimators.get(entry.getKey()).inputs();
      EstimationInputs given = new EstimationInputs(
          pass.sums().get(entry.getKey()),
          inputs.contains(EstimatorInput.DERIVATIVES) ? derivatives : null,
          inputs.contains(EstimatorInput.MODEL) ? estimation : null);
      DeltaCurve curve = entry.getValue().estimate(problem, given);
      results.add(new EstimatorResult(entry.getKey(), curve, Plateau.of(problem, curve),
          SufficientSize.of(problem, curve, config.threshold())));
    }
    clock.lap("estimate:" + spec.name());
    int products = built.products() + curvature.products() - productsBefore;
    return new SpaceResult(spec.name(), spec.plugin().id(), directions, products, pass.thetas(),
        results, null);
  }

  /** The run journal's Monte Carlo progress of one space, as the pass's journal. */
  private MonteCarloPass.Journal journal(String space, int samples) {
    RunJournal.Progress kept = journal.monteCarlo(point, space);
    return new MonteCarloPass.Journal() {
      @Override
      public int samplesDone() {
        return kept.samplesDone();
      }

      @Override
      public Map<String, org.deltascape.api.PartialSums> sumsDone() {
        return kept.sums();
      }

      @Override
      public void record(int samplesDone, Map<String, org.deltascape.api.PartialSums> sums) {
        journal.monteCarloProgress(point, space, samplesDone, samples, new LinkedHashMap<>(sums));
      }
    };
  }
}
