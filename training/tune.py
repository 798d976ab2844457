"""Hyper-parameter experiments on a validation split of the *training* merchants (never the held-out
test merchants). Usage:  training/.venv/bin/python training/tune.py [D=32] [H=32] [epochs=8] [drop=0.5]
[lr=0.005] [B=16384] [MCC=16] [ISO=0] [NSI=0] [operators=1] [intl=0.25] [generic=1] [nsi_rows=2000] [places=intl+eu] [nsi_min=1] [test=1] [report=1]
Prints validation accuracy overall, on validation brands and on validation local businesses; `test=1`
trains on all training merchants and scores the held-out merchants instead (for the model card only).
`report=1` adds per-category recall (brands / local), the most frequent confusions and sample errors.
B here only changes the hash modulus of this experiment (the shipped featurizer's BUCKETS is fixed).
"""
import json
import os
import random
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402
import featurize as F  # noqa: E402
import nsi  # noqa: E402
from merchants import CATEGORIES  # noqa: E402

SEED = 20261125
VALIDATION_SHARE = 0.2
BALANCE = False
PATTERN_CATEGORIES = ("income", "transfer", "fees", "debt_payment", "cash")


def enc(rows, buckets, max_features=128):
    ids = np.zeros((len(rows), max_features), dtype=np.int64)
    mask = np.zeros((len(rows), max_features), dtype=np.float32)
    for i, r in enumerate(rows):
        f = [F.fnv1a32(s.encode()) % buckets for s in F.feature_strings(r[0], r[1])[:max_features]]
        ids[i, : len(f)] = f
        mask[i, : len(f)] = 1
    return ids, mask, np.array([r[2] for r in rows])


def wts(m):
    return m / m.sum(1, keepdims=True)


def fwd(P, ids, w, hidden):
    h = np.einsum("nl,nld->nd", w, P["E"][ids])
    z = h @ P["W1"] + P["b1"] if hidden else None
    a = np.maximum(z, 0) if hidden else h
    lg = a @ P["W"] + P["b"]
    lg -= lg.max(1, keepdims=True)
    p = np.exp(lg)
    return h, z, a, p / p.sum(1, keepdims=True)


def train(ids, mask, y, B, D, H, epochs, lr, drop, seed, batch=128):
    """Same recipe as train.py (Adam, feature dropout), optionally with one ReLU hidden layer of H units."""
    rng = np.random.default_rng(seed)
    C = len(CATEGORIES)
    counts = np.bincount(y, minlength=C).astype(np.float32)
    class_weight = (len(y) / (C * np.maximum(counts, 1))).astype(np.float32)  # equal total weight per class
    P = {"E": (rng.standard_normal((B, D)) * 0.1).astype(np.float32)}
    if H:
        P["W1"] = (rng.standard_normal((D, H)) * np.sqrt(2 / D)).astype(np.float32)
        P["b1"] = np.zeros(H, np.float32)
    P["W"] = (rng.standard_normal((H or D, C)) * 0.1).astype(np.float32)
    P["b"] = np.zeros(C, np.float32)
    m = {k: np.zeros_like(v) for k, v in P.items()}
    v = {k: np.zeros_like(x) for k, x in P.items()}
    step = 0
    for _ in range(epochs):
        order = rng.permutation(len(y))
        for s in range(0, len(order), batch):
            bt = order[s : s + batch]
            keep = mask[bt] * (rng.random(mask[bt].shape) >= drop)
            keep[:, 0] = mask[bt][:, 0]
            w = wts(keep)
            bids = ids[bt]
            h, z, a, p = fwd(P, bids, w, H)
            d = p.copy()
            d[np.arange(len(bt)), y[bt]] -= 1
            d /= len(bt)
            if BALANCE:
                d *= class_weight[y[bt]][:, None]
            G = {"W": a.T @ d, "b": d.sum(0)}
            da = d @ P["W"].T
            if H:
                dz = da * (z > 0)
                G["W1"], G["b1"], dh = h.T @ dz, dz.sum(0), dz @ P["W1"].T
            else:
                dh = da
            gE = np.zeros_like(P["E"])
            np.add.at(gE, bids, w[:, :, None] * dh[:, None, :])
            G["E"] = gE
            step += 1
            for k in P:
                m[k] = 0.9 * m[k] + 0.1 * G[k]
                v[k] = 0.999 * v[k] + 0.001 * G[k] * G[k]
                P[k] -= (lr * (m[k] / (1 - 0.9**step)) / (np.sqrt(v[k] / (1 - 0.999**step)) + 1e-8)).astype(np.float32)
    return P


