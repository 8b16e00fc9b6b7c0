package org.deltascape.models;

import java.util.Arrays;
import java.util.Objects;
import org.deltascape.api.Batch;
import org.deltascape.api.Model;
import org.deltascape.api.SubspaceModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A {@link SubspaceModel} for any {@link Model}, built only from its full-space methods: block
 * evaluation assembles {@code w0 + Pθ_s} and calls {@link Model#losses} once per sample; per
 * example, the D-gradient is {@code Pᵀ∇l_i} from a one-example {@link Model#lossAndGradient} and
 * the D×D Hessian is {@code Pᵀ(∇²l_i P)} from D one-example {@link Model#hessianVectorProduct}s.
 *
 * <p>Slow (n·(D + 1) model calls for the derivatives) but exact whenever the model's products are,
 * and independent of any model's internals: it is the reference the fast paths of particular models
 * are tested against, and a default that a new model can return from {@link Model#restrict} until
 * it has a faster one. The Hessians are symmetrised, {@code ½(M + Mᵀ)}, which changes them only by
 * rounding.
 *
 * <p>Not thread-safe (it uses the model, which is not).
 */
public final class FullSpaceSubspaceModel implements SubspaceModel {
  private final Model model;
  private final INDArray w0;
  private final INDArray basis;
  private final INDArray point;
  private final INDArray gradient;
  private final INDArray product;

  /**
   * The model restricted to {@code w0 + Pθ}.
   *
   * @param model the full-space model; used, not copied
   * @param w0 the centre, DOUBLE length P; not copied: do not modify it afterwards
   * @param basis P, {@code P × D} DOUBLE, D ≥ 1
   */
  public FullSpaceSubspaceModel(Model model, INDArray w0, INDArray basis) {
    this.model = Objects.requireNonNull(model, "model");
    long size = model.parameterCount();
    if (w0.length() != size) {
      throw new IllegalArgumentException("w0 has " + w0.length() + " elements, expected " + size);
    }
    if (basis.rank() != 2 || basis.rows() != size || basis.columns() < 1) {
      throw new IllegalArgumentException(
          "the basis must be " + size + " × D with D >= 1, not " + Arrays.toString(basis.shape()));
    }
    this.w0 = w0.reshape(size);
    this.basis = basis;
    this.point = Nd4j.create(DataType.DOUBLE, size);
    this.gradient = Nd4j.create(DataType.DOUBLE, size);
    this.product = Nd4j.create(DataType.DOUBLE, size);
  }

  @Override
  public int dimension() {
    return basis.columns();
  }

  @Override
  public void losses(INDArray thetas, Batch batch, INDArray out) {
    INDArray row = Nd4j.create(DataType.DOUBLE, batch.size());
    for (int s = 0; s < thetas.rows(); s++) {
      INDArray theta = thetas.getRow(s).reshape(dimension(), 1).castTo(DataType.DOUBLE);
      point.assign(basis.mmul(theta).reshape(point.length())).addi(w0);
      model.losses(point, batch, row);
      out.getRow(s).assign(row);
    }
  }

  @Override
  public void derivatives(Batch batch, INDArray values, INDArray gradients, INDArray hessians) {
    int dimension = dimension();
    INDArray value = Nd4j.create(DataType.DOUBLE, 1);
    INDArray flatValues = values.reshape(batch.size());
    INDArray hessian = Nd4j.create(DataType.DOUBLE, dimension, dimension);
    for (int i = 0; i < batch.size(); i++) {
      Batch example = example(batch, i);
      model.losses(w0, example, value);
      flatValues.putScalar(i, value.getDouble(0));
      model.lossAndGradient(w0, example, gradient);
      gradients
          .getRow(i)
          .assign(
              basis.transpose().mmul(gradient.reshape(gradient.length(), 1)).reshape(dimension));
      for (int d = 0; d < dimension; d++) {
        model.hessianVectorProduct(w0, example, basis.getColumn(d).dup(), product);
        hessian
            .getColumn(d)
            .assign(
                basis.transpose().mmul(product.reshape(product.length(), 1)).reshape(dimension));
      }
      hessians
          .get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.all())
          .assign(hessian.add(hessian.transpose()).muli(0.5));
    }
  }

  private static Batch example(Batch batch, int i) {
    return new Batch(
        batch.features().get(NDArrayIndex.interval(i, i + 1), NDArrayIndex.all()).dup(),
        batch.targets().get(NDArrayIndex.interval(i, i + 1), NDArrayIndex.all()).dup());
  }
}
