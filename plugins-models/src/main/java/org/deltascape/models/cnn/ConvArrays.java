package org.deltascape.models.cnn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J arrays of one convolution block for a slice of {@code rows} examples, the operands and
 * results of its matrix products: the patch matrix U ({@code rows·positions × patchSize}; none for
 * the first block, whose patches {@link CnnChunk} keeps for the whole chunk) and the convolution's
 * output C ({@code rows·positions × out}), then, allocated on first use (a forward pass needs none
 * of them), the deltas ∂L/∂C, R(δC), the tangent R(U), and ∂L/∂U with its R-counterpart.
 *
 * <p>It remembers which slice its patch matrices were built for, so that a backward pass can reuse
 * them for the slice the forward pass ended with.
 */
final class ConvArrays {
  private final ConvGeometry block;
  private final long positions;
  private final DataType type;
  private final boolean first;
  final INDArray conv;
  private INDArray columns;
  private INDArray convDelta;
  private INDArray convTangentDelta;
  private INDArray tangentColumns;
  private INDArray columnDeltas;
  private INDArray columnTangentDeltas;

  /** The first row of the slice U holds, or −1. */
  int columnsOf = -1;

  /** The first row of the slice R(U) holds, or −1. */
  int tangentColumnsOf = -1;

  ConvArrays(ConvGeometry block, int rows, DataType type, boolean first) {
    this.block = block;
    this.positions = (long) rows * block.positions();
    this.type = type;
    this.first = first;
    conv = Nd4j.create(type, positions, block.outChannels());
  }

  /** U, for a block after the first. */
  INDArray columns() {
    if (columns == null && !first) {
      columns = Nd4j.create(type, positions, block.patchSize());
    }
    return columns;
  }

  /** δC = ∂L/∂C. */
  INDArray convDelta() {
    if (convDelta == null) {
      convDelta = Nd4j.create(type, positions, block.outChannels());
    }
    return convDelta;
  }

  /** R(δC). */
  INDArray convTangentDelta() {
    if (convTangentDelta == null) {
      convTangentDelta = Nd4j.create(type, positions, block.outChannels());
    }
    return convTangentDelta;
  }

  /** R(U), for a block after the first. */
  INDArray tangentColumns() {
    if (tangentColumns == null && !first) {
      tangentColumns = Nd4j.create(type, positions, block.patchSize());
    }
    return tangentColumns;
  }

  /** ∂L/∂U = δC K, for a block after the first. */
  INDArray columnDeltas() {
    if (columnDeltas == null && !first) {
      columnDeltas = Nd4j.create(type, positions, block.patchSize());
    }
    return columnDeltas;
  }

  /** R(∂L/∂U) = R(δC) K + δC V, for a block after the first. */
  INDArray columnTangentDeltas() {
    if (columnTangentDeltas == null && !first) {
      columnTangentDeltas = Nd4j.create(type, positions, block.patchSize());
    }
    return columnTangentDeltas;
  }
}
