"""Synthetic bank-statement lines: merchant names (merchants.py) rendered in the noisy formats
real statements use, with realistic signed amounts. Deterministic for a given seed.

Split: the merchants of each category are shuffled with the seed and a quarter of them are held
out, so every held-out line names a merchant the model never saw in training.
"""
import random
import re

import mcc
import nsi
import wordings
from merchants import (ACH_DESCRIPTORS, ATM_OWNERS, CATEGORIES, CITIES, GENERIC_ACH_DESCRIPTORS, KINDS, LOCAL_PER_CATEGORY,
                       MERCHANTS, STEMS)

HELD_OUT_SHARE = 0.25
MCC_LINES_PER_DESCRIPTION = 8  # training-only lines per ISO 18245 description (mcc.py); 0 turns them off
ISO_TRAVEL_BRANDS = True  # add the airline, car-rental and lodging names of codes 3000-3999 (mcc.py)
ROWS_PER_CATEGORY = 3600
# Real brand names from OpenStreetMap's name-suggestion-index (nsi.py), added after the hand-written
# merchants. Each category's NSI brands share about NSI_ROWS_PER_CATEGORY lines, between
# NSI_MIN_ROWS and NSI_MAX_ROWS per brand (so dining's ~900 names do not swamp the class priors).
USE_NSI = True
# Share of card and bill lines printed in a non-US bank's format (wordings.py: "EFTPOS ... SYDNEY AU",
# "DEBIT ORDER ...", card-number and date tails), and whether the generic payee wordings and the
# marketplace lines of wordings.py join the merchants. Off in the shipped recipe: on the real-line
# set (training/real-lines, ablate.py) they did not beat the corpus without them beyond the spread
# between corpus draws (MODEL_CARD.md, "Real lines"); tune.py / ablate.py intl=0.25 generic=1 turn
# them on. Off, they draw nothing from the random stream, so the corpus is the one before them.
INTL_SHARE = 0.0
USE_WORDINGS = False
NSI_ROWS_PER_CATEGORY = 2000
NSI_MIN_ROWS, NSI_MAX_ROWS = 2, 6
FIRST_NAMES = ["JOHN", "MARIA", "WEI", "AISHA", "CARLOS", "EMILY", "RAJ", "SARAH", "DAVID", "NGOC", "FATIMA", "MIKE"]
LAST_NAMES = ["SMITH", "GARCIA", "CHEN", "KHAN", "JOHNSON", "NGUYEN", "PATEL", "BROWN", "LOPEZ", "KIM", "WILLIAMS"]
CARD_PREFIXES = ["", "", "", "POS ", "POS DEBIT ", "DEBIT CARD PURCHASE ", "CHECKCARD {mmdd} ", "PURCHASE AUTHORIZED ON {md} ",
                 "VISA DDA PUR ", "CARD {c4} ", "DBT CRD {c4} {mmdd} ", "POS PURCHASE - "]
# Card-processor prefixes, where real statements print them: Square, Clover and Shopify serve small
# businesses of every kind; Toast (TST*) and the delivery platforms serve restaurants; chains run
# their own terminals, so a brand gets a prefix only when bought through PayPal or a delivery app.
SMALL_BUSINESS_PROCESSORS = ["SQ *", "SQ *", "CLOVER ", "SP * ", "PAYPAL *"]
RESTAURANT_PROCESSORS = ["TST* ", "TST* ", "TST*", "SQ *", "DD *DOORDASH ", "DOORDASH*", "GRUBHUB*"]
# Charges that recur every month print "RECURRING PAYMENT" (Visa's recurring indicator); a burger does not.
RECURRING_CATEGORIES = {"subscriptions", "utilities", "insurance", "personal_care", "education", "gifts_donations",
                        "housing", "debt_payment"}


def _digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def _alnum(rng, n):
    return "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(n))


def _fill(rng, template):
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    return (template.replace("{mmdd}", "%02d%02d" % (month, day)).replace("{md}", "%02d/%02d" % (month, day))
            .replace("{c4}", _digits(rng, 4)))


def _name_variant(rng, name):
    """The merchant as statements print it: punctuation dropped, truncated, or cased differently."""
    r = rng.random()
    if r < 0.2:
        name = name.replace("'", "").replace("-", " ").replace("&", " ")
    elif r < 0.35 and len(name) > 10:
        name = name[: rng.randint(8, len(name) - 1)].rstrip()
    return name


