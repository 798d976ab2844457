"""Python port of src/categorize/featurize.rs (the reference). Must give identical ids;
tests/golden/featurize.json is checked by both (test_featurize.py here, cargo test in Rust)."""

import math

AMOUNT_V2 = True  # featurizer version 2's amount features (tune.py AV2=0 turns them off for experiments)
AMOUNT_REPEAT = 2
HALF_DECADES = (1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0, 3000.0, 10000.0, 30000.0)
BUCKETS = 8192
MAX_FEATURES = 128
MAX_DESCRIPTION_CHARS = 200


def fnv1a32(data: bytes) -> int:
    h = 0x811C9DC5
    for b in data:
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def _shape(token: str) -> str:
    if token.isdigit():
        return "#" + str(min(len(token), 6))
    return "".join("0" if c.isdigit() else c for c in token)


def tokens(description: str) -> list:
    out, current = [], []
    for c in description[:MAX_DESCRIPTION_CHARS]:
        if c.isascii() and c.isalnum():
            current.append(c.lower())
        elif current:
            out.append(_shape("".join(current)))
            current = []
    if current:
        out.append(_shape("".join(current)))
    return out


def _amount_features(amount: float) -> list:
    if amount == 0.0 or amount != amount or amount in (float("inf"), float("-inf")):
        return ["a:zero"]
    size = abs(amount)
    sign = "in" if amount > 0 else "out"
    digits = sum(1 for limit in (1.0, 10.0, 100.0, 1000.0, 10000.0) if size >= limit)
    out = ["a:%s:%d" % (sign, digits)]
    if AMOUNT_V2:
        out.append("a:%s:h%d" % (sign, sum(1 for limit in HALF_DECADES if size >= limit)))
    if size >= 1.0 and size == int(size):
        out.append("a:whole")
        if AMOUNT_V2 and size < 1e9:
            if size % 100 == 0:
                out.append("a:x100")
            elif size % 20 == 0:
                out.append("a:x20")
    elif AMOUNT_V2 and size < 1e9:
        cents = int(math.floor(size * 100.0 + 0.5)) % 100
        if cents % 10 == 9:
            out.append("a:c9")
    return out * AMOUNT_REPEAT


def feature_strings(description: str, amount: float) -> list:
    toks = tokens(description)
    out = _amount_features(amount)
    out += ["w:" + t for t in toks]
    out += ["b:%s %s" % (a, b) for a, b in zip(toks, toks[1:])]
    for t in toks:
        if t.startswith("#"):
            continue
        padded = "<" + t + ">"
        for n in (3, 4):
            out += ["c:" + padded[i:i + n] for i in range(len(padded) - n + 1)]
    return out


def featurize(description: str, amount: float) -> list:
    return [fnv1a32(f.encode("utf-8")) % BUCKETS for f in feature_strings(description, amount)[:MAX_FEATURES]]
