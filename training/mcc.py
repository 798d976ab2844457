"""Merchant category codes (ISO 18245) as training text, from the PyPI package `iso18245`
(https://pypi.org/project/iso18245/, the ISO 18245 table with the Visa, Mastercard, Amex, USDA and
Stripe descriptions of each code; the 3000-3999 codes name real airlines, car-rental firms and hotels).

Two uses in the corpus (corpus.py):
* the descriptions of the codes mapped below, in every phrasing the package has, become extra
  *training-only* lines ("EATING PLACES, RESTAURANTS" -> dining): they teach the words that say what
  a business is, and never enter the held-out split;
* the airline, car-rental and lodging brand names of codes 3000-3999 become travel merchants, split
  by merchant like every other merchant.
"""
import re

import iso18245

# MCC -> category id (merchants.CATEGORIES). Codes whose category is unclear for a household budget
# (wholesale, business-to-business, contractors' supplies) are left out.
_GROUPS = {
    "groceries": "5411 5422 5441 5451 5499 5300",
    "dining": "5811 5812 5813 5814 5462",
    "transport": "4111 4112 4121 4131 4784 4789 5541 5542 5552 5532 5533 7523 7531 7534 7535 7538 7542 7549 5013 8675",
    "travel": "3000-3299 3351-3441 3501-3999 4411 4457 4511 4582 4722 7011 7012 7033 7512 7513 7519",
    "health": "5912 5975 5976 8011 8021 8031 8041 8042 8043 8049 8050 8062 8071 8099 4119 5047 5122",
    "personal_care": "7210 7211 7216 7230 7297 7298 5977 7251 5697 5698",
    "insurance": "6300",
    "shopping": "5200 5211 5231 5251 5261 5309 5310 5311 5331 5399 5611 5621 5631 5641 5651 5655 5661 5691 5699 "
                "5712 5713 5714 5719 5722 5732 5733 5734 5735 5931 5932 5940 5941 5942 5943 5944 5945 5946 5948 "
                "5949 5950 5970 5971 5972 5973 5978 5992 5995 5996 5999 5998 5111 5192 5094",
    "entertainment": "7832 7841 7911 7922 7929 7932 7933 7941 7991 7992 7994 7995 7996 7998 7999 7800 7801 7802",
    "subscriptions": "5815 5816 5817 5818 5968 4899",
    "utilities": "4900 4814 4816 4812",
    "education": "8211 8220 8241 8244 8249 8299 8351",
    "gifts_donations": "8398 8661 8641 8651 5947 5193",
    "cash": "6010 6011",
    "transfer": "4829 6211 6051 6540",
    "housing": "6513",
    "debt_payment": "6012",
    "fees": "9222 9211",
    "other": "0742 0780 1520 1711 1731 1740 1750 1761 1771 1799 4214 4215 4225 7261 7276 7277 7342 7349 "
             "7392 7393 7394 7399 7622 7623 7629 7631 7641 7699 8111 8911 8931 8999 9311 9399 9402 7221",
}


def _codes(spec):
    for part in spec.split():
        if "-" in part:
            low, high = part.split("-")
            yield from ("%04d" % c for c in range(int(low), int(high) + 1))
        else:
            yield part


MCC_CATEGORY = {code: category for category, spec in _GROUPS.items() for code in _codes(spec)}


def _clean(text):
    text = re.sub(r"\(.*?\)|--.*$| - .*$|:.*$", " ", text)  # drop qualifiers: "(Not Elsewhere Classified)"
    text = re.sub(r"\s+", " ", text.replace("/", " ").replace(".", " ")).strip(" ,;")
    return text.upper()


def descriptions():
    """(text, category) for every phrasing of every mapped general code (not the 3000-3999 brands)."""
    out = set()
    for m in iso18245.get_all_mccs():
        category = MCC_CATEGORY.get(m.mcc)
        if category is None or m.mcc.startswith("3"):
            continue
        for text in (m.iso_description, m.visa_description, m.mastercard_description, m.usda_description,
                     m.stripe_description, m.amex_description):
            text = _clean(text or "")
            if 3 <= len(text) <= 60:
                out.add((text, category))
    return sorted(out)


def travel_brands():
    """Airline, car-rental and lodging names of the codes 3000-3999, as statements print them (short, upper case)."""
    names = set()
    for m in iso18245.get_all_mccs():
        if MCC_CATEGORY.get(m.mcc) != "travel" or not m.mcc.startswith("3"):
            continue
        name = _clean(m.visa_description or m.iso_description or "")
        if 3 <= len(name) <= 25:
            names.add(name)
    return sorted(names)
