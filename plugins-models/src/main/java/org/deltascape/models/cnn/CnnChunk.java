package org.deltascape.models.cnn;

import java.util.List;
import java.util.Map;
import org.deltascape.models.ScratchCache;
import org.deltascape.models.mlp.DenseHead;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The scratch of a whole CNN for a chunk of {@code rows} examples, whose convolutions run in
 * slices of at most {@code sliceRows}: the {@link HostSteps} with the chunk's Java arrays, the
 * first block's patch matrix for the whole chunk (it depends on the images only, so it is built
 * once per chunk and serves every pass and every parameter vector), each slice size's {@link ConvArrays},
 * the dense head's input a (the last block's pooled output, {@code rows × features}) with its
 * tangent and deltas, and the head's workspace.
 */
final class CnnChunk {
  final int rows;
  final int sliceRows;
  final HostSteps host;
  final DenseHead head;
  final INDArray headInput;
  private final CnnArchitecture shape;
  private final long features;
  private final DataType type;
  private final INDArray firstPatches;
  private final long firstPositions;
  private boolean firstPatchesBuilt;
  private final Map<Integer, ConvArrays[]> slices = new ScratchCache<>(2);
  private INDArray headTangent;
  private INDArray headDelta;
  private INDArray headTangentDelta;

  CnnChunk(CnnArchitecture shape, int rows, int sliceRows) {
    this.shape = shape;
    this.rows = rows;
    this.sliceRows = sliceRows;
    this.type = shape.dataType();
    List<ConvGeometry> geometry = shape.blocks();
    this.host = HostSteps.of(shape, rows, sliceRows);
    this.head = new DenseHead(shape.head(), rows);
    this.features = geometry.get(geometry.size() - 1).pooledSize();
    this.headInput = Nd4j.create(type, rows, features);
    this.firstPositions = geometry.get(0).positions();
    this.firstPatches = Nd4j.create(type, rows * firstPositions, geometry.get(0).patchSize());
  }

  /** The chunk's images ({@code rows × C·H·W}) into place; the first patches are then rebuilt. */
  void load(INDArray images) {
    host.loadInput(images);
    firstPatchesBuilt = false;
  }

  /** The first block's patch matrix of rows {@code [first, first + count)}. */
  INDArray firstPatches(int first, int count) {
    if (!firstPatchesBuilt) {
      host.im2col(0, false, 0, rows, firstPatches);
      firstPatchesBuilt = true;
    }
    if (first == 0 && count == rows) {
      return firstPatches;
    }
    return firstPatches.get(
        NDArrayIndex.interval(first * firstPositions, (first + count) * firstPositions),
        NDArrayIndex.all());
  }

  /** The blocks' arrays for a slice of {@code count} rows. */
  ConvArrays[] slice(int count) {
    return slices.computeIfAbsent(count, size -> {
      List<ConvGeometry> geometry = shape.blocks();
      ConvArrays[] arrays = new ConvArrays[geometry.size()];
      for (int b = 0; b < arrays.length; b++) {
        arrays[b] = new ConvArrays(geometry.get(b), size, type, b == 0);
      }
      return arrays;
    });
  }

  /** R(a) of the head's input. */
  INDArray headTangent() {
    if (headTangent == null) {
      headTangent = Nd4j.create(type, rows, features);
    }
    return headTangent;
  }

  /** ∂L/∂a of the head's input. */
  INDArray headDelta() {
    if (headDelta == null) {
      headDelta = Nd4j.create(type, rows, features);
    }
    return headDelta;
  }

  /** R(∂L/∂a) of the head's input. */
  INDArray headTangentDelta() {
    if (headTangentDelta == null) {
      headTangentDelta = Nd4j.create(type, rows, features);
    }
    return headTangentDelta;
  }
}
