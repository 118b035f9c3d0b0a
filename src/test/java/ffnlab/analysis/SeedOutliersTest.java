package ffnlab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeedOutliersTest {
    @Test
    void oneCollapsedSeedAtDepthFiveIsTheOnlyOutlier() {
        double[][] depths = {
            {0.31, 0.30, 0.32}, {0.29, 0.30, 0.295}, {0.28, 0.285, 0.29}, {0.30, 0.29, 0.31}, {0.30, 1.93, 0.31},
        };
        assertEquals(List.of(List.of(), List.of(), List.of(), List.of(), List.of(1)), SeedOutliers.find(depths));
    }

    @Test
    void configurationsThatDifferFromEachOtherAreNotOutliers() {
        // width 1 is far worse than width 64, but its seeds agree with each other
        double[][] widths = {{0.90, 0.91, 0.89}, {0.40, 0.41, 0.42}, {0.30, 0.31, 0.29}};
        assertEquals(List.of(List.of(), List.of(), List.of()), SeedOutliers.find(widths));
    }

    @Test
    void theNoisiestSeedOfAConfigurationStaysWhenItDoesNotStretchThePlot() {
        // a real width sweep: seed 1 of width 1 is 0.015 above its others, well inside the spread of the widths
        double[][] widths = {{0.366, 0.351, 0.350}, {0.338, 0.337, 0.339}, {0.309, 0.310, 0.3095}, {0.318, 0.300, 0.301},
            {0.275, 0.276, 0.274}};
        assertEquals(List.of(List.of(), List.of(), List.of(), List.of(), List.of()), SeedOutliers.find(widths));
    }

    @Test
    void aCollapsedSeedBelowTheOthersIsFoundToo() {
        double[][] accuracies = {{0.85, 0.86, 0.84}, {0.87, 0.10, 0.88}, {0.86, 0.87, 0.85}};
        assertEquals(List.of(List.of(), List.of(1), List.of()), SeedOutliers.find(accuracies));
    }

    @Test
    void withTwoSeedsNeitherIsCalledTheOddOne() {
        double[][] twoSeeds = {{0.3, 0.31}, {0.3, 5.0}};
        assertEquals(List.of(List.of(), List.of()), SeedOutliers.find(twoSeeds));
    }

    @Test
    void identicalSeedsMakeNoOutliersOfRounding() {
        double[][] same = {{0.3, 0.3, 0.3 + 1e-17}, {0.5, 0.5, 0.5}};
        assertEquals(List.of(List.of(), List.of()), SeedOutliers.find(same));
    }

    @Test
    void theMedianIsTheMiddleValue() {
        assertEquals(2, SeedOutliers.median(new double[] {3, 1, 2}));
        assertEquals(2.5, SeedOutliers.median(new double[] {4, 1, 3, 2}));
    }
}
