package org.deltascape.api;

import java.util.List;
import java.util.Optional;

/**
 * How a model's flat parameter vector w ∈ R^P is split into named tensors, in order and without
 * gaps. Filter normalisation, per-layer subspaces and weight import work from it.
 *
 * @param tensors in order of offset; consecutive and covering w exactly
 */
public record ParameterLayout(List<ParameterTensor> tensors)
    implements java.io.Serializable {
  private static final long serialVersionUID = 1L;


  public ParameterLayout {
    tensors = List.copyOf(tensors);
    long next = 0;
    java.util.Set<String> names = new java.util.HashSet<>();
    for (ParameterTensor tensor : tensors) {
      if (tensor.offset() != next) {
        throw new IllegalArgumentException(
            "tensor " + tensor.name() + " starts at " + tensor.offset() + ", expected " + next);
      }
      if (!names.add(tensor.name())) {
        throw new IllegalArgumentException("duplicate tensor name " + tensor.name());
      }
      next += tensor.size();
    }
  }

  /** P, the total number of parameters. */
  public long size() {
    return tensors.isEmpty() ? 0 : tensors.get(tensors.size() - 1).offset() + last().size();
  }

  /** The tensor of that name, if any. */
  public Optional<ParameterTensor> tensor(String name) {
    return tensors.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The tensor names, in order. */
  public List<String> names() {
    return tensors.stream().map(ParameterTensor::name).toList();
  }

  private ParameterTensor last() {
    return tensors.get(tensors.size() - 1);
  }
}
