package dev.armorbench.bench;

import java.util.List;

/** How the side-by-side benchmarks sum up their rounds' ratios (baseline over this build). */
final class SideBySideRatios {
    private SideBySideRatios() {}

    /** "median M, quartiles Q1-Q3" of {@code ratios}. */
    static String medianAndQuartiles(List<Double> ratios) {
        double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format("median %.3f, quartiles %.3f-%.3f", sorted[sorted.length / 2], sorted[sorted.length / 4],
                sorted[(3 * sorted.length) / 4]);
    }
}
