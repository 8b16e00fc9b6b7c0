package org.deltascape.models.training;

import java.nio.DoubleBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A first-order update rule over DOUBLE parameter vectors, with PyTorch's semantics so that runs
 * compare with the authors' code. Stateful (moments, momentum buffers); one per training run.
 */
abstract class Optimizer {
  protected final double learningRate;
  protected final double weightDecay;
  protected final INDArray scratch;

  Optimizer(double learningRate, double weightDecay, long size) {
    this.learningRate = learningRate;
    this.weightDecay = weightDecay;
    this.scratch = Nd4j.zeros(DataType.DOUBLE, size);
  }

  /** The optimizer a plan names, for P parameters. */
  static Optimizer of(TrainingPlan plan, long size) {
    return TrainingPlan.ADAM.equals(plan.optimizer())
        ? new Adam(plan.learningRate(), plan.weightDecay(), size)
        : new Sgd(plan.learningRate(), plan.momentum(), plan.weightDecay(), size);
  }

  /** Updates w in place from the gradient g, which it may overwrite. */
  abstract void step(INDArray w, INDArray gradient);

  /** {@code g ← g + λw} (PyTorch's coupled weight decay). */
  protected void decay(INDArray w, INDArray gradient) {
    if (weightDecay != 0) {
      gradient.addi(scratch.assign(w).muli(weightDecay));
    }
  }

  /** Refuses a vector the fused loops cannot walk as one contiguous float64 buffer. */
  static void requireWhole(INDArray vector, String name) {
    if (vector.dataType() != DataType.DOUBLE || vector.isView() || vector.offset() != 0) {
      throw new IllegalArgumentException(name + " must be a whole DOUBLE vector, not a view");
    }
  }

  /** Adam (Kingma and Ba 2015) with bias correction: β1 0.9, β2 0.999, ε 1e-8. */
  static final class Adam extends Optimizer {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private final INDArray first;
    private final INDArray second;
    private long steps;

    Adam(double learningRate, double weightDecay, long size) {
      super(learningRate, weightDecay, size);
      first = Nd4j.zeros(DataType.DOUBLE, size);
      second = Nd4j.zeros(DataType.DOUBLE, size);
    }

    @Override
    void step(INDArray w, INDArray gradient) {
      steps++;
      double correction1 = 1 - Math.pow(BETA1, steps);
      double correction2 = 1 - Math.pow(BETA2, steps);
      double rate = learningRate / correction1;
      double root2 = Math.sqrt(correction2);
      DoubleBuffer ws = w.data().asNioDouble();
      DoubleBuffer gs = gradient.data().asNioDouble();
      DoubleBuffer ms = first.data().asNioDouble();
      DoubleBuffer vs = second.data().asNioDouble();
      requireWhole(w, "w");
      requireWhole(gradient, "gradient");
      int n = (int) w.length();
      // One fused pass instead of a dozen ND4J operations over P numbers (each an allocation-free
      // but separately dispatched native loop): the same arithmetic as PyTorch's Adam, per element.
      for (int i = 0; i < n; i++) {
        double wi = ws.get(i);
        double g = gs.get(i) + weightDecay * wi;
        double m = BETA1 * ms.get(i) + (1 - BETA1) * g;
        double v = BETA2 * vs.get(i) + (1 - BETA2) * g * g;
        ms.put(i, m);
        vs.put(i, v);
        ws.put(i, wi - m / (Math.sqrt(v) / root2 + EPSILON) * rate);
      }
    }
  }

  /** Stochastic gradient descent, with PyTorch's heavy-ball momentum when momentum > 0. */
  static final class Sgd extends Optimizer {
    private final double momentum;
    private final INDArray velocity;
    private boolean started;

    Sgd(double learningRate, double momentum, double weightDecay, long size) {
      super(learningRate, weightDecay, size);
      this.momentum = momentum;
      this.velocity = momentum == 0 ? null : Nd4j.zeros(DataType.DOUBLE, size);
    }

    @Override
    void step(INDArray w, INDArray gradient) {
      decay(w, gradient);
      INDArray direction = gradient;
      if (velocity != null) {
        if (started) {
          velocity.muli(momentum).addi(gradient);
        } else {
          velocity.assign(gradient);
          started = true;
        }
        direction = velocity;
      }
      w.subi(scratch.assign(direction).muli(learningRate));
    }
  }
}
