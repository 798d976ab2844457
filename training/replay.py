"""Replay metric: what a person feels. Plays a persona's year of statements in date order with the
merchant memory on (a correction is remembered under the merchant key and wins from then on, as in
src/categorize/memory.rs) and counts the corrections the person makes per 100 lines: a line is
corrected when the engine's category is wrong or the model was below the confidence threshold
(`uncategorized`, which the person also has to fix).

    training/.venv/bin/python training/replay.py [models/categorizer.onnx]

The persona is built from the real-line test set (real_lines.py), never trained on: each distinct
line is one of the persona's payees, recurring as often as its category does in a household's
statements (groceries weekly, rent and bills monthly, ...; RECURRENCE below), on fixed days with the
amount varied by up to 15% (bills and rent not at all). Deterministic (SEED).
"""
import os
import random
import sys

from featurize import tokens
from merchants import CATEGORIES
from real_lines import ROOT, THRESHOLD, Model, load, norm

SEED = 20261204
MONTHS = 12
# Lines per month for one payee of the category (a fraction: that share of months).
RECURRENCE = {"income": 2, "housing": 1, "utilities": 1, "subscriptions": 1, "insurance": 1, "debt_payment": 1,
              "education": 1, "transfer": 1, "groceries": 4, "dining": 2, "transport": 3, "shopping": 1.5,
              "cash": 1, "entertainment": 1, "health": 0.5, "personal_care": 0.5, "fees": 0.34, "travel": 0.17,
              "gifts_donations": 0.25, "other": 0.25}
FIXED_AMOUNT = {"income", "housing", "utilities", "subscriptions", "insurance", "debt_payment", "education"}
# The NOISE list of src/categorize/memory.rs (card-network and bank boilerplate, not a merchant's name).
NOISE = set("""pos debit card purchase checkcard sq tst paypal sp visa dda pur dbt crd recurring payment pmt
authorized on ach ppd web id online bill pay the refund return credit electronic withdrawal deposit des conf
ref clover x xx xxx xxxx xxxxxx""".split())


def merchant_key(description):
    """Port of memory::merchant_key: the first two meaningful tokens."""
    return " ".join([t for t in tokens(description) if not t.startswith("#") and "0" not in t and t not in NOISE][:2])


def persona_year(rows, seed=SEED):
    """[(month 1-12, day, description, amount, category)] in date order."""
    rng = random.Random(seed)
    payees = {}
    for d, a, c, *_ in rows:
        payees.setdefault(norm(d), (d, a, c))
    out = []
    for d, a, c in payees.values():
        per_month = RECURRENCE[c]
        start = rng.random()  # where in the year a rare payee's occurrences fall
        for month in range(1, MONTHS + 1):
            due = int((month - 1) * per_month + start * min(per_month, 1)) != int(month * per_month + start * min(per_month, 1)) \
                if per_month < 1 else True
            if not due:
                continue
            count = int(per_month) if per_month >= 1 else 1
            if per_month >= 1 and rng.random() < per_month - int(per_month):
                count += 1
            days = sorted(rng.sample(range(1, 29), count)) if count > 1 else [rng.randint(1, 28)]
            for day in days:
                amount = a if c in FIXED_AMOUNT else round(a * rng.uniform(0.85, 1.15), 2)
                out.append((month, day, d, amount, c))
    out.sort(key=lambda r: (r[0], r[1], r[2]))
    return out


def replay(model, year):
    """Corrections per month: {month: (lines, corrections)}."""
    probabilities = model.probabilities([(d, a) for _m, _day, d, a, _c in year])
    memory, per_month = {}, {}
    for (month, _day, d, _a, truth), p in zip(year, probabilities):
        key = merchant_key(d)
        if key and key in memory:
            guess = memory[key]
        else:
            guess = CATEGORIES[int(p.argmax())] if p.max() >= THRESHOLD else "uncategorized"
        lines, fixes = per_month.get(month, (0, 0))
        if guess != truth:
            fixes += 1
            if key:
                memory[key] = truth
        per_month[month] = (lines + 1, fixes)
    return per_month


def rate(per_month, months):
    lines = sum(per_month[m][0] for m in months)
    return 100.0 * sum(per_month[m][1] for m in months) / lines if lines else 0.0


def main(argv):
    path = argv[0] if argv else os.path.join(ROOT, "models", "categorizer.onnx")
    year = persona_year(load())
    per_month = replay(Model(path), year)
    print("%s: persona year of %d lines from %d real payees" % (path, len(year), len({norm(r[2]) for r in year})))
    for m in range(1, 4):
        print("  month %d: %d lines, %d corrections (%.1f per 100)" % (m, per_month[m][0], per_month[m][1], rate(per_month, [m])))
    result = {"month1": round(rate(per_month, [1]), 1), "months2_3": round(rate(per_month, [2, 3]), 1),
              "months1_3": round(rate(per_month, [1, 2, 3]), 1), "year": round(rate(per_month, range(1, MONTHS + 1)), 1)}
    print("  corrections per 100 lines: month 1 %(month1).1f, months 2-3 %(months2_3).1f, months 1-3 %(months1_3).1f, year %(year).1f" % result)
    return result


if __name__ == "__main__":
    main(sys.argv[1:])
