package org.deltascape.models.training;

/**
 * One epoch of training.
 *
 * @param epoch 1-based
 * @param meanLoss the mean over the epoch's mini-batches of each batch's mean loss, evaluated
 *     before that batch's update (as training loops usually report it)
 * @param seconds wall-clock time of the epoch
 */
public record EpochSummary(int epoch, double meanLoss, double seconds) {}
