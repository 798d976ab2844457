"""The real-line test set (training/real-lines/): statement lines from the public test fixtures of
open-source importers, labelled by hand, never trained on (train.py asserts it through
`assert_disjoint`). Scores a model file on it:

    training/.venv/bin/python training/real_lines.py [models/categorizer.onnx] [--errors] [--corpus]

Accuracy is reported per row (each row is one statement line, so a merchant that recurs in a
statement counts as often as it occurs: "frequency-weighted") and per distinct description, overall,
per category and per country, with the share of rows above the confidence threshold.
"""
import csv
import os
import sys
from collections import Counter, defaultdict

import numpy as np
import onnx
from onnx import numpy_helper

from featurize import MAX_FEATURES, featurize, tokens
from merchants import CATEGORIES

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LINES = os.path.join(ROOT, "training", "real-lines", "lines.csv")
THRESHOLD = 0.5  # CONFIDENCE_THRESHOLD in src/categorize/model.rs
# Sources under a copyleft licence (GPL-2.0 / GPL-3.0, see real-lines/SOURCES.md): their lines are
# facts read from the fixtures, kept apart so that the figures can be given without them.
COPYLEFT_SOURCES = {"woolworthsmoney", "checking2", "amex", "bank_medium", "suncorp", "mint_beancount_import",
                    "beangulp_ofx", "beangulp_csv", "icscards", "bp_fr_2023_11", "bp_fr_casden_2023",
                    "bp_fr_2022_08"}
# Sources whose licence could not be verified (real-lines/SOURCES.md says why they are kept): their
# figures are also given without them.
UNVERIFIED_SOURCES = {"oklahoma_pcard_2025_07", "oklahoma_pcard_2025_07_dot"}


def licence(source):
    """`copyleft`, `unverified` or `permissive` (the source's row in SOURCES.md)."""
    return "copyleft" if source in COPYLEFT_SOURCES else "unverified" if source in UNVERIFIED_SOURCES else "permissive"


def load(path=LINES):
    """[(description, amount, category, country, source)] in file order; a wrong label or country is
    an error, not a skipped row. The optional `bank_category` and `mcc` columns are read by
    `load_bank`."""
    rows = []
    with open(path, newline="", encoding="utf-8") as f:
        for n, r in enumerate(csv.DictReader(f), start=2):
            if r["category"] not in CATEGORIES:
                raise SystemExit("%s:%d: unknown category %r" % (path, n, r["category"]))
            if len(r["country"]) != 2:
                raise SystemExit("%s:%d: country must be an ISO 3166 alpha-2 code" % (path, n))
            rows.append((r["description"], float(r["amount"]), r["category"], r["country"], r["source"]))
    return rows


def load_bank(path=LINES):
    """[(bank_category, mcc)] in file order, empty strings where the export has none."""
    with open(path, newline="", encoding="utf-8") as f:
        return [(r.get("bank_category") or "", r.get("mcc") or "") for r in csv.DictReader(f)]


def norm(description):
    """A description compared by its tokens (case, punctuation and spacing ignored)."""
    return " ".join(tokens(description))


def assert_disjoint(training_rows):
    """Stops training when a real test line (by its tokens) is also a training line: the set must
    stay a test of lines the model has never seen. A real line that is one bare word ("Mobil",
    "Tesco") is a brand name, which the corpus may print bare too; it is not compared."""
    real = {norm(d) for d, *_ in load() if len(tokens(d)) > 1}
    leaked = sorted({norm(r[0]) for r in training_rows} & real)
    assert not leaked, "real-line test set lines in the training corpus: %s" % leaked[:5]


class Model:
    """The ONNX file's parameters run in numpy (same graph as train.forward: int8 table x scale,
    weighted mean, linear, softmax)."""

    def __init__(self, path):
        init = {t.name: numpy_helper.to_array(t) for t in onnx.load(path).graph.initializer}
        self.E = init["embedding_int8"].astype(np.float32) * init["embedding_scale"]
        self.W, self.b = init["linear_weight"], init["linear_bias"]

    def probabilities(self, lines):
        ids = np.zeros((len(lines), MAX_FEATURES), dtype=np.int64)
        w = np.zeros((len(lines), MAX_FEATURES), dtype=np.float32)
        for i, (d, a) in enumerate(lines):
            f = featurize(d, a)
            ids[i, : len(f)] = f
            w[i, : len(f)] = 1.0 / len(f)
        logits = np.einsum("nl,nld->nd", w, self.E[ids]) @ self.W + self.b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)


