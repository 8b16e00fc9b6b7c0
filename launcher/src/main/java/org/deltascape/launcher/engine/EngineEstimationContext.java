package org.deltascape.launcher.engine;

import org.deltascape.api.Dataset;
import org.deltascape.api.Directions;
import org.deltascape.api.EigenSolver;
import org.deltascape.api.EstimationContext;
import org.deltascape.api.Model;
import org.deltascape.api.PluginChoice;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SymmetricOperator;
import org.deltascape.api.ThetaSampler;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The engine's {@link EstimationContext} for one space. */
record EngineEstimationContext(
    String spaceName,
    Model model,
    INDArray weights,
    Directions directions,
    Dataset data,
    ThetaSampler sampler,
    RandomKey samplingKey,
    CurvatureSource curvature,
    Progress progress)
    implements EstimationContext {

  @Override
  public SymmetricOperator prefixHessian(int order, int examples) {
    return curvature.prefixHessian(order, examples);
  }

  @Override
  public EigenSolver solver(PluginChoice backend) {
    return curvature.solver(backend);
  }
}
