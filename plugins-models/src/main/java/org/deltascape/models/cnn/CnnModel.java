package org.deltascape.models.cnn;

import java.util.List;
import java.util.Map;
import org.deltascape.models.ScratchCache;
import java.util.random.RandomGenerator;
import org.deltascape.api.Batch;
import org.deltascape.api.Model;
import org.deltascape.api.ParameterLayout;
import org.deltascape.api.ParameterTensor;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SubspaceModel;
import org.deltascape.models.FullSpaceSubspaceModel;
import org.deltascape.models.mlp.OutputLoss;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A convolutional network (blocks of convolution, max-pooling and σ, then a dense head; see {@link
 * CnnArchitecture}) over a flat parameter vector, with softmax cross-entropy or half squared error.
 *
 * <p>Its Hessian-vector product is exact, by Pearlmutter's R-operator (B. A. Pearlmutter, "Fast
 * exact multiplication by the Hessian", Neural Computation 6(1):147–160, 1994) carried through
 * convolution (linear in both its input and its kernel, so its R-pass is the sum of the two
 * products) and max-pooling (a selection fixed by the forward pass's argmax, through which tangents
 * and deltas are routed); σ'' enters through the R-backward pass (0 for relu). Its generalised
 * Gauss–Newton product {@code G v = (1/n) Σ J_iᵀ ∇²_f ℓ_i J_i v} (N. N. Schraudolph, "Fast curvature
 * matrix-vector products for second-order gradient descent", Neural Computation 14(7):1723–1738,
 * 2002) is the R-forward pass, the output loss's curvature, and plain back-propagation.
 *
 * <p>Convolutions are im2col (Java loops over index maps, {@link Patches}) followed by one ND4J
 * matrix product per block and chunk; examples go in chunks so that a chunk's patch matrix stays
 * under about {@value #CHUNK_ELEMENTS} numbers. Initial weights follow PyTorch's {@code nn.Conv2d}
 * and {@code nn.Linear}: {@code U(−1/√fan-in, 1/√fan-in)} for weights and biases, drawn from the
 * generator of {@code key.child(tensorName).at(key.index())}.
 *
 * <p>{@link #restrict} returns a {@link FullSpaceSubspaceModel}: exact, but it takes {@code D + 1}
 * one-example passes per example for the derivatives.
 *
 * <p>Not thread-safe: scratch arrays are kept for the two most recent chunk sizes.
 */
public final class CnnModel implements Model {
  static final long CHUNK_ELEMENTS = 1L << 22;
  private static final int CACHED_CHUNK_SIZES = 2;

  private final CnnArchitecture shape;
  private final ParameterLayout layout;
  private final CnnPasses passes;
  private final OutputLoss loss;
  private final int chunkRows;
  private final CnnParameters weights;
  private final CnnParameters direction;
  private final CnnParameters product;
  private final INDArray total;
  private final Map<Integer, CnnChunk> chunks = new ScratchCache<>(CACHED_CHUNK_SIZES);

  /** A model of the given shape. */
  public CnnModel(CnnArchitecture shape) {
    this(shape, CHUNK_ELEMENTS);
  }

  /** With a chosen chunk limit, so that tests reach the chunked paths cheaply. */
  CnnModel(CnnArchitecture shape, long chunkElements) {
    this.shape = shape;
    this.layout = shape.layout();
    this.passes = new CnnPasses(shape);
    this.loss = OutputLoss.of(shape.targetKind());
    long widest = 1;
    for (ConvGeometry block : shape.blocks()) {
      widest = Math.max(widest, (long) block.positions() * block.patchSize());
    }
    this.chunkRows = (int) Math.max(1, Math.min(Integer.MAX_VALUE, chunkElements / widest));
    this.weights = CnnParameters.allocate(shape);
    this.direction = CnnParameters.allocate(shape);
    this.product = CnnParameters.allocate(shape);
    this.total = Nd4j.create(shape.dataType(), shape.parameterCount());
  }

  /** The shape of this network. */
  public CnnArchitecture architecture() {
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
    List<ParameterTensor> tensors = layout.tensors();
    for (int t = 0; t < tensors.size(); t += 2) {
      ParameterTensor weight = tensors.get(t);
      ParameterTensor bias = tensors.get(t + 1);
      double bound = 1.0 / Math.sqrt(weight.filterSize());
      fillUniform(values, weight, bound, key);
      fillUniform(values, bias, bound, key);
    }
    return Nd4j.createFromArray(values);
  }

  @Override
  public void losses(INDArray w, Batch batch, INDArray out) {
    prepare(w, batch);
    INDArray flat = out.reshape(out.length());
    INDArray targets = typed(batch.targets());
    for (int from = 0; from < batch.size(); from += chunkRows) {
      int to = Math.min(batch.size(), from + chunkRows);
      CnnChunk c = chunk(batch, from, to);
      INDArray output = passes.forward(weights, c);
      loss.evaluate(output, rows(targets, from, to), c.head.losses(), null);
      flat.get(NDArrayIndex.interval(from, to)).assign(c.head.losses());
    }
  }

  @Override
  public double lossAndGradient(INDArray w, Batch batch, INDArray gradient) {
    prepare(w, batch);
    INDArray targets = typed(batch.targets());
    total.assign(0.0);
    double sum = 0;
    for (int from = 0; from < batch.size(); from += chunkRows) {
      int to = Math.min(batch.size(), from + chunkRows);
      CnnChunk c = chunk(batch, from, to);
      INDArray output = passes.forward(weights, c);
      loss.evaluate(output, rows(targets, from, to), c.head.losses(), c.head.outputDelta());
      sum += c.head.losses().castTo(DataType.DOUBLE).sumNumber().doubleValue();
      c.head.outputDelta().divi(batch.size());
      passes.backward(weights, c, product);
      total.addi(product.flat());
    }
    gradient.assign(total);
    return sum / batch.size();
  }

  @Override
  public void hessianVectorProduct(INDArray w, Batch batch, INDArray v, INDArray out) {
    requireParameterVector(v, "v");
    prepare(w, batch);
    direction.flat().assign(v);
    INDArray targets = typed(batch.targets());
    total.assign(0.0);
    for (int from = 0; from < batch.size(); from += chunkRows) {
      int to = Math.min(batch.size(), from + chunkRows);
      CnnChunk c = chunk(batch, from, to);
      INDArray output = passes.forward(weights, c);
      passes.rForward(weights, direction, c);
      loss.evaluate(output, rows(targets, from, to), null, c.head.outputDelta());
      c.head.outputDelta().divi(batch.size());
      loss.curvatureProduct(output, c.head.outputTangent(), c.head.outputTangentDelta());
      c.head.outputTangentDelta().divi(batch.size());
      passes.rBackward(weights, direction, c, product);
      total.addi(product.flat());
    }
    out.assign(total);
  }

  @Override
  public void gaussNewtonVectorProduct(INDArray w, Batch batch, INDArray v, INDArray out) {
    requireParameterVector(v, "v");
    prepare(w, batch);
    direction.flat().assign(v);
    total.assign(0.0);
    for (int from = 0; from < batch.size(); from += chunkRows) {
      int to = Math.min(batch.size(), from + chunkRows);
      CnnChunk c = chunk(batch, from, to);
      INDArray output = passes.forward(weights, c);
      passes.rForward(weights, direction, c);
      loss.curvatureProduct(output, c.head.outputTangent(), c.head.outputDelta());
      c.head.outputDelta().divi(batch.size());
      passes.backward(weights, c, product);
      total.addi(product.flat());
    }
    out.assign(total);
  }

  @Override
  public void predict(INDArray w, Batch batch, INDArray out) {
    prepare(w, batch);
    for (int from = 0; from < batch.size(); from += chunkRows) {
      int to = Math.min(batch.size(), from + chunkRows);
      rows(out, from, to).assign(passes.forward(weights, chunk(batch, from, to)));
    }
  }

  @Override
  public SubspaceModel restrict(INDArray w0, INDArray basis) {
    return new FullSpaceSubspaceModel(this, w0, basis);
  }

  private void prepare(INDArray w, Batch batch) {
    requireParameterVector(w, "w");
    int features = shape.inputChannels() * shape.height() * shape.width();
    if (batch.features().columns() != features || batch.targets().columns() != shape.outputs()) {
      throw new IllegalArgumentException(
          "the batch has "
              + batch.features().columns()
              + " features and "
              + batch.targets().columns()
              + " targets per example but the CNN expects "
              + features
              + " and "
              + shape.outputs());
    }
    weights.flat().assign(w);
  }

  /** The chunk's scratch arrays, with the rows {@code [from, to)} of the features in its input. */
  private CnnChunk chunk(Batch batch, int from, int to) {
    CnnChunk c = chunks.computeIfAbsent(to - from, rows -> new CnnChunk(shape, rows));
    HostCopy.read(rows(batch.features(), from, to), c.input);
    return c;
  }

  private void requireParameterVector(INDArray vector, String name) {
    if (vector.length() != shape.parameterCount()) {
      throw new IllegalArgumentException(
          name
              + " has "
              + vector.length()
              + " elements but the CNN has "
              + shape.parameterCount()
              + " parameters");
    }
  }

  private INDArray typed(INDArray array) {
    return array.dataType() == shape.dataType() ? array : array.castTo(shape.dataType());
  }

  private static INDArray rows(INDArray matrix, int from, int to) {
    return matrix.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
  }

  private static void fillUniform(
      double[] values, ParameterTensor tensor, double bound, RandomKey key) {
    RandomGenerator generator = key.child(tensor.name()).at(key.index()).generator();
    long end = tensor.offset() + tensor.size();
    for (int i = (int) tensor.offset(); i < end; i++) {
      values[i] = generator.nextDouble(-bound, bound);
    }
  }
}
