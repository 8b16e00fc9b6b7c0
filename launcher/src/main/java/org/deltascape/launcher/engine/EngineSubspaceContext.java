package org.deltascape.launcher.engine;

import org.deltascape.api.CurvatureBackend;
import org.deltascape.api.Dataset;
import org.deltascape.api.EigenSolver;
import org.deltascape.api.Model;
import org.deltascape.api.PluginChoice;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SubspaceContext;
import org.deltascape.api.SymmetricOperator;
import org.deltascape.launcher.discovery.PluginRegistry;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The engine's {@link SubspaceContext}: the Hessian on all N examples, with products counted. */
final class EngineSubspaceContext implements SubspaceContext {

  private final String name;
  private final Model model;
  private final INDArray weights;
  private final Dataset data;
  private final CountingOperator hessian;
  private final PluginRegistry registry;
  private final RandomKey key;
  private final Progress progress;

  EngineSubspaceContext(
      String name,
      Model model,
      INDArray weights,
      Dataset data,
      DataChunks chunks,
      PluginRegistry registry,
      RandomKey key,
      Progress progress) {
    this.name = name;
    this.model = model;
    this.weights = weights;
    this.data = data;
    this.hessian = new CountingOperator(new DatasetHessian(model, weights, chunks));
    this.registry = registry;
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
    return hessian;
  }

  @Override
  public EigenSolver solver(PluginChoice backend) {
    return registry.require(CurvatureBackend.class, backend.id()).create(backend.settings());
  }

  @Override
  public RandomKey randomKey() {
    return key;
  }

  @Override
  public Progress progress() {
    return progress;
  }

  /** Hessian-vector products used so far. */
  int products() {
    return hessian.products();
  }
}
