package org.deltascape.api;

import java.util.List;
import java.util.Objects;

/**
 * One tensor of a model's flat parameter vector w: where it lives and what it is.
 *
 * <p>Weight matrices of dense layers are stored {@code [out, in]} row-major (as PyTorch stores
 * them), so their fan-in axis is 1 and "a row" is one unit's incoming weights (a filter, in Li et
 * al. 2018's sense); convolution kernels are {@code [out, in, kh, kw]} with fan-in axes 1..3 and
 * filters along axis 0.
 *
 * @param name unique within the layout ({@code "layer1.weight"}); never null
 * @param shape the tensor's shape; never null or empty
 * @param offset index of its first element in w
 * @param role weight or bias
 * @param fanInAxis the first axis over which one output unit's inputs run (1 for {@code [out,
 *     in]} matrices; -1 for biases): the filter of output unit j is the slice {@code [j, ...]}
 */
public record ParameterTensor(
    String name, List<Integer> shape, long offset, Role role, int fanInAxis)
    implements java.io.Serializable {
  private static final long serialVersionUID = 1L;


  /** What a tensor is for. */
  public enum Role {
    WEIGHT,
    BIAS
  }

  public ParameterTensor {
    Objects.requireNonNull(name, "name");
    shape = List.copyOf(shape);
    Objects.requireNonNull(role, "role");
    if (shape.isEmpty() || offset < 0) {
      throw new IllegalArgumentException("bad tensor " + name + " " + shape + " at " + offset);
    }
  }

  /** The number of elements. */
  public long size() {
    long size = 1;
    for (int extent : shape) {
      size = Math.multiplyExact(size, (long) extent);
    }
    return size;
  }

  /** The number of filters (output units): the extent of axis 0. */
  public int filters() {
    return shape.get(0);
  }

  /** Elements per filter: {@code size() / filters()}. */
  public long filterSize() {
    return size() / filters();
  }
}
