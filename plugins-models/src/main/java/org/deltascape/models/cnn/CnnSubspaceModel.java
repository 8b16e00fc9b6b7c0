package org.deltascape.models.cnn;

import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.Map;
import org.deltascape.api.Batch;
import org.deltascape.api.SubspaceModel;
import org.deltascape.api.TargetKind;
import org.deltascape.models.FullSpaceSubspaceModel;
import org.deltascape.models.ScratchCache;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A CNN restricted to {@code w(θ) = w0 + Pθ}, with a fast block evaluation for Monte Carlo.
 *
 * <p><b>Block evaluation.</b> The parameters of all S samples of a block come from one product
 * {@code [1, θᵀ]·[w0; Pᵀ]} (S × P, in the model's internal order). Examples go in the model's
 * chunks; per chunk the images are loaded and the first block's patch matrix is built once (it is
 * data), and every sample then runs the forward pass from it; losses are computed in float64 from
 * the logits in a plain loop and written into the output in one copy. What is left per sample is
 * what no sharing can remove: each block's product with the sample's own kernel, on inputs that
 * depend on the sample through σ and pooling.
 *
 * <p><b>Derivatives at θ = 0.</b> Those of {@link FullSpaceSubspaceModel}: exact, from one-example
 * gradients and D one-example Hessian-vector products per example.
 *
 * <p>Not thread-safe (it uses the model's scratch and its own).
 */
final class CnnSubspaceModel implements SubspaceModel {
  private static final int CACHED_CHUNK_SIZES = 2;

  private final CnnArchitecture shape;
  private final CnnPasses passes;
  private final int dimension;
  private final int chunkRows;
  private final int sliceRows;
  private final INDArray augmented;
  private final FullSpaceSubspaceModel reference;
  private final Map<Integer, CnnChunk> chunks = new ScratchCache<>(CACHED_CHUNK_SIZES);
  private INDArray unitThetas;
  private INDArray sampleWeights;
  private CnnParameters[] samples;

  /**
   * @param model the full-space model (its derivatives serve {@link #derivatives})
   * @param w0 the centre, length P, layout order; not copied
   * @param basis P, {@code P × D}, layout order
   */
  CnnSubspaceModel(CnnModel model, INDArray w0, INDArray basis) {
    this.shape = model.architecture();
    long size = shape.parameterCount();
    if (w0.length() != size) {
      throw new IllegalArgumentException("w0 has " + w0.length() + " elements, expected " + size);
    }
    if (basis.rank() != 2 || basis.rows() != size || basis.columns() < 1) {
      throw new IllegalArgumentException(
          "the basis must be " + size + " × D with D >= 1, not " + Arrays.toString(basis.shape()));
    }
    this.passes = new CnnPasses(shape);
    this.dimension = basis.columns();
    this.chunkRows = model.chunkRows();
    this.sliceRows = model.sliceRows();
    this.reference = new FullSpaceSubspaceModel(model, w0, basis);
    // [w0; Pᵀ] in the internal order: [1, θᵀ] times it is w(θ), for a block of θ in one product.
    int[] order = shape.internalOrder();
    double[] centre = w0.toDoubleVector();
    double[][] columns = basis.transpose().toDoubleMatrix();
    double[][] rows = new double[dimension + 1][order.length];
    for (int i = 0; i < order.length; i++) {
      rows[0][i] = centre[order[i]];
      for (int d = 0; d < dimension; d++) {
        rows[d + 1][i] = columns[d][order[i]];
      }
    }
    this.augmented = Nd4j.createFromArray(rows).castTo(shape.dataType());
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public void losses(INDArray thetas, Batch batch, INDArray out) {
    int count = thetas.rows();
    int n = batch.size();
    if (thetas.rank() != 2 || thetas.columns() != dimension) {
      throw new IllegalArgumentException(
          "thetas must be S × " + dimension + ", not " + Arrays.toString(thetas.shape()));
    }
    if (out.rank() != 2 || out.rows() != count || out.columns() != n) {
      throw new IllegalArgumentException(
          "out must be " + count + " × " + n + ", not " + Arrays.toString(out.shape()));
    }
    int outputs = shape.outputs();
    if (batch.targets().columns() != outputs) {
      throw new IllegalArgumentException(
          "the batch has " + batch.targets().columns() + " targets per example but the CNN has "
              + outputs + " outputs");
    }
    prepareSamples(thetas);
    double[] targets = batch.targets().castTo(DataType.DOUBLE).dup('c').data().asDouble();
    double[] losses = new double[count * n];
    double[] logits = new double[chunkRows * outputs];
    for (int from = 0; from < n; from += chunkRows) {
      int to = Math.min(n, from + chunkRows);
      int rows = to - from;
      CnnChunk c = chunks.computeIfAbsent(rows, r -> new CnnChunk(shape, r, sliceRows));
      c.load(batch.features().get(NDArrayIndex.interval(from, to), NDArrayIndex.all()));
      for (int s = 0; s < count; s++) {
        HostCopy.read(passes.forward(samples[s], c), logits);
        lossesInto(logits, rows, targets, from, losses, s * n + from);
      }
    }
    write(losses, out);
  }

  @Override
  public void derivatives(Batch batch, INDArray values, INDArray gradients, INDArray hessians) {
    reference.derivatives(batch, values, gradients, hessians);
  }

  /** w(θ_s) for every row of {@code thetas}, with views, into the sample block. */
  private void prepareSamples(INDArray thetas) {
    int count = thetas.rows();
    if (unitThetas == null || unitThetas.rows() != count) {
      unitThetas = Nd4j.create(shape.dataType(), count, dimension + 1);
      unitThetas.getColumn(0).assign(1.0);
      sampleWeights = Nd4j.create(shape.dataType(), count, shape.parameterCount());
      samples = new CnnParameters[count];
      for (int s = 0; s < count; s++) {
        samples[s] = new CnnParameters(shape, sampleWeights.getRow(s));
      }
    }
    unitThetas.get(NDArrayIndex.all(), NDArrayIndex.interval(1, dimension + 1)).assign(thetas);
    Nd4j.gemm(unitThetas, augmented, sampleWeights, false, false, 1.0, 0.0);
  }

  /**
   * Per-example losses of {@code rows} examples from their outputs, in float64: softmax
   * cross-entropy {@code logsumexp(z) − yᵀz} or half squared error {@code ½‖z − y‖²}; example i's
   * targets start at {@code (first + i)·C} of {@code targets}, its loss goes to {@code into + i}.
   */
  private void lossesInto(
      double[] outputs, int rows, double[] targets, int first, double[] losses, int into) {
    int classes = shape.outputs();
    boolean classification = shape.targetKind() == TargetKind.CLASSIFICATION;
    for (int i = 0; i < rows; i++) {
      int at = i * classes;
      int target = (first + i) * classes;
      double loss = 0;
      if (classification) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
          max = Math.max(max, outputs[at + k]);
        }
        double sum = 0;
        double fit = 0;
        for (int k = 0; k < classes; k++) {
          sum += Math.exp(outputs[at + k] - max);
          fit += targets[target + k] * outputs[at + k];
        }
        loss = Math.log(sum) + max - fit;
      } else {
        for (int k = 0; k < classes; k++) {
          double residual = outputs[at + k] - targets[target + k];
          loss += 0.5 * residual * residual;
        }
      }
      losses[into + i] = loss;
    }
  }

  /** {@code values} (S × n, row-major) into {@code out}, one bulk copy when out allows it. */
  private static void write(double[] values, INDArray out) {
    if (out.dataType() == DataType.DOUBLE && HostSteps.contiguous(out)) {
      DoubleBuffer buffer = out.data().asNioDouble();
      buffer.put(Math.toIntExact(out.offset()), values, 0, values.length);
    } else {
      out.assign(Nd4j.createFromArray(values).reshape(out.rows(), out.columns()));
    }
  }
}
