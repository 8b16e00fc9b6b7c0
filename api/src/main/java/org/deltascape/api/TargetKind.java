package org.deltascape.api;

/** What a dataset's targets are, and so which loss a model uses. */
public enum TargetKind {
  /** Class labels, one-hot in {@link Batch#targets()}; the loss is softmax cross-entropy. */
  CLASSIFICATION,
  /** Real-valued targets; the loss is squared error. */
  REGRESSION
}
