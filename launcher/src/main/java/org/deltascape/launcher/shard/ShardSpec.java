package org.deltascape.launcher.shard;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deltascape.api.DeltascapeException;

/**
 * The i-th of n shards of a run ({@code --shard i/n}, 1 ≤ i ≤ n, as a scheduler's array index
 * {@code 1..n} gives it).
 *
 * @param index i, from 1
 * @param count n
 */
public record ShardSpec(int index, int count) {

  /** A {@code --shard} value that is not {@code i/n}. */
  static final String MALFORMED = "expected i/n with 1 ≤ i ≤ n (for example 2/8), got %s";

  private static final Pattern FORM = Pattern.compile("([0-9]{1,6})/([0-9]{1,6})");

  public ShardSpec {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("shard " + index + "/" + count);
    }
  }

  /** Reads {@code i/n}. */
  public static ShardSpec parse(String text) {
    Matcher matcher = FORM.matcher(text == null ? "" : text.trim());
    if (matcher.matches()) {
      int index = Integer.parseInt(matcher.group(1));
      int count = Integer.parseInt(matcher.group(2));
      if (count >= 1 && index >= 1 && index <= count) {
        return new ShardSpec(index, count);
      }
    }
    throw new DeltascapeException(String.format(Locale.ROOT, MALFORMED, text), "--shard",
        "Give the shard's index and the number of shards, e.g. --shard ${SLURM_ARRAY_TASK_ID}/8"
            + " with --array=1-8");
  }

  /**
   * The units {@code [from, to)} of {@code total} this shard computes: n contiguous, disjoint
   * ranges that cover all units, sizes differing by at most one.
   */
  public long[] units(long total) {
    return new long[] {total * (index - 1) / count, total * index / count};
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
