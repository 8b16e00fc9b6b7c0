package org.deltascape.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What an estimator may consult beyond its sums and derivatives: the model, w*, the space, the
 * data and the curvature of prefixes H_k (for estimators that recompute spectra per k, or bound
 * norms over the sampled region). Supplied by the engine for {@link EstimatorInput#MODEL}.
 */
public interface EstimationContext {

  /** The space's name. */
  String spaceName();

  /** The model; use from the calling thread only. */
  Model model();

  /** w*, DOUBLE length P; do not modify. */
  INDArray weights();

  /** The space's directions P. */
  Directions directions();

  /** The examples (all N, in dataset order). */
  Dataset data();

  /** The sampler of θ and the key its samples come from. */
  ThetaSampler sampler();

  /** The key of this space's θ samples: θ_s depends on {@code samplingKey().at(s)}. */
  RandomKey samplingKey();

  /**
   * H_k over the first {@code examples} positions of data order {@code order} at w*, products
   * counted.
   */
  SymmetricOperator prefixHessian(int order, int examples);

  /** A configured solver for a {@link ConfigType#PLUGIN} value naming a curvature backend. */
  EigenSolver solver(PluginChoice backend);

  /** Where to report long work. */
  Progress progress();
}
