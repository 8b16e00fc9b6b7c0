package org.deltascape.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.PartialSums;

/**
 * What a Spark task sends back: each block's sums, in block order, estimator by estimator in the
 * order the job's estimators have, up to the first block that failed with a user-facing fault (a
 * non-finite loss), which is sent back as a value rather than failing the task: it is
 * deterministic, so Spark's retries could not help, and the driver reports the fault of the
 * lowest block, as the single-JVM engine does. {@link PartialSums} is an API record and not
 * serialisable; this carries the same values, bit for bit.
 *
 * @param blocks per block, its sums in estimator order
 * @param fault the fault of the block after the last one in {@code blocks}, or null
 */
record BlockSums(List<List<Sums>> blocks, Fault fault) implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * One estimator's sums of one block.
   *
   * @param id the estimator's id in the experiment (the map key)
   * @param sums the sums, as {@link PartialSums} holds them
   */
  record Sums(String id, String estimator, long first, long count, double[] sums)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * A {@link DeltascapeException} as text, rebuilt on the driver (its cause need not be
   * serialisable).
   */
  record Fault(String what, String where, String fix) implements Serializable {
    private static final long serialVersionUID = 1L;

    static Fault of(DeltascapeException e) {
      return new Fault(e.what(), e.where(), e.fix());
    }

    DeltascapeException exception() {
      return new DeltascapeException(what, where, fix);
    }
  }

  static BlockSums of(List<Map<String, PartialSums>> blocks, Fault fault) {
    List<List<Sums>> wire = new ArrayList<>(blocks.size());
    for (Map<String, PartialSums> block : blocks) {
      List<Sums> sums = new ArrayList<>(block.size());
      block.forEach((id, partial) -> sums.add(new Sums(id, partial.estimator(), partial.first(),
          partial.count(), partial.sums())));
      wire.add(sums);
    }
    return new BlockSums(wire, fault);
  }

  /** The blocks as the experiment folds them. */
  List<Map<String, PartialSums>> toBlocks() {
    List<Map<String, PartialSums>> result = new ArrayList<>(blocks.size());
    for (List<Sums> block : blocks) {
      Map<String, PartialSums> sums = new LinkedHashMap<>();
      block.forEach(s -> sums.put(s.id(), new PartialSums(s.estimator(), s.first(), s.count(), s.sums())));
      result.add(sums);
    }
    return result;
  }
}