def accuracy(P, data, hidden):
    ids, mask, y = data
    return float((fwd(P, ids, wts(mask), hidden)[3].argmax(1) == y).mean())


def report(P, rows, B, hidden, errors_per_category=int(os.environ.get("ERRORS", "12"))):
    """Per-category recall on the scored rows, the most frequent confusions and sample misread lines."""
    ids, mask, y = enc(rows, B)
    p = fwd(P, ids, wts(mask), hidden)[3]
    pred = p.argmax(1)
    rng = random.Random(0)
    confusions = {}
    for c, name in enumerate(CATEGORIES):
        sel = y == c
        if not sel.any():
            continue
        kinds = {}
        for kind in ("brand", "local"):
            k = np.array([r[4] == kind for r in rows]) & sel
            kinds[kind] = "%5.1f%%" % (100 * (pred[k] == c).mean()) if k.any() else "   -  "
        prec = (y[pred == c] == c).mean() if (pred == c).any() else 0
        print("%-16s recall %5.1f%%  brands %s  local %s  precision %5.1f%%  n=%d"
              % (name, 100 * (pred[sel] == c).mean(), kinds["brand"], kinds["local"], 100 * prec, sel.sum()))
        for t, q in zip(y[sel], pred[sel]):
            if t != q:
                confusions[(t, q)] = confusions.get((t, q), 0) + 1
    print("most frequent confusions (true -> predicted: rows):")
    for (t, q), n in sorted(confusions.items(), key=lambda kv: -kv[1])[:30]:
        print("  %s -> %s: %d" % (CATEGORIES[t], CATEGORIES[q], n))
    wrong = [i for i in range(len(rows)) if pred[i] != y[i]]
    by_cat = {}
    for i in wrong:
        by_cat.setdefault(y[i], []).append(i)
    for c in sorted(by_cat):
        sample = rng.sample(by_cat[c], min(errors_per_category, len(by_cat[c])))
        print("== %s: %d errors" % (CATEGORIES[c], len(by_cat[c])))
        for i in sample:
            print("   %-48s %10.2f  -> %-14s %.2f  [%s]" % (rows[i][0][:48], rows[i][1], CATEGORIES[pred[i]], p[i].max(), rows[i][3]))


def logits(P, data, hidden):
    ids, mask, _ = data
    h, z, a, p = fwd(P, ids, wts(mask), hidden)
    return np.log(p + 1e-12)


def fit_offsets(scores, y, rounds=3, grid=np.linspace(-2, 2, 41)):
    """Per-class additive logit offsets that maximize accuracy on (scores, y): coordinate ascent,
    each class's offset in turn over a grid, a few rounds. Returns the offsets (float32)."""
    delta = np.zeros(scores.shape[1], np.float32)
    for _ in range(rounds):
        for c in range(scores.shape[1]):
            best, best_acc = delta[c], -1.0
            for g in grid:
                delta[c] = g
                acc = ((scores + delta).argmax(1) == y).mean()
                if acc > best_acc + 1e-9:
                    best, best_acc = g, acc
            delta[c] = best
    return delta


def split_validation(train_rows, seed):
    """Moves a share of each category's training brands and local businesses (by merchant) to validation.
    The training-only ISO 18245 description lines always stay in training."""
    groups = {}
    for r in train_rows:
        if r[4] in ("brand", "local"):
            groups.setdefault((r[2], r[4], r[5]), set()).add(r[3])
    held = set()
    for key in sorted(groups):
        names = sorted(groups[key])
        # one stream per (category, kind, source): the hand-written validation merchants are the same
        # with or without the NSI brands
        random.Random("%d %d %s %s" % (seed + 1, *key)).shuffle(names)
        held.update(names[: max(1, round(len(names) * VALIDATION_SHARE))])
    return [r for r in train_rows if r[3] not in held], [r for r in train_rows if r[3] in held]