# Card-not-present merchants print a customer-service phone number or web address where a store
# prints its city ("NETFLIX.COM 866-579-7172 CA", "GEICO *AUTO 800-841-3000 DC"): share of such
# lines per category (online and billed services high, in-person purchases low).
PHONE_SHARE = {"subscriptions": 0.45, "utilities": 0.3, "insurance": 0.35, "travel": 0.2, "education": 0.15,
               "gifts_donations": 0.2, "entertainment": 0.12, "shopping": 0.1, "debt_payment": 0.2, "health": 0.05,
               "housing": 0.1}


def _phone(rng):
    area = rng.choice(["800", "833", "844", "855", "866", "877", "888"]) if rng.random() < 0.8 else str(rng.randint(201, 989))
    line = "%03d%04d" % (rng.randint(200, 999), rng.randint(0, 9999))
    return rng.choice(["%s-%s-%s" % (area, line[:3], line[3:]), area + line, "%s-%s" % (area, line)])


def _location(rng, category=None):
    city, state = rng.choice(CITIES)
    if rng.random() < PHONE_SHARE.get(category, 0.02):
        return " " + _phone(rng) + rng.choice([" " + state, " " + state, ""])
    r = rng.random()
    if r < 0.45:
        return " %s %s" % (city[: rng.choice([len(city), 13])].rstrip(), state)
    if r < 0.6:
        return " " + state
    return ""


def _store(rng):
    r = rng.random()
    if r < 0.3:
        return " #" + _digits(rng, rng.randint(3, 5))
    if r < 0.5:
        return " " + _digits(rng, rng.randint(4, 6))
    if r < 0.58:
        return " *" + _alnum(rng, rng.randint(5, 9))
    return ""


def _card_line(rng, name, category=None, local=False):
    if INTL_SHARE and rng.random() < INTL_SHARE:
        return wordings.intl_card_line(rng, _name_variant(rng, name) + _store(rng), category in RECURRING_CATEGORIES)
    r = rng.random()
    if category == "dining" and r < (0.4 if local else 0.08):
        prefix = rng.choice(RESTAURANT_PROCESSORS)
    elif r < (0.25 if local else 0.04):
        prefix = rng.choice(SMALL_BUSINESS_PROCESSORS) if local else "PAYPAL *"
    elif category in RECURRING_CATEGORIES and r < 0.14:
        prefix = rng.choice(["RECURRING PAYMENT ", "RECURRING DEBIT ", "RECURRING PYMT "])
    else:
        prefix = _fill(rng, rng.choice(CARD_PREFIXES))
    if name in ("AMAZON", "AMAZON RETAIL") and rng.random() < 0.5:  # marketplace purchases only
        name = rng.choice(["AMZN MKTP US*", "AMAZON.COM*", "AMZN DIGITAL*", "AMAZON MKTPL*"]) + _alnum(rng, 6)
    return prefix + _name_variant(rng, name) + _store(rng) + _location(rng, category)


def _ach_described(rng, name, category):
    """A bank-to-bank line with the biller's entry description, in the Chase, Bank of America and
    plain styles: "DUKE ENERGY UTIL PYMT PPD ID: 1234567890", "NAVIENT DES:LOAN PMT ID:… INDN:… CO ID:… WEB"."""
    own = ACH_DESCRIPTORS.get(category, [])
    desc = rng.choice(own) if own and rng.random() < 0.7 else rng.choice(GENERIC_ACH_DESCRIPTORS)
    person = "%s %s" % (rng.choice(LAST_NAMES), rng.choice(FIRST_NAMES))
    t = rng.choice(["{n} {desc} PPD ID: {d10}", "{n} DES:{desc} ID:{a10} INDN:{p} CO ID:{d10} {sec}", "{n} {desc}",
                    "{n} {desc} {mmdd}", "{n} {desc} WEB ID: {d10}", "ACH DEBIT {n} {desc}", "{n} {desc} {a8}"])
    t = (t.replace("{d10}", _digits(rng, 10)).replace("{a10}", _alnum(rng, 10)).replace("{a8}", _alnum(rng, 8))
         .replace("{p}", person).replace("{sec}", rng.choice(["PPD", "WEB", "CCD", "TEL"])).replace("{desc}", desc))
    return _fill(rng, t).replace("{n}", _name_variant(rng, name))


