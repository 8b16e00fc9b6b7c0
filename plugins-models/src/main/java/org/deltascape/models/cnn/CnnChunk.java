package org.deltascape.models.cnn;

import java.util.List;
import org.deltascape.models.mlp.DenseHead;

/**
 * The scratch arrays of a whole CNN for a chunk of {@code rows} examples: the input as a Java
 * array, each block's {@link ConvArrays} and the dense head's workspace.
 */
final class CnnChunk {
  final int rows;
  final double[] input;
  final ConvArrays[] blocks;
  final DenseHead head;

  CnnChunk(CnnArchitecture shape, int rows) {
    this.rows = rows;
    List<ConvGeometry> geometry = shape.blocks();
    this.input = new double[rows * geometry.get(0).inputSize()];
    this.blocks = new ConvArrays[geometry.size()];
    for (int b = 0; b < blocks.length; b++) {
      blocks[b] = new ConvArrays(geometry.get(b), rows, shape.dataType());
    }
    this.head = new DenseHead(shape.head(), rows);
  }

  ConvArrays last() {
    return blocks[blocks.length - 1];
  }
}
