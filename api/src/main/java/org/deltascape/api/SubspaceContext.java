package org.deltascape.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything a {@link Subspace} may build its directions from. Supplied by the engine.
 */
public interface SubspaceContext {

  /** The space's name in outputs ({@code "hessian"}, or the config's {@code name}). */
  String name();

  /** The model; use from the calling thread only. */
  Model model();

  /** w*, DOUBLE length P; do not modify. */
  INDArray weights();

  /** The examples the landscape is measured on (all N). */
  Dataset data();

  /**
   * The Hessian of the mean loss over all N examples at w*, as an operator whose products the
   * engine counts.
   */
  SymmetricOperator hessian();

  /**
   * The generalised Gauss–Newton matrix over all N examples at w* ({@link
   * Model#gaussNewtonVectorProduct}), products counted like {@link #hessian()}'s.
   */
  SymmetricOperator gaussNewton();

  /**
   * H_k: the Hessian of the mean loss over the first {@code examples} examples of the run's first
   * data order at w*, products counted.
   *
   * @param examples between 1 and N
   */
  SymmetricOperator prefixHessian(int examples);

  /**
   * Snapshots of the parameters taken during training (DOUBLE length P, one per epoch, in order,
   * the last equal to w*); empty when w* was loaded rather than trained here.
   */
  java.util.List<INDArray> trajectory();

  /** A configured solver for a {@link ConfigType#PLUGIN} value naming a curvature backend. */
  EigenSolver solver(PluginChoice backend);

  /**
   * The random key for this space's directions: direction d must depend only on {@code
   * randomKey().at(d)}, so that spaces of growing D are nested.
   */
  RandomKey randomKey();

  /** Where to report long work. */
  Progress progress();
}
