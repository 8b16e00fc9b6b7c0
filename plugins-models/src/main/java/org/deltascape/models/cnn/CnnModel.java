package org.deltascape.models.cnn;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.deltascape.api.Batch;
import org.deltascape.api.Model;
import org.deltascape.api.ParameterLayout;
import org.deltascape.api.ParameterTensor;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SubspaceModel;
import org.deltascape.models.ScratchCache;
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
 * <p>Convolutions are im2col followed by one ND4J matrix product per block into preallocated
 * arrays; the index-driven steps (im2col from padded channels-last inputs, pooling fused with the
 * bias and σ, unpooling, col2im) are Java loops over arrays of the model's type ({@link
 * HostSteps}). Examples go in chunks of at most {@value #CHUNK_ROWS} rows, over which the dense
 * head, the loss and the sums run once (ND4J's fixed cost per operation is tens of microseconds,
 * more than a small operation's arithmetic), and each chunk's convolutions in slices of a
 * power-of-two number of rows whose largest patch matrix stays under {@value #SLICE_ELEMENTS}
 * numbers (16 images of 16×14×14 for the paper's CNN): large enough for efficient products, small
 * enough that a slice's arrays stay in cache between the steps. Kernels are held internally as
 * {@code [out, kh, kw, in]} ({@link CnnArchitecture#internalOrder()}); w, v and the results are in
 * the layout's order. Initial weights follow PyTorch's {@code nn.Conv2d} and {@code nn.Linear}:
 * {@code U(−1/√fan-in, 1/√fan-in)} for weights and biases, drawn from the generator of {@code
 * key.child(tensorName).at(key.index())}.
 *
 * <p>{@link #restrict} returns a {@link CnnSubspaceModel}, whose block evaluation shares the data's
 * first patch matrix and the samples' parameter assembly across a block of θ.
 *
 * <p>Not thread-safe: scratch arrays are kept for the two most recent chunk sizes.
 */
public final class CnnModel implements Model {
  /** Numbers in a slice's largest patch matrix, at most. */
  static final long SLICE_ELEMENTS = 1L << 21;

  /** Rows of a chunk, at most. */
  static final int CHUNK_ROWS = 256;

  /** Numbers in a chunk's first patch matrix (kept for the whole chunk), at most. */
  static final long FIRST_PATCH_ELEMENTS = 1L << 23;

  private static final int CACHED_CHUNK_SIZES = 2;

  private final CnnArchitecture shape;
  private final ParameterLayout layout;
  private final CnnPasses passes;
  private final OutputLoss loss;
  private final int chunkRows;
  private final int sliceRows;
  private final CnnParameters weights;
  private final CnnParameters direction;
  private final CnnParameters product;
  private final INDArray total;
  private final int[] order;
  private final Map<Integer, CnnChunk> chunks = new ScratchCache<>(CACHED_CHUNK_SIZES);

  /** A model of the given shape. */
  public CnnModel(CnnArchitecture shape) {
    this(shape, SLICE_ELEMENTS, CHUNK_ROWS);
  }

  /** With chosen slice and chunk limits, so that tests reach those paths cheaply. */
  CnnModel(CnnArchitecture shape, long sliceElements, int maxChunkRows) {
    this.shape = shape;
    this.layout = shape.layout();
    this.passes = new CnnPasses(shape);
    this.loss = OutputLoss.of(shape.targetKind());
    long widest = 1;
    for (ConvGeometry block : shape.blocks()) {
      widest = Math.max(widest, (long) block.positions() * block.patchSize());
    }
    this.sliceRows = powerOfTwoAtMost(Math.min(maxChunkRows, sliceElements / widest));
    ConvGeometry first = shape.blocks().get(0);
    long firstPatches = (long) first.positions() * first.patchSize();
    long chunkLimit = Math.min(maxChunkRows, FIRST_PATCH_ELEMENTS / firstPatches);
    this.chunkRows = Math.max(sliceRows, powerOfTwoAtMost(chunkLimit));
    this.weights = CnnParameters.allocate(shape);
    this.direction = CnnParameters.allocate(shape);
    this.product = CnnParameters.allocate(shape);
    this.total = Nd4j.create(shape.dataType(), shape.parameterCount());
    this.order = shape.internalOrder();
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
    toExternal(total, gradient);
    return sum / batch.size();
  }

  @Override
  public void hessianVectorProduct(INDArray w, Batch batch, INDArray v, INDArray out) {
    requireParameterVector(v, "v");
    prepare(w, batch);
    toInternal(v, direction);
    INDArray targets = typed(batch.targets());
    total.assign(0.0);
    for (int from = 0; from < batch.size(); from += chunkRows) {
      int to = Math.min(batch.size(), from + chunkRows);
      CnnChunk c = chunk(batch, from, to);
      INDArray output = passes.forward(weights, direction, c);
      loss.evaluate(output, rows(targets, from, to), null, c.head.outputDelta());
      c.head.outputDelta().divi(batch.size());
      loss.curvatureProduct(output, c.head.outputTangent(), c.head.outputTangentDelta());
      c.head.outputTangentDelta().divi(batch.size());
      passes.rBackward(weights, direction, c, product);
      total.addi(product.flat());
    }
    toExternal(total, out);
  }

  @Override
  public void gaussNewtonVectorProduct(INDArray w, Batch batch, INDArray v, INDArray out) {
    requireParameterVector(v, "v");
    prepare(w, batch);
    toInternal(v, direction);
    total.assign(0.0);
    for (int from = 0; from < batch.size(); from += chunkRows) {
      int to = Math.min(batch.size(), from + chunkRows);
      CnnChunk c = chunk(batch, from, to);
      INDArray output = passes.forward(weights, direction, c);
      loss.curvatureProduct(output, c.head.outputTangent(), c.head.outputDelta());
      c.head.outputDelta().divi(batch.size());
      passes.backward(weights, c, product);
      total.addi(product.flat());
    }
    toExternal(total, out);
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
    return new CnnSubspaceModel(this, w0, basis);
  }

  /** Examples per chunk of the passes. */
  int chunkRows() {
    return chunkRows;
  }

  /** Examples per slice of the convolutions. */
  int sliceRows() {
    return sliceRows;
  }

  private static int powerOfTwoAtMost(long limit) {
    return Integer.highestOneBit((int) Math.max(1, Math.min(1 << 30, limit)));
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
    toInternal(w, weights);
  }

  /** The vector {@code external} (layout order, any type) into {@code into}, internal order. */
  private void toInternal(INDArray external, CnnParameters into) {
    double[] values = external.toDoubleVector();
    double[] internal = new double[values.length];
    for (int i = 0; i < internal.length; i++) {
      internal[i] = values[order[i]];
    }
    HostCopy.write(internal, into.flat());
  }

  /** The internal-order vector {@code internal} into {@code out}, layout order. */
  private void toExternal(INDArray internal, INDArray out) {
    double[] values = new double[order.length];
    HostCopy.read(internal, values);
    double[] external = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      external[order[i]] = values[i];
    }
    out.assign(Nd4j.createFromArray(external).reshape(out.shape()));
  }

  /** The chunk's scratch arrays, with the rows {@code [from, to)} of the features in its input. */
  private CnnChunk chunk(Batch batch, int from, int to) {
    CnnChunk c = chunks.computeIfAbsent(to - from, rows -> new CnnChunk(shape, rows, sliceRows));
    c.load(rows(batch.features(), from, to));
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
