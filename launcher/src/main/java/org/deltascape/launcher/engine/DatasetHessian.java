package org.deltascape.launcher.engine;

import org.deltascape.api.Model;
import org.deltascape.api.SymmetricOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * H(w) = ∇²L_N(w), the Hessian of the mean loss over all N examples, as an operator: the
 * chunk-weighted sum of the model's exact per-chunk products, so that memory stays bounded.
 */
final class DatasetHessian implements SymmetricOperator {

  private final Model model;
  private final INDArray weights;
  private final DataChunks chunks;
  private final INDArray partial;

  DatasetHessian(Model model, INDArray weights, DataChunks chunks) {
    this.model = model;
    this.weights = weights;
    this.chunks = chunks;
    this.partial = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.DOUBLE, weights.length());
  }

  @Override
  public long dimension() {
    return weights.length();
  }

  @Override
  public void apply(INDArray v, INDArray out) {
    out.assign(0);
    double n = chunks.size();
    for (DataChunks.Chunk chunk : chunks) {
      model.hessianVectorProduct(weights, chunk.batch(), v, partial);
      out.addi(partial.muli(chunk.batch().size() / n));
    }
  }
}