def _ach_line(rng, name, category=None):
    if rng.random() < 0.45:
        return _ach_described(rng, name, category)
    t = rng.choice(["{n} ACH PMT", "ACH DEBIT {n}", "{n} WEB ID: {d10}", "ONLINE PMT {n}", "{n} AUTOPAY",
                    "{n} PAYMENT CONF#{a8}", "{n} PPD ID: {d10}", "{n}", "{n} {mmdd}", "BILL PAY {n}",
                    "ELECTRONIC WITHDRAWAL {n}", "{n} ONLINE PAYMENT"])
    return _fill(rng, t.replace("{d10}", _digits(rng, 10)).replace("{a8}", _alnum(rng, 8))).replace("{n}", _name_variant(rng, name))


def _payroll_line(rng, name):
    if rng.random() < 0.35:
        return _ach_described(rng, name, "income")
    t = rng.choice(["{n} PAYROLL PPD ID: {d10}", "DIRECT DEP {n}", "{n} DIR DEP", "ACH CREDIT {n} PAYROLL",
                    "DEPOSIT {n}", "{n}", "{n} PAYMENT {d6}", "{n} DIRECT DEPOSIT", "ELECTRONIC DEPOSIT {n}",
                    "{n} SALARY"])
    return t.replace("{d10}", _digits(rng, 10)).replace("{d6}", _digits(rng, 6)).replace("{n}", _name_variant(rng, name))


def _transfer_line(rng, name):
    person = "%s %s" % (rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES))
    r = rng.random()
    if any(k in name for k in ("ZELLE", "VENMO", "CASH APP", "PAYPAL", "APPLE CASH", "SQUARE")):
        tail = rng.choice([" " + person, " " + person + " " + _alnum(rng, 10), " *" + person.split()[0], ""])
    elif r < 0.3:
        return _ach_described(rng, name, "transfer")
    elif r < 0.6:
        tail = rng.choice([" XXXXXX", " ...", " x", " #"]) + _digits(rng, 4)
    else:
        tail = rng.choice(["", " CONF# " + _alnum(rng, 8), " REF " + _digits(rng, 9)])
    return name + tail


def _plain_line(rng, name):
    t = rng.choice(["{n}", "{n}", "{n} {md}", "{n} #{d4}", "{n} - {mmdd}", "{n} {d6}"])
    return _fill(rng, t.replace("{d4}", _digits(rng, 4)).replace("{d6}", _digits(rng, 6))).replace("{n}", name)


def _cash_line(rng, name):
    t = rng.choice(["{n}", "{n} #{d6}", "{n} {addr}", "NON-CHASE {n}", "{n} {mmdd} {addr}", "{n} CARD {d4}",
                    "{n} {owner} {addr}", "{n} {owner}", "{n} {mmdd} {owner} #{d6}"])
    city, state = rng.choice(CITIES)
    addr = "%d %s ST %s %s" % (rng.randint(1, 9999), rng.choice(["MAIN", "MARKET", "ELM", "OAK", "1ST", "BROADWAY"]), city, state)
    return _fill(rng, t.replace("{d6}", _digits(rng, 6)).replace("{d4}", _digits(rng, 4)).replace("{addr}", addr)
                 .replace("{owner}", rng.choice(ATM_OWNERS))).replace("{n}", name)


def _render(rng, style, name, category=None, local=False):
    if style == "card":
        return _card_line(rng, name, category, local)
    if style == "ach":
        return _ach_line(rng, name, category)
    if style == "bill":
        return _ach_line(rng, name, category) if rng.random() < 0.5 else _card_line(rng, name, category, local)
    if style == "sub":
        return _card_line(rng, name, category, local) if rng.random() < 0.7 else name + " " + rng.choice(["RECURRING", "MEMBERSHIP", "SUBSCRIPTION", "%03d-%03d-%04d" % (rng.randint(800, 888), rng.randint(100, 999), rng.randint(0, 9999))])
    if style == "payroll":
        return _payroll_line(rng, name)
    if style == "transfer":
        return _transfer_line(rng, name)
    if style == "cash":
        return _cash_line(rng, name)
    return _plain_line(rng, name)


FEE_AMOUNTS = [2.5, 3.0, 3.5, 5.0, 10.0, 12.0, 15.0, 25.0, 29.0, 30.0, 34.0, 35.0, 36.0, 4.95, 9.95]


