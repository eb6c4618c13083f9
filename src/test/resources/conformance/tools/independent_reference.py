#!/usr/bin/env python3
"""Independent reference implementation of the repayment-schedule spec
(/work/shared/conformance/schedules/README.md, sections 2-6), written from the
README alone (not from the Java engine nor the other tools in this folder).

Arithmetic: by default every quantity is an exact rational (fractions.Fraction);
the README's quantities are all rational (integer powers only), so this is the
"exact decimal arithmetic" of README section 7.  `--decimal` switches to Python
decimal with 50 significant digits instead; the two only differ on exact ties
that a finite-precision evaluation cannot see (see report).

Usage:
  independent_reference.py check FILE.json...      compare against vectors
  independent_reference.py compute FILE.json       print the computed `expected`
"""
import datetime as dt
import decimal
import json
import sys
from fractions import Fraction

decimal.getcontext().prec = 50

MODE = "fraction"  # or "decimal"


class OutOfSpec(Exception):
    pass


def num(s):
    if MODE == "fraction":
        return Fraction(str(s))
    return decimal.Decimal(str(s))


def to_int_rounded(x, rm):
    """x rounded to an integer with rounding mode rm (HALF_UP = ties away from 0)."""
    if MODE == "decimal":
        r = decimal.ROUND_HALF_UP if rm == "HALF_UP" else decimal.ROUND_HALF_EVEN
        return int(x.to_integral_value(rounding=r))
    x = Fraction(x)
    neg = x < 0
    ax = -x if neg else x
    fl = ax.numerator // ax.denominator
    rem = ax - fl
    if rem > Fraction(1, 2):
        res = fl + 1
    elif rem < Fraction(1, 2):
        res = fl
    else:
        if rm == "HALF_UP":
            res = fl + 1
        else:
            res = fl if fl % 2 == 0 else fl + 1
    return -res if neg else res


