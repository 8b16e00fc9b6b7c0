package org.deltascape.models;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scratch buffers kept per batch size, the least recently used dropped beyond a capacity: a model
 * sees a few batch sizes (training batches, the last partial batch, evaluation chunks) and reuses
 * their buffers instead of allocating on every call. Not thread-safe, like the models that use it.
 *
 * @param <V> the scratch kept per size
 */
public final class ScratchCache<V> extends LinkedHashMap<Integer, V> {
  private static final long serialVersionUID = 1L;

  private final int capacity;

  /** A cache of at most {@code capacity} sizes. */
  public ScratchCache(int capacity) {
    super(4, 0.75f, true);
    this.capacity = capacity;
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<Integer, V> eldest) {
    return size() > capacity;
  }
}
