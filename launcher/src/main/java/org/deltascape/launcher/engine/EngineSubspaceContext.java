package org.deltascape.launcher.engine;

import java.util.List;
import org.deltascape.api.Dataset;
import org.deltascape.api.EigenSolver;
import org.deltascape.api.Model;
import org.deltascape.api.PluginChoice;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SubspaceContext;
import org.deltascape.api.SymmetricOperator;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The engine's {@link SubspaceContext}: curvature at w* with products counted, and the trajectory. */
final class EngineSubspaceContext implements SubspaceContext {

  private final String name;
  private final Model model;
  private final INDArray weights;
  private final Dataset data;
  private final CurvatureSource curvature;
  private final List<INDArray> trajectory;
  private final RandomKey key;
  private final Progress progress;

  EngineSubspaceContext(String name, Model model, INDArray weights, Dataset data,
      CurvatureSource curvature, List<INDArray> trajectory, RandomKey key, Progress progress) {
    this.name = name;
    this.model = model;
    this.weights = weights;
    this.data = data;
    this.curvature = curvature;
    this.trajectory = List.copyOf(trajectory);
    this.key = key;
    this.progress = progress;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Model model() {
    return model;
  }

  @Override
  public INDArray weights() {
    return weights;
  }

  @Override
  public Dataset data() {
    return data;
  }

  @Override
  public SymmetricOperator hessian() {
    return curvature.hessian();
  }

  @Override
  public SymmetricOperator gaussNewton() {
    return curvature.gaussNewton();
  }

  @Override
  public SymmetricOperator prefixHessian(int examples) {
    return curvature.prefixHessian(0, examples);
  }

  @Override
  public List<INDArray> trajectory() {
    return trajectory;
  }

  @Override
  public EigenSolver solver(PluginChoice backend) {
    return curvature.solver(backend);
  }

  @Override
  public RandomKey randomKey() {
    return key;
  }

  @Override
  public Progress progress() {
    return progress;
  }
}
