#!/usr/bin/env python3
"""Writes the project's own schedule vectors (xd-*.json) with refschedule.py and checks the
published calculator figures they must show. Usage: python3 make_vectors.py OUTDIR"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from refschedule import vector  # noqa: E402

BASE = {
    "principal": "10000.00", "annualInterestRatePercent": "12", "currencyDigits": 2,
    "roundingMode": "HALF_EVEN", "amortization": "EQUAL_INSTALLMENTS",
    "interestMethod": "DECLINING_BALANCE", "interestAccrual": "PER_PERIOD",
    "installmentBasis": "NOMINAL_PERIODIC_RATE", "numberOfRepayments": 12, "repaymentEvery": 1,
    "repaymentFrequency": "MONTHS", "daysInYear": "365", "daysInMonth": "ACTUAL",
    "disbursementDate": "2025-01-15", "firstRepaymentDate": "2025-02-15",
    "installmentAmountInMultiplesOf": "0.01", "graceOnPrincipalPeriods": 0,
    "graceOnInterestPaymentPeriods": 0,
}

CASES = [
    ("xd-debx-12m-10000-12pct", "等额本息 10000 at 12% over 12 months: 月供 888.49", {}),
    ("xd-debj-12m-10000-12pct", "等额本金 10000 at 12% over 12 months: first 933.33, interest 650.00",
     {"amortization": "EQUAL_PRINCIPAL"}),
    ("xd-debx-36m-200000-4p35", "等额本息 200000 at 4.35% over 36 months, HALF_UP",
     {"principal": "200000", "annualInterestRatePercent": "4.35", "numberOfRepayments": 36,
      "roundingMode": "HALF_UP"}),
    ("xd-weekly-daily-364", "weekly, DAILY accrual on a 364-day year, actual period factors",
     {"repaymentFrequency": "WEEKS", "numberOfRepayments": 8, "interestAccrual": "DAILY",
      "installmentBasis": "ACTUAL_PERIOD_FACTORS", "daysInYear": "364", "firstRepaymentDate": "2025-01-22"}),
    ("xd-fortnightly-per-period", "fortnightly (every 2 weeks), q = A·2/52, 6 periods",
     {"repaymentFrequency": "WEEKS", "repaymentEvery": 2, "numberOfRepayments": 6,
      "firstRepaymentDate": "2025-01-29", "annualInterestRatePercent": "18"}),
    ("xd-15day-per-period-360", "15-day periods, PER_PERIOD, PPY = 360, 10 periods",
     {"repaymentFrequency": "DAYS", "repaymentEvery": 15, "numberOfRepayments": 10, "daysInYear": "360",
      "firstRepaymentDate": "2025-01-30", "annualInterestRatePercent": "24"}),
    ("xd-15day-daily-365-short-first", "15-day periods, DAILY /365, late disbursement: 9-day first period",
     {"repaymentFrequency": "DAYS", "repaymentEvery": 15, "numberOfRepayments": 6, "interestAccrual": "DAILY",
      "disbursementDate": "2025-01-21", "firstRepaymentDate": "2025-01-30", "annualInterestRatePercent": "24"}),
    ("xd-364-days-weekly-k1-per-period", "7-day DAYS periods, PER_PERIOD, PPY = 364",
     {"repaymentFrequency": "DAYS", "repaymentEvery": 7, "numberOfRepayments": 5, "daysInYear": "364",
      "firstRepaymentDate": "2025-01-22"}),
    ("xd-daily-actual-actual-leap", "DAILY actual/actual across 2023-12 to 2024-03, split at 1 January",
     {"interestAccrual": "DAILY", "daysInYear": "ACTUAL", "numberOfRepayments": 4,
      "disbursementDate": "2023-11-20", "firstRepaymentDate": "2023-12-20",
      "installmentBasis": "ACTUAL_PERIOD_FACTORS"}),
    ("xd-daily-actual-actual-nominal", "DAILY actual/actual, nominal annuity, period across 2024/2025",
     {"interestAccrual": "DAILY", "daysInYear": "ACTUAL", "numberOfRepayments": 3,
      "disbursementDate": "2024-12-10", "firstRepaymentDate": "2025-01-10"}),
    ("xd-broken-short-nominal", "late disbursement: short first period, PER_PERIOD r_1 = q·22/31, nominal E",
     {"disbursementDate": "2024-03-10", "firstRepaymentDate": "2024-04-01", "numberOfRepayments": 6}),
    ("xd-broken-long-actual-factors", "early disbursement: long first period r_1 = q·41/31, E from actual factors",
     {"disbursementDate": "2024-02-20", "firstRepaymentDate": "2024-04-01", "numberOfRepayments": 6,
      "installmentBasis": "ACTUAL_PERIOD_FACTORS"}),
    ("xd-daily-30-360-broken", "DAILY with 30-day months on 360: long first period dc30 = 30·(1 + 15/29)",
     {"interestAccrual": "DAILY", "daysInMonth": "30", "daysInYear": "360", "numberOfRepayments": 5,
      "disbursementDate": "2024-01-15", "firstRepaymentDate": "2024-03-01",
      "installmentBasis": "ACTUAL_PERIOD_FACTORS"}),
    ("xd-interest-grace", "principal grace 3, interest-payment grace 2: deferred interest due in period 3",
     {"numberOfRepayments": 9, "graceOnPrincipalPeriods": 3, "graceOnInterestPaymentPeriods": 2}),
    ("xd-interest-grace-equal-principal", "equal principal with principal grace 2, interest grace 1",
     {"amortization": "EQUAL_PRINCIPAL", "numberOfRepayments": 8, "graceOnPrincipalPeriods": 2,
      "graceOnInterestPaymentPeriods": 1}),
    ("xd-half-up-tie", "1000.50 at 12% interest-only: 10.005 rounds to 10.01 with HALF_UP",
     {"principal": "1000.50", "amortization": "INTEREST_ONLY_THEN_BULLET", "numberOfRepayments": 3,
      "roundingMode": "HALF_UP"}),
    ("xd-half-even-tie", "1000.50 at 12% interest-only: 10.005 rounds to 10.00 with HALF_EVEN",
     {"principal": "1000.50", "amortization": "INTEREST_ONLY_THEN_BULLET", "numberOfRepayments": 3}),
    ("xd-bullet-daily-365", "bullet, DAILY /365, simple interest rounded once",
     {"amortization": "BULLET", "numberOfRepayments": 3, "interestAccrual": "DAILY"}),
    ("xd-flat-grace-broken", "flat, principal grace 2, short first period, installments in multiples of 10",
     {"interestMethod": "FLAT", "numberOfRepayments": 10, "graceOnPrincipalPeriods": 2,
      "disbursementDate": "2025-01-25", "installmentAmountInMultiplesOf": "10"}),
    ("xd-month-end-anchor", "F on 31 January: due dates keep the 31st where the month has it",
     {"firstRepaymentDate": "2024-01-31", "disbursementDate": "2023-12-31", "numberOfRepayments": 5,
      "interestAccrual": "DAILY", "installmentBasis": "ACTUAL_PERIOD_FACTORS"}),
    ("xd-quarterly", "every 3 months, q = A·3/12, 4 periods, whole-unit installments",
     {"repaymentEvery": 3, "numberOfRepayments": 4, "installmentAmountInMultiplesOf": "1"}),
    ("xd-zero-digits", "currency with 0 decimals (d = 0), 5 periods",
     {"principal": "1000000", "currencyDigits": 0, "installmentAmountInMultiplesOf": "1", "numberOfRepayments": 5}),
    ("xd-three-digits-half-up", "currency with 3 decimals, HALF_UP, multiples of 0.005",
     {"principal": "1234.567", "currencyDigits": 3, "installmentAmountInMultiplesOf": "0.005",
      "roundingMode": "HALF_UP", "numberOfRepayments": 7}),
    ("xd-emi-adjust-down", "FINERACT_PROGRESSIVE lowers E 380.03 to 380.02 (DAILY /365, 3 periods)",
     {"interestAccrual": "DAILY", "installmentBasis": "ACTUAL_PERIOD_FACTORS", "emiAdjustment": "FINERACT_PROGRESSIVE",
      "numberOfRepayments": 3, "principal": "1096.53", "annualInterestRatePercent": "24"}),
    ("xd-emi-adjust-up", "FINERACT_PROGRESSIVE raises E 442.15 to 442.16 (DAILY /365, 3 periods)",
     {"interestAccrual": "DAILY", "installmentBasis": "ACTUAL_PERIOD_FACTORS", "emiAdjustment": "FINERACT_PROGRESSIVE",
      "numberOfRepayments": 3, "principal": "1275.80", "annualInterestRatePercent": "24"}),
    ("xd-emi-check-keeps", "FINERACT_PROGRESSIVE check runs but keeps E (DAILY /365, multiples of 0.10)",
     {"interestAccrual": "DAILY", "installmentBasis": "ACTUAL_PERIOD_FACTORS", "emiAdjustment": "FINERACT_PROGRESSIVE",
      "installmentAmountInMultiplesOf": "0.10", "numberOfRepayments": 24, "principal": "8000.00",
      "annualInterestRatePercent": "21"}),
]


def main(out):
    for vid, desc, overrides in CASES:
        terms = dict(BASE, **overrides)
        v = vector(vid, desc + " (all values from an independent 34-digit decimal computation).", terms)
        with open(os.path.join(out, vid + ".json"), "w", encoding="utf-8") as f:
            json.dump(v, f, ensure_ascii=False, indent=1)
            f.write("\n")
    check(out)


def check(out):
    """The published calculator figures these vectors must show."""
    debx = json.load(open(os.path.join(out, "xd-debx-12m-10000-12pct.json")))["expected"]
    assert debx["installmentAmount"] == "888.49", debx["installmentAmount"]
    assert debx["totalInterestExact"] == "661.85", debx["totalInterestExact"]
    assert debx["totalInterestFromRoundedInstallment"] == "661.88"
    debj = json.load(open(os.path.join(out, "xd-debj-12m-10000-12pct.json")))["expected"]
    assert debj["installments"][0]["total"] == "933.33"
    assert debj["totalInterestExact"] == "650.00"
    up = json.load(open(os.path.join(out, "xd-half-up-tie.json")))["expected"]
    even = json.load(open(os.path.join(out, "xd-half-even-tie.json")))["expected"]
    down = json.load(open(os.path.join(out, "xd-emi-adjust-down.json")))["expected"]
    assert down["installmentAmount"] == "380.02", down["installmentAmount"]
    assert up["installments"][0]["interest"] == "10.01" and even["installments"][0]["interest"] == "10.00"


if __name__ == "__main__":
    main(sys.argv[1])