class Ctx:
    def __init__(self, terms):
        t = terms
        self.t = t
        self.P = num(t["principal"])
        self.A = num(t["annualInterestRatePercent"]) / 100
        self.d = int(t["currencyDigits"])
        self.u = num(1) / (num(10) ** self.d)
        self.R = t["roundingMode"]
        assert self.R in ("HALF_EVEN", "HALF_UP")
        self.amort = t["amortization"]
        self.method = t["interestMethod"]
        self.accrual = t["interestAccrual"]
        self.basis = t["installmentBasis"]
        self.n = int(t["numberOfRepayments"])
        self.k = int(t["repaymentEvery"])
        self.U = t["repaymentFrequency"]
        self.Y = t["daysInYear"]
        self.DM = t["daysInMonth"]
        self.D0 = dt.date.fromisoformat(t["disbursementDate"])
        self.F = dt.date.fromisoformat(t["firstRepaymentDate"])
        self.m = num(t["installmentAmountInMultiplesOf"])
        self.gp = int(t["graceOnPrincipalPeriods"])
        self.gi = int(t["graceOnInterestPaymentPeriods"])
        self.emiAdj = t.get("emiAdjustment", "NONE")
        self.check_spec()
        self.due = [self.shift(self.F, i) for i in range(self.n)]
        self.starts = [self.D0] + self.due[:-1]
        self.N = self.shift(self.F, -1)
        self.rates = self.period_rates()

    # ---- restrictions of the README -------------------------------------------------
    def check_spec(self):
        if self.n < 1 or self.k < 1:
            raise OutOfSpec("n, k >= 1")
        if not self.D0 < self.F:
            raise OutOfSpec("D0 < F")
        if self.m <= 0 or (self.m / self.u) != int(self.m / self.u):
            raise OutOfSpec("m positive multiple of u")
        if not (0 <= self.gp < self.n):
            raise OutOfSpec("0 <= g_p < n")
        if self.gi < 0 or (self.gi > 0 and not self.gi < self.gp):
            raise OutOfSpec("g_i only 0 or < g_p")
        if self.method == "FLAT" and (self.amort != "EQUAL_INSTALLMENTS" or self.gi != 0):
            raise OutOfSpec("FLAT only EI and g_i = 0")
        if self.amort in ("BULLET", "INTEREST_ONLY_THEN_BULLET") and (self.gp or self.gi):
            raise OutOfSpec("no grace with BULLET / IO")
        if self.amort in ("BULLET", "INTEREST_ONLY_THEN_BULLET") and self.method != "DECLINING_BALANCE":
            raise OutOfSpec("FLAT only with EI")
        if self.emiAdj not in ("NONE", "FINERACT_PROGRESSIVE"):
            raise OutOfSpec("emiAdjustment value")
        if self.emiAdj == "FINERACT_PROGRESSIVE" and not (
                self.method == "DECLINING_BALANCE" and self.amort == "EQUAL_INSTALLMENTS"
                and self.basis == "ACTUAL_PERIOD_FACTORS"):
            raise OutOfSpec("emiAdjustment only DB+EI+APF")
        if (self.accrual == "DAILY" and self.DM == "30" and self.U == "MONTHS"
                and self.Y == "ACTUAL"):
            raise OutOfSpec("30-day months with ACTUAL year undefined")

    # ---- rounding -------------------------------------------------------------------
    def rnd(self, x):
        return num(to_int_rounded(x / self.u, self.R)) * self.u

    def round_to(self, x, m):
        return num(to_int_rounded(x / m, self.R)) * m

    def fmt(self, x):
        q = Fraction(x) if MODE == "fraction" else x
        v = Fraction(q) * 10 ** self.d
        if v.denominator != 1:
            raise AssertionError("not a currency amount: %s" % x)
        iv = v.numerator
        sign = "-" if iv < 0 else ""
        iv = abs(iv)
        if self.d == 0:
            return sign + str(iv)
        s = str(iv).rjust(self.d + 1, "0")
        return sign + s[:-self.d] + "." + s[-self.d:]

    # ---- dates ----------------------------------------------------------------------
    @staticmethod
    def add_months(a, j):
        y = a.year + (a.month - 1 + j) // 12
        mo = (a.month - 1 + j) % 12 + 1
        last = (dt.date(y + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(days=1)).day
        return dt.date(y, mo, min(a.day, last))

    def shift(self, x, c):
        if self.U == "DAYS":
            return x + dt.timedelta(days=c * self.k)
        if self.U == "WEEKS":
            return x + dt.timedelta(days=7 * c * self.k)
        return self.add_months(x, c * self.k)

    # ---- rates ----------------------------------------------------------------------
    def ydays(self):
        return {"360": 360, "364": 364, "365": 365}[self.Y]

    def q(self):
        if self.U == "MONTHS":
            ppy = 12
        elif self.U == "WEEKS":
            ppy = 52
        else:
            ppy = 365 if self.Y == "ACTUAL" else self.ydays()
        return self.A * self.k / ppy

    def dc30(self, a, b):
        m = 0
        while self.add_months(a, m + 1) <= b:
            m += 1
        am = self.add_months(a, m)
        e = (b - am).days
        L = (self.add_months(a, m + 1) - am).days
        return 30 * (num(m) + num(e) / L)

    def yf(self, a, b):
        if self.DM == "30" and self.U == "MONTHS":
            return self.dc30(a, b) / self.ydays()
        if self.Y != "ACTUAL":
            return num((b - a).days) / self.ydays()
        tot = num(0)
        cur = a
        while cur < b:
            nxt = min(b, dt.date(cur.year + 1, 1, 1))
            ylen = (dt.date(cur.year + 1, 1, 1) - dt.date(cur.year, 1, 1)).days
            tot += num((nxt - cur).days) / ylen
            cur = nxt
        return tot

    def period_rates(self):
        if self.accrual == "PER_PERIOD":
            q = self.q()
            r = [q] * self.n
            r[0] = q * (self.F - self.D0).days / (self.F - self.N).days
            return r
        return [self.A * self.yf(s, t) for s, t in zip(self.starts, self.due)]

    # ---- installment ----------------------------------------------------------------
    def n_a(self):
        return self.n - self.gp

    def e_star(self):
        na = self.n_a()
        if self.basis == "NOMINAL_PERIODIC_RATE":
            q = self.q()
            if q == 0:
                return self.P / na
            return self.P * q / (1 - (1 + q) ** (-na))
        rho = self.rates[self.gp:]
        f = num(1)
        for j in range(1, na):
            f = 1 + f * (1 + rho[j])
        prod = num(1)
        for x in rho:
            prod *= (1 + x)
        return self.P * prod / f

    # ---- schedule -------------------------------------------------------------------
    def build_declining(self, E=None, p=None):
        B = self.P
        pool = num(0)
        rows = []
        for i in range(1, self.n + 1):
            accrued = self.rnd(B * self.rates[i - 1])
            if i <= self.gi:
                interest = num(0)
                pool += accrued
            else:
                interest = accrued + pool
                pool = num(0)
            if i <= self.gp:
                prin = num(0)
            elif i == self.n:
                prin = B
            elif self.amort == "EQUAL_INSTALLMENTS":
                prin = E - accrued
            elif self.amort == "EQUAL_PRINCIPAL":
                prin = p
            elif self.amort == "INTEREST_ONLY_THEN_BULLET":
                prin = num(0)
            else:
                raise AssertionError(self.amort)
            if prin < 0 or prin > B:
                raise OutOfSpec("row %d principal %s outside [0, %s]" % (i, prin, B))
            B = B - prin
            rows.append(dict(n=i, prin=prin, interest=interest, bal=B))
        return rows

    def build_bullet(self):
        rows = []
        for i in range(1, self.n):
            rows.append(dict(n=i, prin=num(0), interest=num(0), bal=self.P))
        rows.append(dict(n=self.n, prin=self.P, interest=self.rnd(self.P * sum(self.rates, num(0))),
                         bal=num(0)))
        return rows

    def build_flat(self):
        n = self.n
        T = self.rnd(self.P * sum(self.rates, num(0)))
        I = self.rnd(T / n)
        p = self.rnd(self.P / self.n_a())
        B = self.P
        rows = []
        for i in range(1, n + 1):
            interest = I if i < n else T - (n - 1) * I
            if interest < 0:
                raise OutOfSpec("negative flat interest")
            if i <= self.gp:
                prin = num(0)
            elif i == n:
                prin = B
            elif self.m == self.u:
                prin = p
            else:
                prin = self.round_to(p, self.m) + self.round_to(interest, self.m) - interest
            if prin < 0 or prin > B:
                raise OutOfSpec("row %d principal %s outside [0, %s]" % (i, prin, B))
            B = B - prin
            rows.append(dict(n=i, prin=prin, interest=interest, bal=B))
        return rows

    def compute(self):
        out = {}
        E = None
        Estar = None
        if self.amort == "BULLET":
            rows = self.build_bullet()
        elif self.method == "FLAT":
            rows = self.build_flat()
        elif self.amort == "EQUAL_INSTALLMENTS":
            Estar = self.e_star()
            E = self.round_to(Estar, self.m)
            if self.emiAdj == "FINERACT_PROGRESSIVE":
                rows = self.build_declining(E=E)
                last = rows[-1]["prin"] + rows[-1]["interest"]
                diff = last - E
                h = self.n_a() // 2
                if diff != 0 and h != 0 and abs(diff) * 100 > h:
                    adj = self.rnd(diff / self.n_a())
                    E2 = self.round_to(E + adj, self.m)
                    if E2 != E:
                        rows2 = self.build_declining(E=E2)
                        last2 = rows2[-1]["prin"] + rows2[-1]["interest"]
                        if abs(last2 - E2) < abs(diff):
                            E, rows = E2, rows2
            else:
                rows = self.build_declining(E=E)
        elif self.amort == "EQUAL_PRINCIPAL":
            rows = self.build_declining(p=self.rnd(self.P / self.n_a()))
        else:
            rows = self.build_declining()

        inst = []
        for r, due in zip(rows, self.due):
            inst.append({"n": r["n"], "dueDate": due.isoformat(), "principal": self.fmt(r["prin"]),
                         "interest": self.fmt(r["interest"]),
                         "total": self.fmt(r["prin"] + r["interest"]),
                         "balanceAfter": self.fmt(r["bal"])})
        out["installments"] = inst
        out["totalInterest"] = self.fmt(sum((r["interest"] for r in rows), num(0)))
        nograce = self.gp == 0 and self.gi == 0
        if self.method == "DECLINING_BALANCE" and self.amort == "EQUAL_INSTALLMENTS":
            out["installmentAmount"] = self.fmt(E)
            if nograce:
                tie = self.rnd(self.n * Estar - self.P)
                out["totalInterestExact"] = self.fmt(tie)
                out["totalRepaymentExact"] = self.fmt(self.P + tie)
                out["totalInterestFromRoundedInstallment"] = self.fmt(self.n * E - self.P)
                out["totalRepaymentFromRoundedInstallment"] = self.fmt(self.n * E)
        if self.method == "DECLINING_BALANCE" and self.amort == "EQUAL_PRINCIPAL" and nograce:
            s = num(0)
            for i in range(1, self.n + 1):
                s += (self.P - (i - 1) * self.P / self.n) * self.rates[i - 1]
            tie = self.rnd(s)
            out["totalInterestExact"] = self.fmt(tie)
            out["totalRepaymentExact"] = self.fmt(self.P + tie)
        return out


def compute(terms):
    return Ctx(terms).compute()


def compare(vec, got):
    errs = []
    exp = vec["expected"]
    rows = {r["n"]: r for r in got["installments"]}
    for er in exp.get("installments", []):
        gr = rows.get(er["n"])
        if gr is None:
            errs.append("row %s missing" % er["n"])
            continue
        for key, val in er.items():
            if gr.get(key) != val:
                errs.append("row %s %s: expected %s got %s" % (er["n"], key, val, gr.get(key)))
    for key, val in exp.items():
        if key == "installments":
            continue
        if got.get(key) != val:
            errs.append("%s: expected %s got %s" % (key, val, got.get(key)))
    return errs


def main(argv):
    global MODE
    if "--decimal" in argv:
        MODE = "decimal"
        argv = [a for a in argv if a != "--decimal"]
    if len(argv) < 2:
        print(__doc__)
        return 2
    cmd, files = argv[0], argv[1:]
    if cmd == "compute":
        for f in files:
            print(json.dumps(compute(json.load(open(f))["terms"]), indent=1))
        return 0
    bad = 0
    for f in files:
        vec = json.load(open(f))
        try:
            errs = compare(vec, compute(vec["terms"]))
        except OutOfSpec as e:
            errs = ["out of spec: %s" % e]
        print(("PASS " if not errs else "FAIL ") + f)
        for e in errs:
            print("   " + e)
        bad += bool(errs)
    print("%d/%d pass" % (len(files) - bad, len(files)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
