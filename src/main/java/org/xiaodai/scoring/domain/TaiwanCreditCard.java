package org.xiaodai.scoring.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the UCI "default of credit card clients" file (header {@code ID,X1..X23,Y}) into
 * behaviour variables (行为评分卡 B-card inputs): the raw repayment status, balance and payment of
 * the last six months plus features derived from them (worst and recent delays, months in delay,
 * utilisation, share of the previous bill paid). {@code sex} and {@code marriage} are protected.
 * Status codes: −2 no balance, −1 paid in full, 0 revolving, k ≥ 1 k months late.
 */
public final class TaiwanCreditCard {

    /** Rows and their {@code ID}s (the split key of the datasets README). */
    public record Data(Dataset dataset, int[] ids) {
    }

    private static final String[] RAW = {"limitBalance", "sex", "education", "marriage", "age",
        "pay1", "pay2", "pay3", "pay4", "pay5", "pay6",
        "bill1", "bill2", "bill3", "bill4", "bill5", "bill6",
        "paid1", "paid2", "paid3", "paid4", "paid5", "paid6"};

    private static final String[] DERIVED = {"worstDelay6m", "worstDelay3m", "monthsLate6m", "monthsLate3m",
        "utilisation", "utilisationAverage", "paidShareLast", "paidShare6m", "monthsWithoutPayment",
        "balanceTrend", "paidToLimit", "monthsPaidInFull", "spendToLimit", "statusChange"};

    /** Cross characteristics: two behaviours combined into one categorical variable. */
    private static final String[] CROSSES = {"statusByUtilisation", "statusByPaidShare", "statusLastTwo",
        "statusByLimit", "historyByUtilisation"};

    public static final List<Feature> FEATURES = features();

    private TaiwanCreditCard() {
    }

    private static List<Feature> features() {
        List<Feature> out = new ArrayList<>();
        for (String name : RAW) {
            boolean categorical = name.equals("sex") || name.equals("education") || name.equals("marriage");
            Feature f = categorical ? Feature.categorical(name) : Feature.numeric(name);
            out.add(name.equals("sex") || name.equals("marriage") ? f.asProtected() : f);
        }
        for (String name : DERIVED) {
            out.add(Feature.numeric(name));
        }
        for (String name : CROSSES) {
            out.add(Feature.categorical(name));
        }
        return List.copyOf(out);
    }

    public static Data read(Reader reader) throws IOException {
        Dataset.Builder builder = Dataset.builder(FEATURES);
        List<Integer> ids = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        String header = lines.readLine();
        if (header == null || !header.startsWith("ID,")) {
            throw new IllegalArgumentException("expected the header ID,X1..X23,Y");
        }
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            double[] x = new double[RAW.length];
            for (int i = 0; i < RAW.length; i++) {
                x[i] = Double.parseDouble(f[i + 1]);
            }
            ids.add(Integer.parseInt(f[0].trim()));
            builder.add(values(x), Integer.parseInt(f[24].trim()));
        }
        return new Data(builder.build(), ids.stream().mapToInt(Integer::intValue).toArray());
    }

    /** @param x the 23 raw values X1..X23 */
    static Object[] values(double[] x) {
        Object[] v = new Object[RAW.length + DERIVED.length + CROSSES.length];
        for (int i = 0; i < RAW.length; i++) {
            v[i] = x[i];
        }
        v[1] = Integer.toString((int) x[1]);
        v[2] = Integer.toString((int) x[2]);
        v[3] = Integer.toString((int) x[3]);
        double[] derived = derive(x);
        for (int i = 0; i < derived.length; i++) {
            v[RAW.length + i] = derived[i];
        }
        String[] crosses = crosses(x);
        for (int i = 0; i < crosses.length; i++) {
            v[RAW.length + DERIVED.length + i] = crosses[i];
        }
        return v;
    }

    /** @return the derived features of one client, NaN where undefined (e.g. no bill to pay) */
    public static double[] derive(double[] x) {
        double limit = x[0];
        double[] pay = java.util.Arrays.copyOfRange(x, 5, 11);
        double[] bill = java.util.Arrays.copyOfRange(x, 11, 17);
        double[] paid = java.util.Arrays.copyOfRange(x, 17, 23);
        double worst6 = Double.NEGATIVE_INFINITY;
        double worst3 = Double.NEGATIVE_INFINITY;
        int late6 = 0;
        int late3 = 0;
        int noPayment = 0;
        int paidInFull = 0;
        for (int m = 0; m < 6; m++) {
            worst6 = Math.max(worst6, pay[m]);
            late6 += pay[m] > 0 ? 1 : 0;
            noPayment += paid[m] == 0 ? 1 : 0;
            paidInFull += pay[m] == -1 ? 1 : 0;
            if (m < 3) {
                worst3 = Math.max(worst3, pay[m]);
                late3 += pay[m] > 0 ? 1 : 0;
            }
        }
        double billSum = 0;
        double paidSum = 0;
        for (int m = 0; m < 5; m++) {
            billSum += Math.max(bill[m + 1], 0);
            paidSum += paid[m];
        }
        double average = java.util.Arrays.stream(bill).average().orElse(0);
        return new double[] {worst6, worst3, late6, late3,
            ratio(bill[0], limit), ratio(average, limit),
            bill[1] > 0 ? Math.min(paid[0] / bill[1], 2) : Double.NaN,
            billSum > 0 ? Math.min(paidSum / billSum, 2) : Double.NaN,
            noPayment, ratio(bill[0] - bill[5], limit), ratio(paid[0], limit), paidInFull,
            ratio(bill[0] - bill[1] + paid[0], limit), pay[0] - pay[1]};
    }

    /** @return the cross characteristics of one client */
    public static String[] crosses(double[] x) {
        double limit = x[0];
        String status = status(x[5]);
        double utilisation = limit > 0 ? x[11] / limit : Double.NaN;
        String u = Double.isNaN(utilisation) ? "u?" : utilisation <= 0 ? "u0" : utilisation < 0.3 ? "u1"
                : utilisation < 0.7 ? "u2" : utilisation <= 1 ? "u3" : "u4";
        double share = x[12] > 0 ? x[17] / x[12] : Double.NaN;
        String p = Double.isNaN(share) ? "p?" : share <= 0 ? "p0" : share < 0.1 ? "p1" : share < 1 ? "p2" : "p3";
        String l = limit < 50000 ? "l1" : limit < 150000 ? "l2" : limit < 300000 ? "l3" : "l4";
        int late = 0;
        for (int m = 6; m < 11; m++) {
            late += x[m] > 0 ? 1 : 0;
        }
        String history = late == 0 ? "h0" : late <= 2 ? "h1" : "h2";
        return new String[] {status + "/" + u, status + "/" + p, status + "/" + status(x[6]), status + "/" + l,
            history + "/" + u};
    }

    private static String status(double pay) {
        return pay >= 2 ? "2+" : Integer.toString((int) pay);
    }

    private static double ratio(double a, double b) {
        return b > 0 ? a / b : Double.NaN;
    }
}
