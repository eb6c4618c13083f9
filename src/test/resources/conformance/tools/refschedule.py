#!/usr/bin/env python3
"""Independent reference implementation of the schedule conformance README (sections 2-6),
written from the README alone in Python's decimal at 34 significant digits, to generate the
project's own vectors (source "xiaodai: independent decimal computation").

Usage: python3 refschedule.py OUTDIR   (writes xd-*.json)
"""
import calendar
import json
import sys
from datetime import date
from decimal import Decimal as D, getcontext, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_FLOOR

getcontext().prec = 34
MODES = {"HALF_EVEN": ROUND_HALF_EVEN, "HALF_UP": ROUND_HALF_UP}


def add_months(d, m):
    y, mo = divmod(d.month - 1 + m, 12)
    y += d.year
    mo += 1
    return date(y, mo, min(d.day, calendar.monthrange(y, mo)[1]))


def shift(t, x, c):
    k = t["repaymentEvery"] * c
    u = t["repaymentFrequency"]
    if u == "DAYS":
        return date.fromordinal(x.toordinal() + k)
    if u == "WEEKS":
        return date.fromordinal(x.toordinal() + 7 * k)
    return add_months(x, k)


def days(a, b):
    return b.toordinal() - a.toordinal()


def ppy(t):
    return {"MONTHS": 12, "WEEKS": 52}.get(t["repaymentFrequency"]) or (
        365 if t["daysInYear"] == "ACTUAL" else int(t["daysInYear"]))


def yf(t, a, b):
    if t["daysInMonth"] == "30" and t["repaymentFrequency"] == "MONTHS":
        assert t["daysInYear"] != "ACTUAL"
        m = 0
        while add_months(a, m + 1) <= b:
            m += 1
        e = days(add_months(a, m), b)
        L = days(add_months(a, m), add_months(a, m + 1))
        return D(30) * (D(m) + D(e) / D(L)) / D(int(t["daysInYear"]))
    if t["daysInYear"] != "ACTUAL":
        return D(days(a, b)) / D(int(t["daysInYear"]))
    total = D(0)
    cur = a
    while cur < b:
        nxt = min(date(cur.year + 1, 1, 1), b)
        ylen = 366 if calendar.isleap(cur.year) else 365
        total += D(days(cur, nxt)) / D(ylen)
        cur = nxt
    return total


def plan(t):
    n = t["numberOfRepayments"]
    A = D(t["annualInterestRatePercent"]) / D(100)
    F = date.fromisoformat(t["firstRepaymentDate"])
    D0 = date.fromisoformat(t["disbursementDate"])
    q = A * D(t["repaymentEvery"]) / D(ppy(t))
    due = [shift(t, F, i) for i in range(n)]
    start = [D0] + due[:-1]
    if t["interestAccrual"] == "PER_PERIOD":
        N = shift(t, F, -1)
        r = [q * D(days(D0, F)) / D(days(N, F))] + [q] * (n - 1)
    else:
        r = [A * yf(t, start[i], due[i]) for i in range(n)]
    return q, start, due, r


class Ctx:
    def __init__(self, t):
        self.d = t["currencyDigits"]
        self.R = MODES[t["roundingMode"]]
        self.m = D(t["installmentAmountInMultiplesOf"])
        self.unit = D(1).scaleb(-self.d)

    def rnd(self, x):
        return x.quantize(self.unit, rounding=self.R)

    def rnd_to(self, x):
        return self.rnd((x / self.m).quantize(D(1), rounding=self.R) * self.m)


def e_star(t, q, r, P):
    gp = t["graceOnPrincipalPeriods"]
    na = t["numberOfRepayments"] - gp
    if t["installmentBasis"] == "NOMINAL_PERIODIC_RATE":
        if q == 0:
            return P / D(na)
        return P * q / (D(1) - (D(1) + q) ** (-na))
    rho = r[gp:]
    f = D(1)
    for j in range(1, na):
        f = D(1) + f * (D(1) + rho[j])
    prod = D(1)
    for x in rho:
        prod *= D(1) + x
    return P * prod / f