def score(model, rows):
    p = model.probabilities([(d, a) for d, a, *_ in rows])
    pred = [CATEGORIES[i] for i in p.argmax(axis=1)]
    conf = p.max(axis=1)
    right = [pr == r[2] for pr, r in zip(pred, rows)]
    by_cat, by_country, by_licence, by_source = defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(list)
    for ok, r in zip(right, rows):
        by_cat[r[2]].append(ok)
        by_country[r[3]].append(ok)
        by_licence[licence(r[4])].append(ok)
        by_source[r[4]].append(ok)
    distinct = {}
    for ok, r in zip(right, rows):
        distinct.setdefault(norm(r[0]), ok)
    confident = conf >= THRESHOLD
    return {
        "rows": len(rows),
        "accuracy": round(float(np.mean(right)), 4),
        "accuracy_distinct": round(float(np.mean(list(distinct.values()))), 4),
        "distinct_lines": len(distinct),
        "coverage_at_threshold": round(float(confident.mean()), 4),
        "accuracy_when_confident": round(float(np.mean([ok for ok, c in zip(right, confident) if c])), 4) if confident.any() else None,
        "per_category": {c: {"accuracy": round(float(np.mean(v)), 4), "rows": len(v)} for c, v in sorted(by_cat.items())},
        "per_country": {c: {"accuracy": round(float(np.mean(v)), 4), "rows": len(v)} for c, v in sorted(by_country.items())},
        "per_licence": {c: {"accuracy": round(float(np.mean(v)), 4), "rows": len(v)} for c, v in sorted(by_licence.items())},
        "per_source": {c: {"accuracy": round(float(np.mean(v)), 4), "rows": len(v)} for c, v in sorted(by_source.items())},
        "errors": [(r[0], r[1], r[2], pr, round(float(c), 3)) for ok, r, pr, c in zip(right, rows, pred, conf) if not ok],
    }


def corpus_collisions():
    """The real lines (by tokens, two or more) that the shipped corpus draw also writes: what
    `assert_disjoint` would stop `train.py` on. A new real line found here is left out of the set
    (SOURCES.md lists it): the model has seen it."""
    import corpus
    import train
    real = {norm(d) for d, *_ in load() if len(tokens(d)) > 1}
    train_rows, held_rows = corpus.build(train.SEED)
    return sorted({norm(r[0]) for r in train_rows + held_rows} & real)


def main(argv):
    if "--corpus" in argv:
        print("real lines the shipped corpus draw writes: %s" % (corpus_collisions() or "none"))
    path = next((a for a in argv if not a.startswith("--")), os.path.join(ROOT, "models", "categorizer.onnx"))
    rows = load()
    s = score(Model(path), rows)
    print("%s: %d rows (%d distinct) from %d countries" % (path, s["rows"], s["distinct_lines"], len(s["per_country"])))
    print("accuracy %.1f%% (rows), %.1f%% (distinct lines); %.1f%% of rows above %.1f, %.1f%% right there"
          % (100 * s["accuracy"], 100 * s["accuracy_distinct"], 100 * s["coverage_at_threshold"], THRESHOLD,
             100 * (s["accuracy_when_confident"] or 0)))
    for name, v in s["per_category"].items():
        print("  %-16s %5.1f%%  (%d rows)" % (name, 100 * v["accuracy"], v["rows"]))
    print("  " + ", ".join("%s %.0f%% (%d)" % (c, 100 * v["accuracy"], v["rows"]) for c, v in s["per_country"].items()))
    us = [v for c, v in s["per_country"].items() if c == "US"]
    non_us = [v for c, v in s["per_country"].items() if c != "US"]
    if us and non_us:
        n = sum(v["rows"] for v in non_us)
        print("  US %.1f%% (%d), non-US %.1f%% (%d)" % (100 * us[0]["accuracy"], us[0]["rows"],
              100 * sum(v["accuracy"] * v["rows"] for v in non_us) / n, n))
    print("  by licence of the source: " + ", ".join("%s %.1f%% (%d)" % (c, 100 * v["accuracy"], v["rows"])
                                                   for c, v in s["per_licence"].items()))
    big = {c: v for c, v in s["per_source"].items() if v["rows"] >= 100}
    print("  sources of 100 rows or more: " + ", ".join("%s %.1f%% (%d)" % (c, 100 * v["accuracy"], v["rows"])
                                                     for c, v in big.items()))
    if "--errors" in argv:
        for e in s["errors"]:
            print("  wrong: %r %.2f: %s -> %s (%.2f)" % e)
    return s


if __name__ == "__main__":
    main(sys.argv[1:])