def _amount(rng, low, high, whole_share, category=None):
    """A typical amount: log-uniform in the category's range, with the shapes real amounts have where
    they have one (ATMs dispense $20 notes; banks charge fixed fees; app and streaming prices end in .99;
    rent and transfers are often round hundreds)."""
    value = low * (high / low) ** rng.random()
    r = rng.random()
    if category == "cash" and r < 0.85:
        return float(20 * max(1, round(value / 20)))
    if category == "fees" and r < 0.6:
        return rng.choice(FEE_AMOUNTS)
    if category in ("subscriptions", "shopping", "entertainment") and r < {"subscriptions": 0.6}.get(category, 0.15):
        return max(1, round(value)) - 0.01
    if category in ("housing", "transfer") and r < 0.3:
        return float(max(1, round(value / 100)) * 100)
    return float(round(value)) if rng.random() < whole_share else round(value, 2)


def _sign(rng, category, sign, name):
    if sign == 0:  # transfers go both ways, named ones one way
        if any(k in name for k in (" FROM", "CASHOUT", " IN", "DEPOSIT")):
            return 1
        if any(k in name for k in (" TO", " OUT", "SENT", "BUY")):
            return -1
        return rng.choice([-1, 1])
    if category == "cash" and "DEPOSIT" in name:
        return 1
    return sign


# Bank phrasings, not merchants: every bank prints its own "ATM ...", "... FEE", "ZELLE ..." lines.
PHRASING_CATEGORIES = ("fees", "cash", "transfer")


def brand_key(name):
    """The merchant a brand's spelling belongs to: its first word ("HYATT REGENCY" and "HYATT PLACE",
    "TARGET" and "TARGET.COM", "CHASE CARD EPAY" and "CHASE CREDIT CRD AUTOPAY" are one merchant)."""
    return re.split(r"[^A-Z0-9]+", name.upper().replace("'", ""))[0] or name


def _held_out_first(names, category):
    """The shuffled brands reordered so that the spellings of one merchant (brand_key) stay together:
    a merchant is held out with all its spellings or not at all (else "TARGET.COM" in training would
    make a held-out "TARGET" a known name). The bank phrasings of fees, cash and transfers are
    each their own payee."""
    if category in PHRASING_CATEGORIES:
        return names
    groups = {}
    for name in names:  # already shuffled: groups come in the order of their first spelling
        groups.setdefault(brand_key(name), []).append(name)
    return [name for group in groups.values() for name in group]


def _held_count(names, category):
    """A quarter of the brands (at least 2), rounded up to the end of the last held-out merchant's spellings."""
    n = max(2, round(len(names) * HELD_OUT_SHARE))
    if category not in PHRASING_CATEGORIES:
        while n < len(names) and brand_key(names[n]) == brand_key(names[n - 1]):
            n += 1
    return n


def _lines(rng, style, name, category, index, low, high, sign, whole_share, local, kind, source, count, out):
    for _ in range(count):
        line = _render(rng, style, name, category, local)
        if rng.random() < 0.12:
            line = line.title()
        direction = _sign(rng, category, sign, name)
        if style == "card" and direction < 0 and rng.random() < 0.04:
            line, direction = rng.choice(["REFUND ", "RETURN ", "CREDIT "]) + line, 1
        out.append((line, direction * _amount(rng, low, high, whole_share, category), index, name, kind, source))


def nsi_brands():
    """{category: NSI brand names} without the names a hand-written list already has (in any category,
    compared by letters and digits: "WENDY'S" = "WENDYS"); the hand list wins."""
    hand = {nsi.key(n) for _style, _range, _sign, names in MERCHANTS.values() for n in names}
    hand |= {nsi.key(n) for n in mcc.travel_brands()}
    if USE_WORDINGS:
        hand |= {nsi.key(n) for names in wordings.GENERIC_PAYEES.values() for n in names}
        hand |= {nsi.key(n) for n in wordings.MARKETPLACE_PURCHASES + wordings.MARKETPLACE_MEMBERSHIPS}
    return {category: [n for n in names if nsi.key(n) not in hand] for category, names in nsi.load().items()}


