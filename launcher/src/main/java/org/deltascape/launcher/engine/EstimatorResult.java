package org.deltascape.launcher.engine;

import org.deltascape.api.DeltaCurve;
import org.deltascape.api.Estimate;
import org.deltascape.estimators.delta.SufficientSize;

/**
 * One estimator's answer in one space, with what the engine derives from it.
 *
 * @param estimator the estimator's id
 * @param curve Δ_k for every k
 * @param plateau V with its standard error
 * @param sufficient K(ε) with its interval
 */
public record EstimatorResult(
    String estimator, DeltaCurve curve, Estimate plateau, SufficientSize sufficient) {}
