#!/usr/bin/env python3
"""Generate random in-spec schedule vectors with independent_reference.py.

  independent_generate.py OUT_DIR [COUNT] [SEED]

Every restriction of the README is respected; terms for which the reference finds a row
outside the spec (principal < 0 or > balance) are skipped.  Terms on which exact rational
arithmetic and 50-digit decimal arithmetic disagree (an exact rounding tie that finite
precision misses) are written to OUT_DIR/../<name>-ties instead.
"""
import datetime as dt
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import independent_reference as ref  # noqa: E402

ANCHORS = ["2024-01-31", "2024-02-29", "2023-02-28", "2024-03-31", "2024-04-30", "2023-12-31",
           "2024-12-31", "2025-01-31", "2024-08-31", "2024-05-30", "2028-02-29", "2023-01-29",
           "2024-01-30", "2025-03-31", "2023-10-31", "2024-11-30"]


def rand_date(rng):
    if rng.random() < 0.45:
        return dt.date.fromisoformat(rng.choice(ANCHORS))
    return dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 6))


def rand_principal(rng, d):
    kind = rng.random()
    if kind < 0.05:
        units = 10_000_000_000
    elif kind < 0.15:
        units = rng.choice([1, 5, 100, 1000, 5000, 10000, 100000, 1000000])
    else:
        units = int(10 ** rng.uniform(0, 8))
    frac = rng.randrange(0, 10 ** d) if d and rng.random() < 0.5 else 0
    s = str(units)
    if d:
        s += "." + str(frac).rjust(d, "0")
    return s


def rand_rate(rng):
    x = rng.random()
    if x < 0.07:
        return "0"
    if x < 0.12:
        return rng.choice(["100", "120", "150", "200", "365", "0.01", "0.1"])
    v = rng.uniform(0.5, 60)
    dec = rng.choice([0, 1, 2, 3, 4])
    s = ("%." + str(dec) + "f") % v
    return s


def multiples(d):
    if d == 0:
        return ["1", "1", "1", "10", "100", "5"]
    if d == 2:
        return ["0.01", "0.01", "0.01", "0.05", "0.10", "1", "1", "5", "10", "100"]
    return ["0.001", "0.001", "0.005", "0.010", "0.100", "1"]


def rand_terms(rng):
    d = rng.choice([2, 2, 2, 2, 0, 3])
    combo = rng.choices(
        ["EI-NOM", "EI-APF", "EP", "IO", "BULLET", "FLAT"], [30, 30, 14, 7, 7, 12])[0]
    U = rng.choice(["DAYS", "WEEKS", "MONTHS", "MONTHS"])
    if U == "DAYS":
        k = rng.choice([1, 2, 3, 7, 14, 15, 15, 15, 30, 28])
    elif U == "WEEKS":
        k = rng.choice([1, 1, 2, 2, 3, 4])
    else:
        k = rng.choice([1, 1, 1, 2, 3, 3, 6, 12, 15])
    # keep the loan length sane
    nmax = {"DAYS": 360, "WEEKS": 360, "MONTHS": 360}[U]
    nmax = max(1, min(nmax, 360 * 30 // ({"DAYS": 1, "WEEKS": 7, "MONTHS": 30}[U] * k) if U != "DAYS" else 360))
    r = rng.random()
    if r < 0.1:
        n = 1
    elif r < 0.2:
        n = rng.choice([2, 3, 360, nmax])
    else:
        n = rng.randint(1, min(nmax, rng.choice([12, 24, 60, 120, 360])))
    n = min(n, nmax)
    accrual = rng.choice(["PER_PERIOD", "DAILY"])
    Y = rng.choice(["360", "364", "365", "ACTUAL"])
    DM = rng.choice(["30", "ACTUAL"])
    if accrual == "DAILY" and DM == "30" and U == "MONTHS" and Y == "ACTUAL":
        Y = rng.choice(["360", "364", "365"])
    F = rand_date(rng)
    t = {"principal": rand_principal(rng, d), "annualInterestRatePercent": rand_rate(rng),
         "currencyDigits": d, "roundingMode": rng.choice(["HALF_EVEN", "HALF_UP"]),
         "amortization": "EQUAL_INSTALLMENTS", "interestMethod": "DECLINING_BALANCE",
         "interestAccrual": accrual, "installmentBasis": "NOMINAL_PERIODIC_RATE",
         "numberOfRepayments": n, "repaymentEvery": k, "repaymentFrequency": U,
         "daysInYear": Y, "daysInMonth": DM}
    # disbursement: regular, short or long first period
    c = ref.Ctx.__new__(ref.Ctx)
    c.U, c.k = U, k
    N = c.shift(F, -1)
    plen = (F - N).days
    kind = rng.random()
    if kind < 0.35:
        D0 = N
    elif kind < 0.7:
        D0 = N + dt.timedelta(days=rng.randint(1, plen - 1)) if plen > 1 else N
    else:
        D0 = N - dt.timedelta(days=rng.randint(1, max(1, min(plen, 40))))
    t["disbursementDate"] = D0.isoformat()
    t["firstRepaymentDate"] = F.isoformat()
    t["installmentAmountInMultiplesOf"] = rng.choice(multiples(d))
    gp = gi = 0
    if combo in ("EI-NOM", "EI-APF", "EP", "FLAT") and n > 1 and rng.random() < 0.3:
        gp = rng.randint(1, min(n - 1, 8))
        if combo != "FLAT" and gp > 1 and rng.random() < 0.5:
            gi = rng.randint(1, gp - 1)
    t["graceOnPrincipalPeriods"] = gp
    t["graceOnInterestPaymentPeriods"] = gi
    if combo == "EI-APF":
        t["installmentBasis"] = "ACTUAL_PERIOD_FACTORS"
        if rng.random() < 0.5:
            t["emiAdjustment"] = "FINERACT_PROGRESSIVE"
    elif combo == "EP":
        t["amortization"] = "EQUAL_PRINCIPAL"
        t["installmentBasis"] = rng.choice(["NOMINAL_PERIODIC_RATE", "ACTUAL_PERIOD_FACTORS"])
    elif combo == "IO":
        t["amortization"] = "INTEREST_ONLY_THEN_BULLET"
    elif combo == "BULLET":
        t["amortization"] = "BULLET"
    elif combo == "FLAT":
        t["interestMethod"] = "FLAT"
        t["installmentBasis"] = rng.choice(["NOMINAL_PERIODIC_RATE", "ACTUAL_PERIOD_FACTORS"])
    return t


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1600
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20240229
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    ties = out.rstrip("/") + "-ties"
    os.makedirs(ties, exist_ok=True)
    made = skipped = tied = 0
    while made < count:
        t = rand_terms(rng)
        try:
            ref.MODE = "fraction"
            exp = ref.compute(t)
        except ref.OutOfSpec:
            skipped += 1
            continue
        try:
            ref.MODE = "decimal"
            exp_dec = ref.compute(t)
        except ref.OutOfSpec:
            exp_dec = None
        ref.MODE = "fraction"
        vid = "ir-%05d" % (made + tied)
        vec = {"id": vid, "source": "xiaodai: independent reference",
               "description": "random in-spec terms (seed %d)" % seed, "terms": t, "expected": exp}
        target = out
        if exp != exp_dec:
            target = ties
            tied += 1
        else:
            made += 1
        with open(os.path.join(target, vid + ".json"), "w") as f:
            json.dump(vec, f, indent=1)
    print("written %d, ties %d, skipped %d out-of-spec" % (made, tied, skipped))


if __name__ == "__main__":
    main()
