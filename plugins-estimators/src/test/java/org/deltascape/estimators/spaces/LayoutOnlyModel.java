package org.deltascape.estimators.spaces;

import org.deltascape.api.Batch;
import org.deltascape.api.Model;
import org.deltascape.api.ParameterLayout;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SubspaceModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link Model} that has only a parameter layout, for spaces that read the layout (filter
 * normalisation, layer restriction) but never evaluate the model. Every other method throws.
 */
final class LayoutOnlyModel implements Model {
  private final ParameterLayout layout;

  LayoutOnlyModel(ParameterLayout layout) {
    this.layout = layout;
  }

  @Override
  public ParameterLayout layout() {
    return layout;
  }

  @Override
  public DataType dataType() {
    return DataType.DOUBLE;
  }

  @Override
  public INDArray initialWeights(RandomKey key) {
    throw unused();
  }

  @Override
  public void losses(INDArray w, Batch batch, INDArray out) {
    throw unused();
  }

  @Override
  public double lossAndGradient(INDArray w, Batch batch, INDArray gradient) {
    throw unused();
  }

  @Override
  public void hessianVectorProduct(INDArray w, Batch batch, INDArray v, INDArray out) {
    throw unused();
  }

  @Override
  public void predict(INDArray w, Batch batch, INDArray out) {
    throw unused();
  }

  @Override
  public SubspaceModel restrict(INDArray w0, INDArray basis) {
    throw unused();
  }

  private static UnsupportedOperationException unused() {
    return new UnsupportedOperationException("a layout-only test model is never evaluated");
  }
}
