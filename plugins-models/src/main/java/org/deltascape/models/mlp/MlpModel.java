package org.deltascape.models.mlp;

import java.util.Map;
import org.deltascape.models.ScratchCache;
import java.util.random.RandomGenerator;
import org.deltascape.api.Batch;
import org.deltascape.api.Model;
import org.deltascape.api.ParameterLayout;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SubspaceModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A multilayer perceptron over a flat parameter vector: dense layers with biases, σ (relu or tanh)
 * between them, softmax cross-entropy (classification) or half squared error (regression) on the
 * output. Its Hessian-vector product is exact, computed by Pearlmutter's R-operator (B. A.
 * Pearlmutter, "Fast exact multiplication by the Hessian", Neural Computation 6(1):147–160, 1994):
 * a forward pass of directional derivatives R(z), R(a) followed by a backward pass of R(δ), costing
 * about twice a gradient, never finite differences. Its generalised Gauss–Newton product {@code
 * G v = (1/n) Σ J_iᵀ ∇²_f ℓ_i J_i v} (N. N. Schraudolph, "Fast curvature matrix-vector products for
 * second-order gradient descent", Neural Computation 14(7):1723–1738, 2002) reuses the R-forward
 * pass and plain back-propagation.
 *
 * <p>Arithmetic is in {@link MlpArchitecture#dataType()}; parameter-sized vectors crossing the SPI
 * are DOUBLE and are converted on the way in and out. Initial weights follow PyTorch's {@code
 * nn.Linear}: weights and biases of a layer with fan-in m are drawn from {@code U(−1/√m, 1/√m)},
 * from the generator of {@code key.child(tensorName).at(key.index())}.
 *
 * <p>Not thread-safe: scratch arrays are kept per batch size (the two most recent sizes, so that a
 * trainer's full and last partial batches both stay cached); about {@code 8·n·Σ widths} numbers
 * each.
 */
public final class MlpModel implements Model {
  private static final int CACHED_BATCH_SIZES = 2;

  private final MlpArchitecture shape;
  private final ParameterLayout layout;
  private final MlpPasses passes;
  private final LayerViews weights;
  private final LayerViews direction;
  private final LayerViews product;
  private final Map<Integer, MlpWorkspace> workspaces = new ScratchCache<>(CACHED_BATCH_SIZES);

  /** A model of the given shape. */
  public MlpModel(MlpArchitecture shape) {
    this.shape = shape;
    this.layout = shape.layout();
    this.passes = new MlpPasses(shape);
    this.weights = LayerViews.allocate(shape);
    this.direction = LayerViews.allocate(shape);
    this.product = LayerViews.allocate(shape);
  }

  /** The shape of this network. */
  public MlpArchitecture architecture() {
    return shape;
  }

  @Override
  public ParameterLayout layout() {
    return layout;
  }

  @Override
  public DataType dataType() {
    return shape.dataType();
  }

  @Override
  public INDArray initialWeights(RandomKey key) {
    double[] values = new double[Math.toIntExact(shape.parameterCount())];
    for (int j = 0; j < shape.layers(); j++) {
      double bound = 1.0 / Math.sqrt(shape.width(j));
      String name = "layer" + (j + 1);
      long bias = shape.biasOffset(j);
      fillUniform(values, shape.weightOffset(j), bias, bound, tensorKey(key, name + ".weight"));
      fillUniform(values, bias, bias + shape.width(j + 1), bound, tensorKey(key, name + ".bias"));
    }
    return Nd4j.createFromArray(values);
  }

  @Override
  public void losses(INDArray w, Batch batch, INDArray out) {
    MlpWorkspace ws = prepare(w, batch);
    INDArray x = MlpInputs.features(shape, batch);
    passes.forward(weights, x, ws, 0, false);
    shape.loss().evaluate(passes.output(ws), MlpInputs.targets(shape, batch), ws.losses, null);
    out.assign(ws.losses);
  }

  @Override
  public double lossAndGradient(INDArray w, Batch batch, INDArray gradient) {
    MlpWorkspace ws = prepare(w, batch);
    INDArray x = MlpInputs.features(shape, batch);
    passes.forward(weights, x, ws, 0, true);
    int last = shape.layers() - 1;
    shape
        .loss()
        .evaluate(passes.output(ws), MlpInputs.targets(shape, batch), ws.losses, ws.delta[last]);
    ws.delta[last].divi(ws.rows);
    passes.backward(weights, x, ws, product);
    gradient.assign(product.flat());
    return ws.lossesDouble.assign(ws.losses).meanNumber().doubleValue();
  }

  @Override
  public void hessianVectorProduct(INDArray w, Batch batch, INDArray v, INDArray out) {
    MlpInputs.requireParameterVector(shape, v, "v");
    MlpWorkspace ws = prepare(w, batch);
    ws.ensureCurvatureArrays(shape);
    direction.flat().assign(v);
    INDArray x = MlpInputs.features(shape, batch);
    passes.forward(weights, x, ws, 0, true);
    passes.rForward(weights, direction, x, null, ws);
    int last = shape.layers() - 1;
    OutputLoss loss = shape.loss();
    INDArray logits = passes.output(ws);
    loss.evaluate(logits, MlpInputs.targets(shape, batch), null, ws.delta[last]);
    ws.delta[last].divi(ws.rows);
    loss.curvatureProduct(logits, ws.rz[last], ws.rdelta[last]);
    ws.rdelta[last].divi(ws.rows);
    passes.rBackward(weights, direction, x, null, ws, product, null, null);
    out.assign(product.flat());
  }

  /**
   * The generalised Gauss–Newton product (Schraudolph 2002): the R-forward pass gives {@code J v},
   * the output loss's curvature turns it into {@code ∇²_f ℓ · J v / n}, and plain back-propagation of
   * that (without the second-order terms of the R-backward pass) applies {@code Jᵀ}.
   */
  @Override
  public void gaussNewtonVectorProduct(INDArray w, Batch batch, INDArray v, INDArray out) {
    MlpInputs.requireParameterVector(shape, v, "v");
    MlpWorkspace ws = prepare(w, batch);
    ws.ensureCurvatureArrays(shape);
    direction.flat().assign(v);
    INDArray x = MlpInputs.features(shape, batch);
    passes.forward(weights, x, ws, 0, true);
    passes.rForward(weights, direction, x, null, ws);
    int last = shape.layers() - 1;
    shape.loss().curvatureProduct(passes.output(ws), ws.rz[last], ws.delta[last]);
    ws.delta[last].divi(ws.rows);
    passes.backward(weights, x, ws, product);
    out.assign(product.flat());
  }

  @Override
  public void predict(INDArray w, Batch batch, INDArray out) {
    MlpWorkspace ws = prepare(w, batch);
    passes.forward(weights, MlpInputs.features(shape, batch), ws, 0, false);
    out.assign(passes.output(ws));
  }

  /**
   * The MLP restricted to {@code w0 + Pθ}: block evaluation reuses the first layer's products with
   * the batch across samples, and per-example derivatives come from forward-mode passes; see {@link
   * MlpSubspaceModel}.
   */
  @Override
  public SubspaceModel restrict(INDArray w0, INDArray basis) {
    return new MlpSubspaceModel(shape, w0, basis);
  }

  private MlpWorkspace prepare(INDArray w, Batch batch) {
    MlpInputs.requireParameterVector(shape, w, "w");
    MlpInputs.requireBatch(shape, batch);
    weights.flat().assign(w);
    return workspaces.computeIfAbsent(batch.size(), rows -> new MlpWorkspace(shape, rows));
  }

  /** {@code key.child(tensor)} at the key's own index, so that every component of key counts. */
  private static RandomKey tensorKey(RandomKey key, String tensor) {
    return key.child(tensor).at(key.index());
  }

  private static void fillUniform(
      double[] values, long from, long to, double bound, RandomKey key) {
    RandomGenerator generator = key.generator();
    for (int i = (int) from; i < to; i++) {
      values[i] = generator.nextDouble(-bound, bound);
    }
  }
}
