"""Which corpus change helps on real lines: trains the shipped recipe (train.py, every merchant) on
corpus variants and scores each on the real-line set, split into its development part (the sources
read before wordings.py and the NSI operators were written; choices are made on it) and its test
part (sources collected afterwards; reported, not tuned on).

    training/.venv/bin/python training/ablate.py intl=0 operators=0 generic=0 [intl=0.25 ...]

Each argument is one variant: comma-separated settings (intl=SHARE, generic=0/1,
operators=0/1/household/transit, places=intl+eu (nsi.PLACE_GROUPS or country codes), nsi_rows=N,
nsi_min=N, errors=1 to list the development part's wrong rows, seed=N for another corpus draw and
initialisation), "base" for the current corpus.py settings. The real-line set is small and dominated
by a few recurring payees, so one draw moves it by several points: compare variants over the same
few seeds (MODEL_CARD.md, "What was tried, second round", used seeds 20261125-29).
"""
import sys

import numpy as np

import corpus
import nsi
import real_lines
import train as T

# The sources read before wordings.py and the NSI operators were written (SOURCES.md, first table).
DEV_SOURCES = {"boi", "monzo", "bunq", "n26", "kbc", "lloyds", "woolworthsmoney", "checking2", "amex",
               "bank_medium", "suncorp", "dkb"}


def score(params, rows):
    m = real_lines.Model.__new__(real_lines.Model)
    m.E, m.W, m.b = params
    s = real_lines.score(m, rows)
    return s["accuracy"], s["accuracy_distinct"]


def run(settings):
    defaults = (corpus.INTL_SHARE, nsi.USE_OPERATORS, nsi.OPERATOR_SET, corpus.USE_WORDINGS, nsi.EXTRA_PLACES,
                corpus.NSI_ROWS_PER_CATEGORY, corpus.NSI_MIN_ROWS)
    seed = T.SEED
    show_errors = False
    for kv in filter(None, settings.split(",")):
        if kv == "base":
            continue
        k, v = kv.split("=")
        if k == "intl":
            corpus.INTL_SHARE = float(v)
        elif k == "operators":  # 0, 1 (every operator tree), household, transit
            nsi.USE_OPERATORS = v != "0"
            nsi.OPERATOR_SET = v if v in ("household", "transit") else "all"
        elif k == "generic":
            corpus.USE_WORDINGS = bool(int(v))
        elif k == "places":
            nsi.EXTRA_PLACES = tuple(p for name in v.split("+") for p in nsi.PLACE_GROUPS.get(name, (name,)))
        elif k == "nsi_rows":
            corpus.NSI_ROWS_PER_CATEGORY = int(v)
        elif k == "nsi_min":
            corpus.NSI_MIN_ROWS = int(v)
        elif k == "errors":  # 1: print the development part's wrong rows (never the test part's)
            show_errors = bool(int(v))
        elif k == "seed":
            seed = int(v)
        else:
            raise SystemExit("unknown setting " + k)
    tr, ho = corpus.build(seed)
    # A real line this draw's corpus also writes (by tokens, two or more) is not a test of an unseen
    # line: it is left out of this variant's scores (train.py would refuse such a corpus).
    written = {real_lines.norm(r[0]) for r in tr + ho}
    seen = lambda r: len(real_lines.tokens(r[0])) > 1 and real_lines.norm(r[0]) in written
    everything = tuple(np.concatenate(p) for p in zip(T.encode(tr), T.encode(ho)))
    params = T.as_shipped(T.train(*everything, np.random.default_rng(seed)))
    (corpus.INTL_SHARE, nsi.USE_OPERATORS, nsi.OPERATOR_SET, corpus.USE_WORDINGS, nsi.EXTRA_PLACES,
     corpus.NSI_ROWS_PER_CATEGORY, corpus.NSI_MIN_ROWS) = defaults
    rows = real_lines.load()
    collisions = sum(1 for r in rows if seen(r))
    rows = [r for r in rows if not seen(r)]
    dev = [r for r in rows if r[4] in DEV_SOURCES]
    test = [r for r in rows if r[4] not in DEV_SOURCES]
    out = {"dev": score(params, dev), "test": score(params, test), "all": score(params, rows),
           "dev_non_us": score(params, [r for r in dev if r[3] != "US"]),
           "test_non_us": score(params, [r for r in test if r[3] != "US"])}
    print("%-40s dev %.1f%% (%d; non-US %.1f%%)  test %.1f%% (%d; non-US %.1f%%)  all %.1f%%" % (
        settings, 100 * out["dev"][0], len(dev), 100 * out["dev_non_us"][0], 100 * out["test"][0], len(test),
        100 * out["test_non_us"][0], 100 * out["all"][0]) + ("  (%d real rows the corpus also writes: not scored)" % collisions
                                                             if collisions else ""), flush=True)
    if show_errors:
        m = real_lines.Model.__new__(real_lines.Model)
        m.E, m.W, m.b = params
        for e in real_lines.score(m, dev)["errors"]:
            print("  wrong (dev): %r %.2f: %s -> %s (%.2f)" % e)
    return out


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        run(arg)
