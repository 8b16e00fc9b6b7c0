package org.deltascape.launcher.engine;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;
import org.deltascape.api.RandomKey;

/**
 * The R data orders of a run: seeded permutations of the N examples, order r a function of
 * {@code (order seed, "order", r)} only, each fixed across all samples.
 *
 * @param orders R × N, {@code orders[r][p]} the example at position p of order r
 * @param fingerprints per order, SHA-256 of its indices as little-endian int32s
 */
public record DataOrders(int[][] orders, List<String> fingerprints)
    implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  /** R seeded permutations of {@code 0 … n−1}, order r from {@code (seed, "order", r)}. */
  public static DataOrders generate(long seed, int count, int n) {
    int[][] orders = new int[count][];
    List<String> fingerprints = new ArrayList<>();
    for (int r = 0; r < count; r++) {
      orders[r] = permutation(new RandomKey(seed, "order", r), n);
      fingerprints.add(fingerprint(orders[r]));
    }
    return new DataOrders(orders, List.copyOf(fingerprints));
  }

  /** The dataset's own order, alone (paper-compat, where each sample reshuffles the losses). */
  public static DataOrders identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return new DataOrders(new int[][] {order}, List.of(fingerprint(order)));
  }

  /** A permutation of {@code 0 … n−1} by Fisher–Yates from the key's generator. */
  static int[] permutation(RandomKey key, int n) {
    RandomGenerator random = key.generator();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /** The orders flattened row by row (for {@code orders.npy}). */
  public int[] flat() {
    int n = orders.length == 0 ? 0 : orders[0].length;
    int[] flat = new int[orders.length * n];
    for (int r = 0; r < orders.length; r++) {
      System.arraycopy(orders[r], 0, flat, r * n, n);
    }
    return flat;
  }

  private static String fingerprint(int[] order) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      ByteBuffer buffer = ByteBuffer.allocate(order.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      for (int index : order) {
        buffer.putInt(index);
      }
      return HexFormat.of().formatHex(digest.digest(buffer.array()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
