package org.deltascape.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deltascape.api.DeltascapeException;
import org.junit.jupiter.api.Test;

class TrainingPlanTest {

  @Test
  void factoriesFillTheOptionalSettings() {
    TrainingPlan plan = TrainingPlan.of("sgd", 0.1, 3, 32).withMomentum(0.9).withSnapshots(true);
    assertThat(plan).isEqualTo(new TrainingPlan("sgd", 0.1, 3, 32, 0.9, 0.0, true));
    assertThat(TrainingPlan.of("adam", 1e-3, 10, 64).withWeightDecay(1e-4))
        .isEqualTo(new TrainingPlan("adam", 1e-3, 10, 64, 0.0, 1e-4, false));
  }

  @Test
  void reportsEveryFaultAtOnce() {
    assertThatThrownBy(() -> new TrainingPlan("rmsprop", -1.0, 0, 0, 1.0, Double.NaN, false))
        .isInstanceOf(DeltascapeException.class)
        .hasMessage(
            "training: optimizer = rmsprop, expected adam or sgd;"
                + " learning-rate = -1.0, expected a finite number > 0;"
                + " epochs = 0, expected at least 1;"
                + " batch-size = 0, expected at least 1;"
                + " momentum = 1.0, expected a number >= 0 and < 1;"
                + " weight-decay = NaN, expected a finite number >= 0."
                + " Correct the training settings and run again.");
  }

  @Test
  void refusesMomentumForAdam() {
    assertThatThrownBy(() -> TrainingPlan.of("adam", 1e-3, 1, 8).withMomentum(0.9))
        .isInstanceOf(DeltascapeException.class)
        .hasMessage(
            "training: momentum = 0.9 applies to sgd only; Adam has its own β1 = 0.9."
                + " Correct the training settings and run again.");
  }
}
