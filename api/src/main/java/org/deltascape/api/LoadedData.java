package org.deltascape.api;

import java.util.List;
import java.util.Objects;

/**
 * What a dataset plugin loads: the examples the experiment uses and, where the dataset has one, a
 * held-out test split for reporting the trained model's test loss and accuracy.
 *
 * @param train the examples the landscape is measured on (and the model trained on); never null
 * @param test held-out examples, or null
 * @param notes what the user should know about the loading ({@code "dropped 3 rows"}); never null
 */
public record LoadedData(Dataset train, Dataset test, List<String> notes) {
  public LoadedData {
    Objects.requireNonNull(train, "train");
    notes = List.copyOf(notes);
  }

  /** Loaded data without notes. */
  public LoadedData(Dataset train, Dataset test) {
    this(train, test, List.of());
  }
}