def declining(t, c, r, P, E, p):
    n = t["numberOfRepayments"]
    gp, gi = t["graceOnPrincipalPeriods"], t["graceOnInterestPaymentPeriods"]
    B, pool, rows = P, D(0), []
    for i in range(1, n + 1):
        acc = c.rnd(B * r[i - 1])
        if i <= gi:
            interest, pool = D(0), pool + acc
        else:
            interest, pool = acc + pool, D(0)
        if i <= gp:
            pr = D(0)
        elif i == n:
            pr = B
        elif t["amortization"] == "EQUAL_INSTALLMENTS":
            pr = E - acc
        elif t["amortization"] == "EQUAL_PRINCIPAL":
            pr = p
        else:
            pr = D(0)
        assert pr >= 0 and pr <= B, ("outside spec", i, pr, B)
        B -= pr
        rows.append([pr, interest, B])
    return rows


def compute(t):
    c = Ctx(t)
    q, start, due, r = plan(t)
    n = t["numberOfRepayments"]
    gp, gi = t["graceOnPrincipalPeriods"], t["graceOnInterestPaymentPeriods"]
    P = c.rnd(D(t["principal"]))
    summary, Es = {}, None
    if t["interestMethod"] == "FLAT":
        T = c.rnd(P * sum(r))
        I = c.rnd(T / D(n))
        p = c.rnd(P / D(n - gp))
        B, rows = P, []
        for i in range(1, n + 1):
            it = I if i < n else T - (n - 1) * I
            if i <= gp:
                pr = D(0)
            elif i == n:
                pr = B
            elif c.m == c.unit:
                pr = p
            else:
                pr = c.rnd_to(p) + c.rnd_to(it) - it
            B -= pr
            rows.append([pr, it, B])
        exact = T
    elif t["amortization"] == "BULLET":
        rows = [[D(0), D(0), P] for _ in range(n - 1)] + [[P, c.rnd(P * sum(r)), D(0)]]
        exact = c.rnd(P * sum(r))
    elif t["amortization"] == "EQUAL_INSTALLMENTS":
        Es = e_star(t, q, r, P)
        E = c.rnd_to(Es)
        rows = declining(t, c, r, P, E, None)
        if t.get("emiAdjustment", "NONE") == "FINERACT_PROGRESSIVE":
            E, rows = emi_adjust(t, c, r, P, E, rows)
        summary["installmentAmount"] = E
        exact = c.rnd(D(n) * Es - P)
        summary["totalInterestFromRoundedInstallment"] = D(n) * E - P
        summary["totalRepaymentFromRoundedInstallment"] = D(n) * E
    elif t["amortization"] == "EQUAL_PRINCIPAL":
        rows = declining(t, c, r, P, None, c.rnd(P / D(n - gp)))
        exact = c.rnd(sum((P - D(i) * P / D(n)) * r[i] for i in range(n)))
    else:
        rows = declining(t, c, r, P, None, None)
        exact = c.rnd(P * sum(r))
    if gp == 0 and gi == 0:
        summary["totalInterestExact"] = exact
        summary["totalRepaymentExact"] = P + exact
    else:
        summary.pop("totalInterestFromRoundedInstallment", None)
        summary.pop("totalRepaymentFromRoundedInstallment", None)
    summary["totalInterest"] = sum(x[1] for x in rows)
    return due, rows, summary, c


def emi_adjust(t, c, r, P, E, rows):
    na = t["numberOfRepayments"] - t["graceOnPrincipalPeriods"]
    h = na // 2
    diff = rows[-1][0] + rows[-1][1] - E
    if diff == 0 or h == 0 or not abs(diff) * 100 > h:
        return E, rows
    adj = c.rnd(diff / D(na))
    E2 = c.rnd_to(E + adj)
    if E2 == E:
        return E, rows
    rows2 = declining(t, c, r, P, E2, None)
    if abs(rows2[-1][0] + rows2[-1][1] - E2) < abs(diff):
        return E2, rows2
    return E, rows


def vector(vid, desc, terms):
    due, rows, summary, c = compute(terms)
    fmt = lambda x: str(c.rnd(x)) if c.d > 0 else str(c.rnd(x))
    inst = [{"n": i + 1, "dueDate": due[i].isoformat(), "principal": fmt(p), "interest": fmt(it),
             "total": fmt(p + it), "balanceAfter": fmt(b)} for i, (p, it, b) in enumerate(rows)]
    exp = {"installments": inst}
    for k in ["totalInterest", "installmentAmount", "totalInterestExact", "totalRepaymentExact",
              "totalInterestFromRoundedInstallment", "totalRepaymentFromRoundedInstallment"]:
        if k in summary:
            exp[k] = fmt(summary[k])
    return {"id": vid, "source": "xiaodai: independent decimal computation",
            "description": desc, "terms": terms, "expected": exp}
