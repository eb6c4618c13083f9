package org.xiaodai.scoring.domain;

import java.util.List;

/**
 * One bin (箱) of a variable with its counts, weight of evidence and information value.
 * A {@link Type#RANGE} bin holds {@code lower < x <= upper} (infinite ends allowed); a
 * {@link Type#SPECIAL} bin one special value ({@code lower == upper}); a {@link Type#CATEGORIES}
 * bin a set of categories; the {@link Type#MISSING} bin missing values and, for a categorical
 * variable, categories not seen in training.
 *
 * <p>WOE = ln(share of goods / share of bads): positive is better than average. IV =
 * (share of goods − share of bads) × WOE. A count of zero is smoothed by 0.5 in both cells.
 */
public record Bin(Type type, String label, double lower, double upper, List<String> categories,
        long goods, long bads, double woe, double iv) {

    /** What a bin holds. */
    public enum Type { RANGE, SPECIAL, CATEGORIES, MISSING }

    public Bin {
        categories = List.copyOf(categories);
    }

    public long count() {
        return goods + bads;
    }

    public double badRate() {
        return count() == 0 ? 0 : (double) bads / count();
    }

    /** @return WOE of a bin with {@code goods} and {@code bads} out of {@code totalGoods} and {@code totalBads} */
    public static double woe(long goods, long bads, long totalGoods, long totalBads) {
        if (goods + bads == 0) {
            return 0;
        }
        double g = goods == 0 || bads == 0 ? goods + 0.5 : goods;
        double b = goods == 0 || bads == 0 ? bads + 0.5 : bads;
        return Math.log((g / totalGoods) / (b / totalBads));
    }

    /** @return IV contribution of a bin, same conventions as {@link #woe} */
    public static double iv(long goods, long bads, long totalGoods, long totalBads) {
        return ((double) goods / totalGoods - (double) bads / totalBads) * woe(goods, bads, totalGoods, totalBads);
    }

    static Bin of(Type type, String label, double lower, double upper, List<String> categories,
            long[] gb, long totalGoods, long totalBads) {
        return new Bin(type, label, lower, upper, categories, gb[0], gb[1],
                woe(gb[0], gb[1], totalGoods, totalBads), iv(gb[0], gb[1], totalGoods, totalBads));
    }
}
