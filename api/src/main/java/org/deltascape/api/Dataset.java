package org.deltascape.api;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * An ordered, immutable sequence of examples {@code x_1 … x_N} (PAPER.md: "a fixed ordered
 * sequence"). The engine's data orders are permutations of loss indices, not of the dataset, so a
 * dataset is read in its own order only. Implementations are thread-safe.
 */
public interface Dataset {

  /** A short name for messages and provenance ({@code "digits/train"}). */
  String name();

  /** The number of examples N (at least 1). */
  int size();

  /** The shape of one example's input ({@code [64]}, {@code [1, 28, 28]}); a fresh copy. */
  List<Integer> inputShape();

  /** The number of features F, the product of {@link #inputShape()}. */
  default int featureCount() {
    return inputShape().stream().reduce(1, Math::multiplyExact);
  }

  /** Classes (classification) or target values per example (regression). */
  int outputs();

  /** Whether targets are classes or real values. */
  TargetKind targetKind();

  /**
   * Examples {@code [from, to)} as arrays of {@code type} (FLOAT or DOUBLE), freshly allocated or
   * views the caller must not modify.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= from < to <= size()}
   */
  Batch batch(int from, int to, DataType type);

  /** The whole dataset as one batch of {@code type}. */
  default Batch all(DataType type) {
    return batch(0, size(), type);
  }

  /**
   * SHA-256 (lower-case hex) of the content as the model sees it (features and targets in order),
   * or of the source file for file-backed datasets: equal fingerprints mean equal data.
   */
  String sha256();
}
