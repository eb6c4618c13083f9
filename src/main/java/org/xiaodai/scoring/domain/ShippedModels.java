package org.xiaodai.scoring.domain;

/**
 * The training configurations of the two scorecards the platform ships: the application
 * scorecard (A-card, 申请评分卡) on the German data and the behaviour scorecard (B-card, 行为评分卡)
 * on the Taiwan data. Neither lets a protected attribute in. The benchmark measures exactly these.
 */
public final class ShippedModels {

    private ShippedModels() {
    }

    public static TrainingOptions aCardOptions() {
        BinningOptions binning = BinningOptions.defaults().withFineBins(10).withMaxBins(5).withMinBinShare(0.05);
        return TrainingOptions.defaults().withBinning(binning).withSelection(0.02, 0.7, 20);
    }

    public static TrainingOptions bCardOptions() {
        BinningOptions binning = BinningOptions.defaults().withFineBins(20).withMaxBins(12).withMinBinShare(0.01);
        for (String pay : new String[] {"pay1", "pay2", "pay3", "pay4", "pay5", "pay6", "worstDelay6m", "worstDelay3m"}) {
            binning = binning.withSpecialValues(pay, -2, -1);
        }
        return TrainingOptions.defaults().withBinning(binning).withSelection(0.02, 0.95, 25);
    }
}
