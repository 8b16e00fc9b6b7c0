package org.deltascape.api;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The address of a counter-based random stream: {@code (seed, purpose, index)}. Every random
 * number in deltascape comes from the generator of such a key, so that a number depends only on
 * what it is for, never on what else was drawn before it: θ_s depends only on (sampling seed,
 * space, s), direction d of a random space only on (seed, space, d), data order r only on (order
 * seed, r). Adding a space, an estimator or a shard therefore changes no other number.
 *
 * @param seed the user's seed for this purpose
 * @param purpose what the stream is for ({@code "theta/hessian"}, {@code "order"}); never null
 * @param index the counter within the purpose (sample, direction, order, epoch)
 */
public record RandomKey(long seed, String purpose, long index) {

  public RandomKey {
    Objects.requireNonNull(purpose, "purpose");
  }

  /** The key for {@code index} of the same seed and purpose. */
  public RandomKey at(long newIndex) {
    return new RandomKey(seed, purpose, newIndex);
  }

  /** A key for a sub-purpose: {@code purpose + "/" + sub}, at index 0. */
  public RandomKey child(String sub) {
    return new RandomKey(seed, purpose + "/" + sub, 0);
  }

  /**
   * A fresh generator for this key. Equal keys give generators that produce equal sequences, on
   * every run and machine with the same JDK. Not thread-safe: one generator per thread.
   */
  public RandomGenerator generator() {
    return new SplittableRandom(mixed());
  }

  /** The 64-bit state this key seeds its generator with. */
  public long mixed() {
    long hash = 0xcbf29ce484222325L;
    for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
      hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
    }
    long state = splitMix(seed ^ 0x9e3779b97f4a7c15L);
    state = splitMix(state ^ hash);
    return splitMix(state ^ index * 0xbf58476d1ce4e5b9L);
  }

  private static long splitMix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
