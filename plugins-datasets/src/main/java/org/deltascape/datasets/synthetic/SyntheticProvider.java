package org.deltascape.datasets.synthetic;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.List;
import java.util.random.RandomGenerator;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.DatasetContext;
import org.deltascape.api.DatasetProvider;
import org.deltascape.api.LoadedData;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.datasets.ArrayDataset;
import org.deltascape.datasets.FeatureMatrix;
import org.deltascape.datasets.Fingerprint;
import org.deltascape.datasets.KeyedSettings;
import org.deltascape.datasets.TargetMatrix;

/**
 * {@code synthetic}: seeded Gaussian data of any size, for tests and quick experiments.
 *
 * <p>Classification: class c has centre {@code μ_c ~ N(0, separation² I_F)}, drawn from the
 * stream {@code (seed, "synthetic/centre", c)}; example i of a split draws its class uniformly
 * and {@code x = μ_class + noise · z}, {@code z ~ N(0, I_F)}, from {@code (seed,
 * "synthetic/<split>", i)}. Regression: {@code x ~ N(0, I_F)} and {@code y = xᵀβ + noise · ε}
 * with column j of β from {@code (seed, "synthetic/beta", j)} ({@code separation} is unused).
 * Every number is a function of its key only, so example i is the same whatever N is.
 *
 * <p>{@link org.deltascape.api.Dataset#sha256()} is the SHA-256 of the content: the float32
 * features, then the targets (class indices as int32, or float32 values), little-endian.
 */
public final class SyntheticProvider implements DatasetProvider {
  static final String ONE_CLASS = "a classification needs at least 2 classes";

  private static final List<ConfigKey> KEYS =
      List.of(
          ConfigKey.integer("examples", 1000, "examples N of the train split").atLeast(1),
          ConfigKey.integer("features", 10, "features F per example").atLeast(1),
          ConfigKey.integer("classes", 3, "classes (classification)").atLeast(2),
          ConfigKey.real("separation", 2.0, "standard deviation of the class centres")
              .atLeast(0),
          ConfigKey.real("noise", 1.0, "standard deviation of the noise around a centre or fit")
              .atLeast(0),
          ConfigKey.integer("test-examples", 200, "examples of the test split (0: none)")
              .atLeast(0),
          ConfigKey.integer("seed", null, "seed of the data (default: the run's data seed)"),
          ConfigKey.choice(
              "task", "classification", "classification or regression",
              "classification", "regression"),
          ConfigKey.integer("outputs", 1, "targets per example (regression)").atLeast(1));

  @Override
  public String id() {
    return "synthetic";
  }

  @Override
  public String description() {
    return "seeded Gaussian class clusters (or a noisy linear regression) of any size";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return KEYS;
  }

  @Override
  public LoadedData load(Settings settings, DatasetContext context) {
    KeyedSettings config = new KeyedSettings(settings, KEYS);
    Integer givenSeed = config.optionalInteger("seed");
    long seed = givenSeed == null ? context.seed() : givenSeed;
    int features = config.integer("features");
    double noise = config.real("noise");
    boolean regression = config.string("task").equals("regression");
    Shape shape;
    if (regression) {
      shape = new Shape(features, 0, config.integer("outputs"), noise, null);
      shape = shape.withBeta(beta(seed, features, shape.outputs()));
    } else {
      int classes = config.integer("classes");
      if (classes < 2) {
        throw config.invalid("classes", ONE_CLASS, "Use classes: 2 or more");
      }
      shape = new Shape(features, classes, 0, noise, centres(seed, classes, features,
          config.real("separation")));
    }
    ArrayDataset train = split("train", config.integer("examples"), seed, shape);
    int testCount = config.integer("test-examples");
    ArrayDataset test = testCount == 0 ? null : split("test", testCount, seed, shape);
    return new LoadedData(train, test);
  }

  /** What every example of both splits shares: centres (classification) or β (regression). */
  private record Shape(int features, int classes, int outputs, double noise, double[] table) {
    Shape withBeta(double[] beta) {
      return new Shape(features, classes, outputs, noise, beta);
    }
  }

  private static double[] centres(long seed, int classes, int features, double separation) {
    double[] centres = new double[classes * features];
    RandomKey key = new RandomKey(seed, "synthetic/centre", 0);
    for (int c = 0; c < classes; c++) {
      RandomGenerator random = key.at(c).generator();
      for (int f = 0; f < features; f++) {
        centres[c * features + f] = separation * random.nextGaussian();
      }
    }
    return centres;
  }

  private static double[] beta(long seed, int features, int outputs) {
    double[] beta = new double[features * outputs];
    RandomKey key = new RandomKey(seed, "synthetic/beta", 0);
    for (int j = 0; j < outputs; j++) {
      RandomGenerator random = key.at(j).generator();
      for (int f = 0; f < features; f++) {
        beta[f * outputs + j] = random.nextGaussian();
      }
    }
    return beta;
  }

  private static ArrayDataset split(String name, int count, long seed, Shape shape) {
    int width = shape.features();
    float[] x = new float[count * width];
    RandomKey key = new RandomKey(seed, "synthetic/" + name, 0);
    MessageDigest digest = Fingerprint.sha256Digest();
    TargetMatrix targets;
    if (shape.classes() > 0) {
      int[] labels = new int[count];
      for (int i = 0; i < count; i++) {
        RandomGenerator random = key.at(i).generator();
        int c = random.nextInt(shape.classes());
        labels[i] = c;
        for (int f = 0; f < width; f++) {
          x[i * width + f] =
              (float) (shape.table()[c * width + f] + shape.noise() * random.nextGaussian());
        }
      }
      targets = TargetMatrix.ofClasses(labels, shape.classes());
      digest.update(floatBytes(x));
      ByteBuffer buffer = ByteBuffer.allocate(4 * count).order(ByteOrder.LITTLE_ENDIAN);
      buffer.asIntBuffer().put(labels);
      digest.update(buffer.array());
    } else {
      int outputs = shape.outputs();
      float[] y = new float[count * outputs];
      for (int i = 0; i < count; i++) {
        RandomGenerator random = key.at(i).generator();
        for (int f = 0; f < width; f++) {
          x[i * width + f] = (float) random.nextGaussian();
        }
        for (int j = 0; j < outputs; j++) {
          double fit = 0;
          for (int f = 0; f < width; f++) {
            fit += x[i * width + f] * shape.table()[f * outputs + j];
          }
          y[i * outputs + j] = (float) (fit + shape.noise() * random.nextGaussian());
        }
      }
      targets = TargetMatrix.ofValues(count, outputs, y);
      digest.update(floatBytes(x));
      digest.update(floatBytes(y));
    }
    return new ArrayDataset(
        "synthetic/" + name,
        List.of(width),
        FeatureMatrix.ofFloats(count, width, x),
        targets,
        Fingerprint.hex(digest));
  }

  private static byte[] floatBytes(float[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    return buffer.array();
  }
}
