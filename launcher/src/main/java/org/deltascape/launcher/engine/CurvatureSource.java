package org.deltascape.launcher.engine;

import java.util.Arrays;
import org.deltascape.api.CurvatureBackend;
import org.deltascape.api.EigenSolver;
import org.deltascape.api.Model;
import org.deltascape.api.PluginChoice;
import org.deltascape.launcher.discovery.PluginRegistry;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The curvature operators one space may ask for, all at w* and all counting their products into
 * one counter: H on all N examples, the Gauss–Newton matrix, and H_k on the first k examples of a
 * data order.
 */
final class CurvatureSource {

  private final Model model;
  private final INDArray weights;
  private final DataChunks chunks;
  private final int[][] orders;
  private final PluginRegistry registry;
  private int products;

  CurvatureSource(Model model, INDArray weights, DataChunks chunks, int[][] orders, PluginRegistry registry) {
    this.model = model;
    this.weights = weights;
    this.chunks = chunks;
    this.orders = orders;
    this.registry = registry;
  }

  /** H(w*) over all N examples. */
  CountingOperator hessian() {
    return counted(new DatasetHessian(model, weights, chunks, DatasetHessian.Kind.HESSIAN));
  }

  /** The Gauss–Newton matrix over all N examples. */
  CountingOperator gaussNewton() {
    return counted(new DatasetHessian(model, weights, chunks, DatasetHessian.Kind.GAUSS_NEWTON));
  }

  /** H_k over the first {@code examples} positions of data order {@code order}. */
  CountingOperator prefixHessian(int order, int examples) {
    if (order < 0 || order >= orders.length) {
      throw new IllegalArgumentException("no data order " + order + " of " + orders.length);
    }
    if (examples < 1 || examples > chunks.size()) {
      throw new IllegalArgumentException("H_k needs 1 to " + chunks.size() + " examples, not " + examples);
    }
    int[] first = Arrays.copyOf(orders[order], examples);
    return counted(new DatasetHessian(model, weights, chunks.select(first, Experiment.CHUNK),
        DatasetHessian.Kind.HESSIAN));
  }

  /** A solver for a backend choice. */
  EigenSolver solver(PluginChoice backend) {
    return registry.require(CurvatureBackend.class, backend.id()).create(backend.settings());
  }

  /** P, the dimension of every operator. */
  long dimension() {
    return weights.length();
  }

  /** Products used by every operator handed out so far. */
  int products() {
    return products;
  }

  private CountingOperator counted(DatasetHessian operator) {
    return new CountingOperator(operator, () -> products++);
  }
}
