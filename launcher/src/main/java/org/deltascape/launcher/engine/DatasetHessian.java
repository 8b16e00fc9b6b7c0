package org.deltascape.launcher.engine;

import org.deltascape.api.Model;
import org.deltascape.api.SymmetricOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Hessian (or the Gauss–Newton matrix) of the mean loss over a set of examples at w, as an
 * operator: the chunk-weighted sum of the model's exact per-chunk products, so that memory stays
 * bounded whatever N.
 */
final class DatasetHessian implements SymmetricOperator {

  /** Which curvature matrix the operator multiplies by. */
  enum Kind {
    HESSIAN,
    GAUSS_NEWTON
  }

  private final Model model;
  private final INDArray weights;
  private final DataChunks chunks;
  private final Kind kind;
  private final INDArray partial;

  DatasetHessian(Model model, INDArray weights, DataChunks chunks, Kind kind) {
    this.model = model;
    this.weights = weights;
    this.chunks = chunks;
    this.kind = kind;
    this.partial = Nd4j.zeros(DataType.DOUBLE, weights.length());
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
      if (kind == Kind.HESSIAN) {
        model.hessianVectorProduct(weights, chunk.batch(), v, partial);
      } else {
        model.gaussNewtonVectorProduct(weights, chunk.batch(), v, partial);
      }
      out.addi(partial.muli(chunk.batch().size() / n));
    }
  }
}
