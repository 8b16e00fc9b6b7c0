package org.deltascape.models.cnn;

import java.util.random.RandomGenerator;
import org.deltascape.api.Batch;
import org.deltascape.api.RandomKey;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeded 1×8×8 images of three classes for training tests: a bright horizontal bar, a bright
 * vertical bar, or none, at a random position, over N(0, 0.3²) noise.
 */
final class SyntheticImages {
  private SyntheticImages() {}

  static Batch twoBars(long seed, int n) {
    RandomGenerator generator = new RandomKey(seed, "test/bars", 0).generator();
    double[][] x = new double[n][64];
    double[][] y = new double[n][3];
    for (int i = 0; i < n; i++) {
      int label = i % 3;
      y[i][label] = 1.0;
      int at = generator.nextInt(8);
      for (int p = 0; p < 64; p++) {
        int row = p / 8;
        int column = p % 8;
        boolean bar = (label == 0 && row == at) || (label == 1 && column == at);
        x[i][p] = 0.3 * generator.nextGaussian() + (bar ? 1.0 : 0.0);
      }
    }
    return new Batch(Nd4j.create(x), Nd4j.create(y));
  }
}
