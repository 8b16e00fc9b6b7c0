package org.deltascape.estimators.samplers;

/**
 * Nested uniform (Owen) scrambling of 32-bit base-2 digits by hashing (A. B. Owen, "Randomly
 * permuted (t,m,s)-nets and (t,s)-sequences", 1995; the hash construction of S. Laine and T.
 * Karras, 2011, with the improved constants of B. Burley, "Practical hash-based Owen scrambling",
 * JCGT 9(4), 2020). With the bits reversed, every step below changes bit j by a function of bits
 * below j only, which is exactly a nested permutation of the digits: digit j of the scrambled
 * point depends on digits 1 … j of the point and on the seed, so a scrambled point is computed
 * alone, from the point and the seed. Stateless.
 */
final class OwenScramble {
  private OwenScramble() {}

  /** The point {@code x} (a binary fraction in 32 bits) scrambled with {@code seed}. */
  static int scramble(int x, int seed) {
    int v = Integer.reverse(x);
    v ^= v * 0x3d20adea;
    v += seed;
    v *= (seed >>> 16) | 1;
    v ^= v * 0x05526c56;
    v ^= v * 0x53a22864;
    return Integer.reverse(v);
  }
}
