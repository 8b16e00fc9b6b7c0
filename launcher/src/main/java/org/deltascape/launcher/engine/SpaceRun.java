package org.deltascape.launcher.engine;

import java.util.ArrayList;
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
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Sampler;
import org.deltascape.api.Settings;
import org.deltascape.api.Subspace;
import org.deltascape.estimators.delta.Plateau;
import org.deltascape.estimators.delta.SufficientSize;
import org.deltascape.launcher.config.ExperimentConfig;
import org.deltascape.launcher.discovery.PluginRegistry;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

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
  private final MonteCarloExecutor executor;

  SpaceRun(PluginRegistry registry, Progress progress, Fit fit, DataOrders orders,
      CurvatureSource curvature, Map<String, Estimator> estimators, Sampler sampler,
      ExperimentConfig config, Stopwatch clock, RunJournal journal, int point,
      MonteCarloExecutor executor) {
    this.executor = executor;
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

  /** The data orders of the point. */
  DataOrders orders() {
    return orders;
  }

  /** The point's curvature source (H(w*) and H_k products, counted). */
  CurvatureSource curvature() {
    return curvature;
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
    MonteCarloJob job = job(point, spec.name(), config.samples(), fit.fit().weights(), directions);
    SpacePass pass = SpacePass.prepare(fit.model(), fit.chunks(), orders, config, job, estimators,
        sampler);
    if (pass.derivatives() != null) {
      clock.lap("derivatives:" + spec.name());
    }
    MonteCarloPass.Result sampled = new MonteCarloPass.Result(Map.of(), new double[0]);
    if (!pass.sampling().isEmpty()) {
      sampled = MonteCarloPass.run(job, pass.blocks(executor.losses(job,
          pass.losses(fit.chunks(), config.samples())), config.samples(), spec.name()),
          executor, pass.thetaSampler(), pass.thetaKey(), pass.compat(),
          journal(spec.name(), config.samples()), progress, spec.name());
      clock.lap("monte-carlo:" + spec.name());
    }

    EstimationContext estimation = new EngineEstimationContext(spec.name(), fit.model(),
        fit.fit().weights(), directions, fit.train(), pass.thetaSampler(), pass.thetaKey(),
        curvature, progress);
    DeltaProblem problem = pass.problem();
    List<EstimatorResult> results = new ArrayList<>();
    for (Map.Entry<String, Estimator> entry : pass.prepared().entrySet()) {
      Set<EstimatorInput> inputs = estimators.get(entry.getKey()).inputs();
      EstimationInputs given = new EstimationInputs(
          sampled.sums().get(entry.getKey()),
          inputs.contains(EstimatorInput.DERIVATIVES) ? pass.derivatives() : null,
          inputs.contains(EstimatorInput.MODEL) ? estimation : null);
      DeltaCurve curve = entry.getValue().estimate(problem, given);
      results.add(new EstimatorResult(entry.getKey(), curve, Plateau.of(problem, curve),
          SufficientSize.of(problem, curve, config.threshold())));
    }
    clock.lap("estimate:" + spec.name());
    int products = built.products() + curvature.products() - productsBefore;
    return new SpaceResult(spec.name(), spec.plugin().id(), directions, products, sampled.thetas(),
        results, null);
  }

  /**
   * Blocks {@code [fromBlock, toBlock)} of a space's Monte Carlo pass alone, each block's sums, in
   * block order (a shard's share); nothing is estimated.
   */
  List<Map<String, org.deltascape.api.PartialSums>> blocks(MonteCarloJob job, int fromBlock,
      int toBlock) {
    Map<String, Estimator> sampling = new LinkedHashMap<>();
    estimators.forEach((id, estimator) -> {
      if (estimator.inputs().contains(EstimatorInput.LOSS_SAMPLES)) {
        sampling.put(id, estimator);
      }
    });
    SpacePass pass = SpacePass.prepare(fit.model(), fit.chunks(), orders, config, job, sampling,
        sampler);
    BlockComputer local = pass.blocks(executor.losses(job,
        pass.losses(fit.chunks(), config.samples())), config.samples(), job.space());
    int samples = Math.min(job.samples(), toBlock * MonteCarloPass.BLOCK)
        - fromBlock * MonteCarloPass.BLOCK;
    try (org.deltascape.api.Progress.Task task =
        progress.start("Monte Carlo in " + job.space(), samples, "samples")) {
      List<Map<String, org.deltascape.api.PartialSums>> blocks = new ArrayList<>();
      int step = Math.max(1, executor.blocksPerCall());
      for (int from = fromBlock; from < toBlock; from += step) {
        blocks.addAll(executor.run(job, from, Math.min(toBlock, from + step), local, task));
      }
      clock.lap("monte-carlo:" + job.space());
      return blocks;
    }
  }

  /** The Monte Carlo job of a space: its point, name, samples, w* and P as float64 arrays. */
  static MonteCarloJob job(int point, String space, int samples, INDArray weights,
      Directions directions) {
    INDArray basis = directions.basis().castTo(DataType.DOUBLE).dup('c');
    return new MonteCarloJob(point, space, samples,
        weights.castTo(DataType.DOUBLE).data().asDouble(), basis.data().asDouble(),
        directions.dimension(), directions.orthonormal());
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