def main():
    cfg = dict(B=8192, D=16, H=0, epochs=6, lr=0.01, drop=0.4)
    test = False
    want_report = False
    offsets = False
    for arg in sys.argv[1:]:
        key, value = arg.split("=")
        if key == "MCC":
            corpus.MCC_LINES_PER_DESCRIPTION = int(value)
        elif key == "ISO":
            corpus.ISO_TRAVEL_BRANDS = bool(int(value))
        elif key == "AV2":
            F.AMOUNT_V2 = bool(int(value))
        elif key == "AR":
            F.AMOUNT_REPEAT = int(value)
        elif key == "NSI":
            corpus.USE_NSI = bool(int(value))
        elif key == "operators":  # 0, 1 (every operator tree), household, transit
            nsi.USE_OPERATORS = value != "0"
            nsi.OPERATOR_SET = value if value in ("household", "transit") else "all"
        elif key == "intl":
            corpus.INTL_SHARE = float(value)
        elif key == "generic":
            corpus.USE_WORDINGS = bool(int(value))
        elif key == "seed":
            global SEED
            SEED = int(value)
        elif key == "balance":
            global BALANCE
            BALANCE = bool(int(value))
        elif key == "places":
            nsi.EXTRA_PLACES = tuple(p for name in value.replace("+", ",").split(",")
                                     for p in nsi.PLACE_GROUPS.get(name, (name,)))
        elif key == "nsi_min":
            corpus.NSI_MIN_ROWS = int(value)
        elif key == "nsi_max":
            corpus.NSI_MAX_ROWS = int(value)
        elif key == "drop_tags":
            for tag in value.split(","):
                nsi.CATEGORY_OF_TAG.pop(tag)
        elif key == "nsi_rows":
            corpus.NSI_ROWS_PER_CATEGORY = int(value)
        elif key == "rows":
            corpus.ROWS_PER_CATEGORY = int(value)
        elif key == "offsets":
            offsets = bool(int(value))
        elif key == "report":
            want_report = bool(int(value))
        elif key == "test":
            test = bool(int(value))
        else:
            cfg[key] = type(cfg[key])(value)
    start = time.time()
    train_rows, held_rows = corpus.build(SEED)
    fit, score = (train_rows, held_rows) if test else split_validation(train_rows, SEED)
    P = train(*enc(fit, cfg["B"]), cfg["B"], cfg["D"], cfg["H"], cfg["epochs"], cfg["lr"], cfg["drop"], SEED)
    if offsets:
        # class offsets fitted on a calibration split of the fitting merchants (never the scored ones)
        fit2, cal = split_validation(fit, SEED + 7)
        Q = train(*enc(fit2, cfg["B"]), cfg["B"], cfg["D"], cfg["H"], cfg["epochs"], cfg["lr"], cfg["drop"], SEED)
        cal_data = enc(cal, cfg["B"])
        delta = fit_offsets(logits(Q, cal_data, cfg["H"]), cal_data[2])
        print("offsets", dict(zip(CATEGORIES, np.round(delta, 2).tolist())))
        print("before offsets", round(accuracy(P, enc(score, cfg["B"]), cfg["H"]), 4))
        P["b"] = P["b"] + delta
    result = {"all": round(accuracy(P, enc(score, cfg["B"]), cfg["H"]), 4)}
    for kind in ("brand", "local"):
        result[kind] = round(accuracy(P, enc([r for r in score if r[4] == kind], cfg["B"]), cfg["H"]), 4)
    for source in ("hand", "nsi"):
        rows = [r for r in score if r[5] == source]
        if rows:
            result[source] = round(accuracy(P, enc(rows, cfg["B"]), cfg["H"]), 4)
    patterns = [r for r in score if CATEGORIES[r[2]] in PATTERN_CATEGORIES and r[5] == "hand"]
    result["hand_nonpattern"] = round(accuracy(P, enc([r for r in score if CATEGORIES[r[2]] not in PATTERN_CATEGORIES and r[5] == "hand"], cfg["B"]), cfg["H"]), 4)
    result["pattern"] = round(accuracy(P, enc(patterns, cfg["B"]), cfg["H"]), 4)
    if want_report:
        report(P, score, cfg["B"], cfg["H"])
    print(json.dumps(cfg), "held-out test" if test else "validation", json.dumps(result), "%.0fs" % (time.time() - start))


if __name__ == "__main__":
    main()