def _nsi_split(rng, names, held_keys, train_keys):
    """Held-out and training NSI brands of one category. A brand whose merchant (brand_key) is already
    on one side through a hand-written spelling goes to that side ("SHELL RECHARGE" follows "SHELL OIL");
    the other merchants are shuffled and a quarter of them, with all their spellings, is held out."""
    held, train, groups = [], [], {}
    for name in names:
        k = brand_key(name)
        if k in held_keys:
            held.append(name)
        elif k in train_keys:
            train.append(name)
        else:
            groups.setdefault(k, []).append(name)
    keys = sorted(groups)
    rng.shuffle(keys)
    n_held = round(len(keys) * HELD_OUT_SHARE)
    held += [n for k in keys[:n_held] for n in groups[k]]
    train += [n for k in keys[n_held:] for n in groups[k]]
    return held, train


def build(seed):
    """Returns (train, held_out): lists of (description, amount, category_index, merchant,
    "brand"|"local"|"mcc", source) where source is "hand" (merchants.py, mcc.py), "nsi" (nsi.py),
    "local" or "mcc". The hand-written merchants and local businesses are drawn and rendered exactly as
    without NSI (same random stream); the NSI brands come after, from their own stream."""
    rng = random.Random(seed)
    nsi_rng = random.Random(seed * 7 + 3)
    extra = nsi_brands() if USE_NSI else {}
    train, held_out = [], []
    for index, category in enumerate(CATEGORIES):
        style, (low, high), sign, names = MERCHANTS[category]
        if category == "travel" and ISO_TRAVEL_BRANDS:
            names = set(names) | set(mcc.travel_brands())
        if USE_WORDINGS:
            names = set(names) | set(wordings.GENERIC_PAYEES.get(category, []))
            names |= set({"shopping": wordings.MARKETPLACE_PURCHASES,
                          "subscriptions": wordings.MARKETPLACE_MEMBERSHIPS}.get(category, []))
        names = sorted(names)
        rng.shuffle(names)
        kinds = KINDS.get(category, [])
        local = sorted({"%s %s" % (rng.choice(STEMS), rng.choice(kinds)) for _ in range(LOCAL_PER_CATEGORY)}) if kinds else []
        rng.shuffle(local)
        names = _held_out_first(names, category)
        n_held_brands = _held_count(names, category)
        n_held_local = round(len(local) * HELD_OUT_SHARE)
        held_keys = {brand_key(n) for n in names[:n_held_brands]}
        train_keys = {brand_key(n) for n in names[n_held_brands:]}
        # held-out merchants first, brands then local businesses
        names = names[:n_held_brands] + local[:n_held_local] + names[n_held_brands:] + local[n_held_local:]
        n_held = n_held_brands + n_held_local
        local_set = set(local)
        per_merchant = ROWS_PER_CATEGORY // len(names)
        whole_share = 0.6 if style in ("ach", "transfer", "cash") else 0.05
        for position, name in enumerate(names):
            target = held_out if position < n_held else train
            is_local = name in local_set
            _lines(rng, style, name, category, index, low, high, sign, whole_share, is_local,
                   "local" if is_local else "brand", "local" if is_local else "hand", per_merchant, target)
        nsi_names = [n for n in extra.get(category, []) if n not in set(names)]
        if nsi_names:
            nsi_held, nsi_train = _nsi_split(nsi_rng, nsi_names, held_keys, train_keys)
            count = min(NSI_MAX_ROWS, max(NSI_MIN_ROWS, NSI_ROWS_PER_CATEGORY // len(nsi_names)))
            for target, group in ((held_out, nsi_held), (train, nsi_train)):
                for name in group:
                    _lines(nsi_rng, style, name, category, index, low, high, sign, whole_share, False, "brand", "nsi",
                           count, target)
    train += _mcc_lines(rng)
    return train, held_out


def _mcc_lines(rng):
    """Training-only lines naming what a business is in ISO 18245's words ("TONY'S BAKERIES #204 AUSTIN TX"),
    rendered as card purchases with the category's amounts; never part of the held-out split."""
    out = []
    for text, category in mcc.descriptions():
        index = CATEGORIES.index(category)
        _style, (low, high), sign, _names = MERCHANTS[category]
        for _ in range(MCC_LINES_PER_DESCRIPTION):
            name = text if rng.random() < 0.5 else "%s %s" % (rng.choice(STEMS), text)
            line = _card_line(rng, name, category, name != text)
            if rng.random() < 0.12:
                line = line.title()
            direction = sign if sign else rng.choice([-1, 1])
            out.append((line, direction * _amount(rng, low, high, 0.1, category), index, "MCC " + text, "mcc", "mcc"))
    return out
