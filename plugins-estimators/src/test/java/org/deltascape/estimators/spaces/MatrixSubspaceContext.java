package org.deltascape.estimators.spaces;

import java.util.List;
import java.util.function.IntFunction;
import org.deltascape.api.CurvatureBackend;
import org.deltascape.api.Dataset;
import org.deltascape.api.EigenSolver;
import org.deltascape.api.Model;
import org.deltascape.api.ParameterLayout;
import org.deltascape.api.ParameterTensor;
import org.deltascape.api.PluginChoice;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SubspaceContext;
import org.deltascape.api.SymmetricOperator;
import org.deltascape.estimators.curvature.DenseBackend;
import org.deltascape.estimators.curvature.LanczosBackend;
import org.deltascape.estimators.curvature.PowerIterationBackend;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link SubspaceContext} around a symmetric matrix standing in for H(w*): no data (null; the
 * spaces tested never touch it), a {@link LayoutOnlyModel} whose layout is one weight tensor
 * {@code [n, 1]} unless one is given, w* = 0 of length n unless given, the backends of this
 * module by id, and optionally a Gauss–Newton operator, prefix Hessians H_k and a trajectory.
 * Immutable; the {@code with…} methods return changed copies.
 */
final class MatrixSubspaceContext implements SubspaceContext {
  private final SymmetricOperator hessian;
  private final RandomKey key;
  private final SymmetricOperator gaussNewton;
  private final IntFunction<SymmetricOperator> prefixHessian;
  private final List<INDArray> trajectory;
  private final ParameterLayout layout;
  private final INDArray weights;

  MatrixSubspaceContext(SymmetricOperator hessian, RandomKey key) {
    this(hessian, key, null, null, List.of(), null, null);
  }

  private MatrixSubspaceContext(
      SymmetricOperator hessian,
      RandomKey key,
      SymmetricOperator gaussNewton,
      IntFunction<SymmetricOperator> prefixHessian,
      List<INDArray> trajectory,
      ParameterLayout layout,
      INDArray weights) {
    this.hessian = hessian;
    this.key = key;
    this.gaussNewton = gaussNewton;
    this.prefixHessian = prefixHessian;
    this.trajectory = List.copyOf(trajectory);
    long n = hessian.dimension();
    this.layout =
        layout != null
            ? layout
            : new ParameterLayout(
                List.of(
                    new ParameterTensor(
                        "weight", List.of((int) n, 1), 0, ParameterTensor.Role.WEIGHT, 1)));
    this.weights = weights != null ? weights : Nd4j.zeros(DataType.DOUBLE, n);
  }

  /** This context with a Gauss–Newton operator. */
  MatrixSubspaceContext withGaussNewton(SymmetricOperator operator) {
    return new MatrixSubspaceContext(
        hessian, key, operator, prefixHessian, trajectory, layout, weights);
  }

  /** This context with prefix Hessians H_k = {@code prefix.apply(k)}. */
  MatrixSubspaceContext withPrefixHessian(IntFunction<SymmetricOperator> prefix) {
    return new MatrixSubspaceContext(
        hessian, key, gaussNewton, prefix, trajectory, layout, weights);
  }

  /** This context with training snapshots. */
  MatrixSubspaceContext withTrajectory(List<INDArray> snapshots) {
    return new MatrixSubspaceContext(
        hessian, key, gaussNewton, prefixHessian, snapshots, layout, weights);
  }

  /** This context with a parameter layout and w* (both of size n). */
  MatrixSubspaceContext withModel(ParameterLayout newLayout, INDArray newWeights) {
    return new MatrixSubspaceContext(
        hessian, key, gaussNewton, prefixHessian, trajectory, newLayout, newWeights);
  }

  @Override
  public String name() {
    return "test-space";
  }

  @Override
  public Model model() {
    return new LayoutOnlyModel(layout);
  }

  @Override
  public INDArray weights() {
    return weights.dup();
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
  public SymmetricOperator gaussNewton() {
    if (gaussNewton == null) {
      throw new UnsupportedOperationException("this test context has no Gauss-Newton operator");
    }
    return gaussNewton;
  }

  @Override
  public SymmetricOperator prefixHessian(int examples) {
    if (prefixHessian == null) {
      throw new UnsupportedOperationException("this test context has no prefix Hessians");
    }
    return prefixHessian.apply(examples);
  }

  @Override
  public List<INDArray> trajectory() {
    return trajectory;
  }

  @Override
  public EigenSolver solver(PluginChoice backend) {
    CurvatureBackend plugin =
        switch (backend.id()) {
          case "lanczos" -> new LanczosBackend();
          case "dense" -> new DenseBackend();
          case "power-iteration" -> new PowerIterationBackend();
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
