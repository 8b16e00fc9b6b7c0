package org.deltascape.estimators.spaces;

import org.deltascape.api.CurvatureBackend;
import org.deltascape.api.Dataset;
import org.deltascape.api.EigenSolver;
import org.deltascape.api.Model;
import org.deltascape.api.PluginChoice;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SubspaceContext;
import org.deltascape.api.SymmetricOperator;
import org.deltascape.estimators.curvature.DenseBackend;
import org.deltascape.estimators.curvature.LanczosBackend;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link SubspaceContext} around a symmetric matrix standing in for H(w*): no model and no data
 * (both null; the spaces tested never touch them), w* = 0 of length n, and the backends of this
 * module by id.
 */
final class MatrixSubspaceContext implements SubspaceContext {
  private final SymmetricOperator hessian;
  private final RandomKey key;

  MatrixSubspaceContext(SymmetricOperator hessian, RandomKey key) {
    this.hessian = hessian;
    this.key = key;
  }

  @Override
  public String name() {
    return "test-space";
  }

  @Override
  public Model model() {
    return null;
  }

  @Override
  public INDArray weights() {
    return Nd4j.zeros(DataType.DOUBLE, hessian.dimension());
  }

  @Override
  public Dataset data() {
    return null;
  }

  @Override
  public SymmetricOperator hessian() {
    return hessian;
  }

  @Override
  public EigenSolver solver(PluginChoice backend) {
    CurvatureBackend plugin =
        switch (backend.id()) {
          case "lanczos" -> new LanczosBackend();
          case "dense" -> new DenseBackend();
          default -> throw new IllegalArgumentException("no backend " + backend.id());
        };
    return plugin.create(backend.settings());
  }

  @Override
  public RandomKey randomKey() {
    return key;
  }

  @Override
  public Progress progress() {
    return Progress.silent();
  }
}
