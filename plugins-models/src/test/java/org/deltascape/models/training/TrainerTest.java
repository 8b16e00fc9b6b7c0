package org.deltascape.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.deltascape.api.Batch;
import org.deltascape.api.Dataset;
import org.deltascape.api.Model;
import org.deltascape.api.ModelContext;
import org.deltascape.api.ParameterLayout;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.api.SubspaceModel;
import org.deltascape.api.TargetKind;
import org.deltascape.models.TestData;
import org.deltascape.models.mlp.MlpProvider;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TrainerTest {
  private static final RandomKey KEY = new RandomKey(17, "training", 0);
  private static final Dataset CLUSTERS =
      TestData.dataset("clusters", TestData.clusters(3, 90, 4, 3, 4.0), TargetKind.CLASSIFICATION);

  @Test
  void sameInputsGiveBitIdenticalWeights() {
    TrainingPlan plan = TrainingPlan.of("adam", 0.01, 3, 16);
    TrainingResult first =
        new Trainer("mlp").train(mlp("tanh"), CLUSTERS, plan, KEY, Progress.silent());
    TrainingResult second =
        new Trainer("mlp").train(mlp("tanh"), CLUSTERS, plan, KEY, Progress.silent());
    assertThat(exact(second.weights())).isEqualTo(exact(first.weights()));
    assertThat(second.history())
        .extracting(EpochSummary::meanLoss)
        .isEqualTo(first.history().stream().map(EpochSummary::meanLoss).toList());
    RandomKey otherSeed = new RandomKey(18, "training", 0);
    TrainingResult other =
        new Trainer("mlp").train(mlp("tanh"), CLUSTERS, plan, otherSeed, Progress.silent());
    assertThat(exact(other.weights())).isNotEqualTo(exact(first.weights()));
  }

  @Test
  void epochOrdersComeFromTheirKeyAlone() {
    int[] order = MiniBatches.order(KEY.at(3), 50);
    assertThat(MiniBatches.order(KEY.at(3), 50)).isEqualTo(order);
    assertThat(Arrays.stream(order).sorted().toArray())
        .isEqualTo(java.util.stream.IntStream.range(0, 50).toArray());
    assertThat(MiniBatches.order(KEY.at(4), 50)).isNotEqualTo(order);
  }

  @Test
  void adamSeparatesSeparableClusters() {
    Model model = mlp("relu");
    TrainingResult result =
        new Trainer("mlp")
            .train(model, CLUSTERS, TrainingPlan.of("adam", 0.01, 30, 16), KEY, Progress.silent());
    assertThat(result.history()).hasSize(30);
    assertThat(result.finalLoss()).isLessThan(0.05 * result.history().get(0).meanLoss());
    Batch all = CLUSTERS.all(DataType.DOUBLE);
    INDArray logits = Nd4j.create(DataType.DOUBLE, all.size(), 3);
    model.predict(result.weights(), all, logits);
    assertThat(exact(logits.argMax(1).castTo(DataType.DOUBLE)))
        .isEqualTo(exact(all.targets().argMax(1).castTo(DataType.DOUBLE)));
  }

  @Test
  void sgdWithMomentumReducesTheLoss() {
    TrainingPlan plan = TrainingPlan.of("sgd", 0.05, 10, 16).withMomentum(0.9);
    TrainingResult result =
        new Trainer().train(mlp("tanh"), CLUSTERS, plan, KEY, Progress.silent());
    assertThat(result.finalLoss()).isLessThan(0.25 * result.history().get(0).meanLoss());
  }

  @Test
  void everyExampleIsSeenOncePerEpochAndTheLastPartialBatchIsKept() {
    Dataset ten =
        TestData.dataset("ten", TestData.clusters(4, 10, 4, 3, 1.0), TargetKind.CLASSIFICATION);
    RecordingModel model = new RecordingModel(mlp("tanh"));
    new Trainer().train(model, ten, TrainingPlan.of("sgd", 0.1, 2, 4), KEY, Progress.silent());
    assertThat(model.sizes).containsExactly(4, 4, 2, 4, 4, 2);
    TreeSet<Double> all = new TreeSet<>();
    for (double x : ten.all(DataType.DOUBLE).features().getColumn(0).toDoubleVector()) {
      all.add(x);
    }
    assertThat(new TreeSet<>(model.firstFeatures.subList(0, 10))).isEqualTo(all);
    assertThat(new TreeSet<>(model.firstFeatures.subList(10, 20))).isEqualTo(all);
    assertThat(model.firstFeatures.subList(0, 10))
        .isNotEqualTo(model.firstFeatures.subList(10, 20));
  }

  @Test
  void keepsSnapshotsWhenAskedAndLeavesInitialWeightsAlone() {
    Model model = mlp("tanh");
    INDArray initial = model.initialWeights(KEY.child("init"));
    INDArray before = initial.dup();
    TrainingPlan plan = TrainingPlan.of("adam", 0.01, 3, 32).withSnapshots(true);
    TrainingResult result =
        new Trainer().train(model, CLUSTERS, plan, initial, KEY, Progress.silent());
    assertThat(exact(initial)).isEqualTo(exact(before));
    assertThat(result.snapshots()).hasSize(3);
    assertThat(exact(result.snapshots().get(2))).isEqualTo(exact(result.weights()));
    assertThat(exact(result.snapshots().get(0))).isNotEqualTo(exact(result.weights()));
    TrainingResult plain =
        new Trainer().train(model, CLUSTERS, plan.withSnapshots(false), KEY, Progress.silent());
    assertThat(plain.snapshots()).isEmpty();
    assertThat(exact(plain.weights())).isEqualTo(exact(result.weights()));
  }

  @Test
  void reportsProgressOncePerEpoch() {
    List<String> events = new ArrayList<>();
    Progress progress =
        (what, total, unit) -> {
          events.add("start " + what + " " + total + " " + unit);
          return new Progress.Task() {
            @Override
            public void advance(long units) {
              events.add("advance " + units);
            }

            @Override
            public void status(String text) {
              events.add(text.replaceAll("[0-9.e+-]+$", "N"));
            }

            @Override
            public void close() {
              events.add("close");
            }
          };
        };
    new Trainer("mlp")
        .train(mlp("tanh"), CLUSTERS, TrainingPlan.of("adam", 0.01, 2, 32), KEY, progress);
    assertThat(events)
        .containsExactly(
            "start training mlp 2 epochs", "advance 1", "loss N", "advance 1", "loss N", "close");
  }

  @Test
  void divergenceNamesEpochAndStepAndKeepsTheLastGoodWeights() {
    Dataset regression =
        TestData.dataset(
            "regression", TestData.regression(5, 40, 4, 3, DataType.DOUBLE), TargetKind.REGRESSION);
    Model model =
        new MlpProvider()
            .create(
                Settings.of("model mlp", Map.of("hidden", List.of())),
                new ModelContext(List.of(4), 3, TargetKind.REGRESSION, DataType.DOUBLE));
    TrainingPlan plan = TrainingPlan.of("sgd", 1e30, 3, 8);
    assertThatThrownBy(
            () -> new Trainer("mlp").train(model, regression, plan, KEY, Progress.silent()))
        .isInstanceOfSatisfying(
            TrainingDivergedException.class,
            e -> {
              assertThat(e.epoch()).isEqualTo(2);
              assertThat(e.step()).isEqualTo(2);
              assertThat(e.lastGoodWeights().isNaN().any()).isFalse();
              assertThat(e.lastGoodWeights().isInfinite().any()).isFalse();
            })
        .hasMessage(
            "training mlp: the loss became +∞ at step 2 of 5 in epoch 2 of 3."
                + " Lower training.learning-rate (now 1E+30), for example to 1E+29,"
                + " and run again.");
  }

  private static Model mlp(String activation) {
    return new MlpProvider()
        .create(
            Settings.of("model mlp", Map.of("hidden", List.of(8), "activation", activation)),
            ModelContext.of(CLUSTERS, DataType.DOUBLE));
  }

  private static double[] exact(INDArray x) {
    return x.castTo(DataType.DOUBLE).reshape(x.length()).toDoubleVector();
  }

  /** A model that records the size and first feature values of every training batch. */
  private static final class RecordingModel implements Model {
    final Model inner;
    final List<Integer> sizes = new ArrayList<>();
    final List<Double> firstFeatures = new ArrayList<>();

    RecordingModel(Model inner) {
      this.inner = inner;
    }

    @Override
    public ParameterLayout layout() {
      return inner.layout();
    }

    @Override
    public DataType dataType() {
      return inner.dataType();
    }

    @Override
    public INDArray initialWeights(RandomKey key) {
      return inner.initialWeights(key);
    }

    @Override
    public void losses(INDArray w, Batch batch, INDArray out) {
      inner.losses(w, batch, out);
    }

    @Override
    public double lossAndGradient(INDArray w, Batch batch, INDArray gradient) {
      sizes.add(batch.size());
      for (double x : batch.features().getColumn(0).toDoubleVector()) {
        firstFeatures.add(x);
      }
      return inner.lossAndGradient(w, batch, gradient);
    }

    @Override
    public void hessianVectorProduct(INDArray w, Batch batch, INDArray v, INDArray out) {
      inner.hessianVectorProduct(w, batch, v, out);
    }

    @Override
    public void predict(INDArray w, Batch batch, INDArray out) {
      inner.predict(w, batch, out);
    }

    @Override
    public SubspaceModel restrict(INDArray w0, INDArray basis) {
      return inner.restrict(w0, basis);
    }
  }
}
