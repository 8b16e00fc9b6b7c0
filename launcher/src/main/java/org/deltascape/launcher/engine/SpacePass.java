package org.deltascape.launcher.engine;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deltascape.api.DeltaProblem;
import org.deltascape.api.Estimator;
import org.deltascape.api.EstimatorInput;
import org.deltascape.api.ExampleDerivatives;
import org.deltascape.api.Model;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Sampler;
import org.deltascape.api.SubspaceModel;
import org.deltascape.api.ThetaSampler;
import org.deltascape.launcher.config.ExperimentConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What one space's estimators need before they run, built the same way wherever it is built (the
 * experiment's JVM, a shard, a Spark executor) so that every block's sums are bit-identical: the
 * problem, the θ sampler and its key, the subspace model restricted to a job's w* and P (rebuilt
 * from the job's float64 arrays on every side), the per-example derivatives when an estimator
 * takes them, and the estimators prepared for the problem.
 *
 * @param problem the problem every estimator of the space is given
 * @param thetaSampler θ's distribution in D dimensions
 * @param thetaKey the key of the space's θ stream
 * @param subspace the model restricted to w* + Pθ
 * @param derivatives per-example value, gradient and Hessian at w*, or null when no estimator
 *     among those prepared takes them
 * @param prepared every estimator given, prepared, in the order given
 * @param sampling those of {@code prepared} that take loss samples
 * @param compat the paper-compat settings of the Monte Carlo pass, or null
 */
record SpacePass(DeltaProblem problem, ThetaSampler thetaSampler, RandomKey thetaKey,
    SubspaceModel subspace, ExampleDerivatives derivatives, Map<String, Estimator> prepared,
    Map<String, Estimator> sampling, MonteCarloPass.Compat compat) {

  /**
   * Prepares a space.
   *
   * @param estimators the estimators to prepare (all of a space's, or only those that sample)
   */
  static SpacePass prepare(Model model, DataChunks chunks, DataOrders orders, ExperimentConfig config,
      MonteCarloJob job, Map<String, Estimator> estimators, Sampler sampler) {
    ThetaSampler thetaSampler = sampler.create(config.sampler().settings(), job.dimension());
    RandomKey thetaKey = thetaKey(config, job.space());
    DeltaProblem problem = new DeltaProblem(chunks.size(), config.step(), orders.orders(),
        job.dimension(), config.samples(), thetaSampler.moments().orElse(null));
    SubspaceModel subspace = model.restrict(weights(job), basis(job));
    EnumSet<EstimatorInput> needs = EnumSet.noneOf(EstimatorInput.class);
    estimators.values().forEach(estimator -> needs.addAll(estimator.inputs()));
    ExampleDerivatives derivatives = needs.contains(EstimatorInput.DERIVATIVES)
        ? ExampleDerivativesPass.run(subspace, chunks, job.dimension()) : null;
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
    MonteCarloPass.Compat compat =
        config.paperCompat() ? new MonteCarloPass.Compat(config.seeds().order()) : null;
    return new SpacePass(problem, thetaSampler, thetaKey, subspace, derivatives, prepared, sampling,
        compat);
  }

  /** The key of a space's θ stream. */
  static RandomKey thetaKey(ExperimentConfig config, String space) {
    return new RandomKey(config.seeds().sampling(), "theta/" + space, 0);
  }

  /** The job's w* as the models take it. */
  static INDArray weights(MonteCarloJob job) {
    return Nd4j.createFromArray(job.weights()).reshape(job.weights().length);
  }

  /** The job's P, P × D float64 in row-major order. */
  static INDArray basis(MonteCarloJob job) {
    return Nd4j.create(job.basis(), new long[] {job.weights().length, job.dimension()}, 'c')
        .castTo(DataType.DOUBLE);
  }

  /** This space's Monte Carlo blocks, computed in this JVM. */
  BlockComputer blocks(DataChunks chunks, int samples, String label) {
    return blocks(losses(chunks, samples), samples, label);
  }

  /**
   * This space's Monte Carlo blocks, accumulated in this JVM from the losses {@code losses}
   * supplies (this JVM's chunk loop, or an executor's).
   */
  BlockComputer blocks(LossSource losses, int samples, String label) {
    return MonteCarloPass.computer(losses, thetaSampler, thetaKey, samples,
        subspace.dimension(), problem, sampling, compat, label);
  }

  /** This space's Monte Carlo losses, evaluated in this JVM chunk by chunk. */
  LossSource losses(DataChunks chunks, int samples) {
    return new ChunkedLosses(subspace, thetaSampler, thetaKey, samples, chunks, Experiment.CHUNK,
        compat);
  }
}
