package org.deltascape.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.deltascape.launcher.engine.ThreadPolicy;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Spark 4 starts in-process next to ND4J on this module's classpath, and its tasks run ND4J. */
class SparkLocalSessionTest {

  @Test
  void aLocalSessionRunsNd4jInItsTasksAndStops() {
    SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("smoke")
        .set("spark.ui.enabled", "false");
    try (JavaSparkContext spark = new JavaSparkContext(conf)) {
      // each task: the sum of squares 1..n through an ND4J dot product, ND4J pinned to 1 thread
      List<Double> sums = spark.parallelize(List.of(10, 20, 30, 40), 4).map(n -> {
        ThreadPolicy.apply(1);
        double[] values = IntStream.rangeClosed(1, n).asDoubleStream().toArray();
        var vector = Nd4j.createFromArray(values).castTo(DataType.DOUBLE);
        return vector.mul(vector).sumNumber().doubleValue();
      }).collect();
      // closed form n(n+1)(2n+1)/6, exact in double at these sizes
      assertThat(sums).containsExactly(385.0, 2870.0, 9455.0, 22140.0);
      assertThat(spark.sc().master()).isEqualTo("local[2]");
    }
  }
}
