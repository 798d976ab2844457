"""What statement lines *say* rather than whom they name: the generic words people and
banks use for bills and pay, the big marketplaces and their membership lines, and the card-terminal
and debit-order formats of banks outside the US. Written for this project from general knowledge of
statement formats and written without the real-line test set's own wordings and formats
(training/real-lines/: e.g. its "POS01SEP", "CD 1417 14JAN24", "POS MERCHANDISE;", "365 Online" and
"NON-GBP TRANS FEE" forms are deliberately not here, so that the set keeps measuring lines the model
has not been shown); train.py also checks that no rendered line equals one of its lines.

GENERIC_PAYEES are payees like any other (corpus.py splits them by their first word, so a held-out
"WATER BILL" is not helped by "WATER SERVICE" in training).
"""

# category -> generic payee wordings, spelled as statements print them.
GENERIC_PAYEES = {
    "utilities": [
        "ELECTRIC BILL", "ELECTRICITY", "ELECTRIC COMPANY", "ELECTRIC COOP", "POWER BILL", "POWER COMPANY",
        "GAS BILL", "GAS COMPANY", "GAS UTILITY", "NATURAL GAS CO", "WATER BILL", "WATER SERVICE", "WATER DEPT",
        "WATER AUTHORITY", "WATER AND SEWER", "CITY OF SPRINGFIELD UTILITIES", "CITY UTILITIES", "PUBLIC UTILITIES",
        "MUNICIPAL UTILITY", "UTILITY BILL", "TRASH SERVICE", "REFUSE COLLECTION", "PHONE BILL", "MOBILE BILL",
        "CELL PHONE", "WIRELESS BILL", "TELEPHONE CO", "INTERNET BILL", "INTERNET SERVICE", "BROADBAND",
        "FIBER INTERNET", "CABLE BILL", "ENERGY BILL", "HEATING OIL", "PROPANE DELIVERY", "DIRECT ENERGY",
        "TELSTRA", "OPTUS", "ORIGIN ENERGY", "AGL ENERGY", "BRITISH GAS", "OCTOPUS ENERGY", "THAMES WATER",
        "BT GROUP", "VODAFONE", "EE LIMITED", "VIRGIN MEDIA", "ELECTRIC IRELAND", "EIR", "ROGERS", "BELL CANADA",
        "HYDRO ONE", "TELUS", "ESKOM", "VODACOM", "MTN", "TELKOM", "CITY OF CAPE TOWN",
    ],
    "insurance": [
        "INSURANCE PREMIUM", "INS PREMIUM", "AUTO INSURANCE", "CAR INSURANCE", "HOME INSURANCE", "RENTERS INSURANCE",
        "LIFE INSURANCE", "HEALTH INSURANCE", "DENTAL INSURANCE", "PET INSURANCE", "TRAVEL INSURANCE",
        "INSURANCE DD", "INSURANCE POLICY", "POLICY PREMIUM", "MEDICAL AID", "DISCOVERY HEALTH",
        "AVIVA", "DIRECT LINE", "ADMIRAL INSURANCE", "NRMA INSURANCE", "BUPA", "OLD MUTUAL", "SANLAM",
    ],
    "housing": [
        "RENT", "MONTHLY RENT", "RENT PMT", "LANDLORD", "LETTING AGENT", "MORTGAGE", "MORTGAGE PAYMENT",
        "HOME LOAN", "HOA FEES", "STRATA LEVY", "BODY CORPORATE", "COUNCIL TAX", "PROPERTY TAX", "LOYER",
        "HUUR", "BOND REPAYMENT",
    ],
    "education": [
        "TUITION", "TUITION FEE", "SCHOOL FEES", "COLLEGE TUITION", "UNIVERSITY FEES", "STUDENT FEES",
        "CHILDCARE", "DAYCARE", "AFTER SCHOOL CARE", "CRECHE", "TEXTBOOKS", "EXAM FEE",
    ],
    "income": [
        "SALARY", "PAYROLL", "WAGES", "PAY", "DIRECT DEPOSIT PAYROLL", "NET PAY", "EMPLOYER PAYMENT",
        "PAYCHECK", "BONUS PAYMENT", "PENSION", "CHILD BENEFIT", "UNEMPLOYMENT BENEFIT", "TAX REFUND",
        "GEHALT", "SALAIRE", "SALARIS", "WAGES LTD", "HMRC TAX CREDITS",
    ],
    "debt_payment": [
        "LOAN REPAYMENT", "LOAN PAYMENT", "PERSONAL LOAN", "CAR LOAN", "AUTO LOAN PMT", "STUDENT LOAN",
        "CREDIT CARD PAYMENT", "CARD PAYMENT THANK YOU", "PAYMENT RECEIVED THANK YOU", "CARD REPAYMENT", "FINANCE AGREEMENT", "HIRE PURCHASE",
    ],
    "transfer": [
        "TRANSFER", "OWN ACCOUNT TRANSFER", "TRANSFER TO CHEQUE", "TRANSFER FROM SAVER", "INTERNET TRANSFER",
        "ONLINE BANKING TRANSFER", "OSKO PAYMENT", "FASTER PAYMENT", "STANDING ORDER",
        "BANK TRANSFER", "SEPA TRANSFER", "UBERWEISUNG", "INTERAC E-TRANSFER", "E-TRANSFER", "EFT TRANSFER",
    ],
    "fees": [
        "FOREIGN TRANSACTION FEE", "NON-STERLING TRANSACTION FEE", "INTERNATIONAL FEE", "CURRENCY CONVERSION FEE",
        "ACCOUNT FEE", "MONTHLY ACCOUNT FEE", "ADMIN FEE", "BANK CHARGES",
        "SERVICE FEE", "KONTOFUHRUNGSGEBUHR", "FRAIS", "DISHONOUR FEE", "CASH HANDLING FEE",
    ],
    "cash": [
        "ATM", "ATM CASH", "CASH WITHDRAWAL", "CASH WDL", "EFTPOS CASH OUT", "CASHPOINT",
        "GELDAUTOMAT", "BARGELDAUSZAHLUNG", "ATM WDL", "AUTOBANK CASH",
    ],
}

# Marketplaces print the platform, not the seller: a purchase line is shopping, its membership a
# subscription.
MARKETPLACE_PURCHASES = [
    "AMAZON MKTPL", "AMZN MKTP US", "AMAZON.COM", "AMAZON.CO.UK", "AMAZON.DE",
    "AMAZON.CA", "AMAZON AU", "AMZNMKTPLACE", "AMAZON MARKETPLACE", "AMAZON EU SARL", "EBAY",
    "ETSY.COM", "WALMART.COM MARKETPLACE", "TEMU.COM", "SHEIN.COM", "ALIEXPRESS", "WISH.COM", "TAKEALOT",
    "MERCADOLIBRE", "BOL.COM", "ZALANDO", "KOGAN.COM", "CATCH.COM.AU", "OTTO",
]
MARKETPLACE_MEMBERSHIPS = [
    "AMAZON PRIME", "PRIME MEMBERSHIP", "AMZN PRIME", "AMAZON PRIME MEMBERSHIP FEE", "PRIME VIDEO",
    "WALMART+ MEMBERSHIP", "WMT PLUS", "COSTCO MEMBERSHIP", "SAMS CLUB MEMBERSHIP", "EBAY PLUS",
    "TAKEALOT MORE", "DASHPASS", "UBER ONE", "INSTACART PLUS MEMBERSHIP", "GRUBHUB PLUS MEMBER", "DELIVEROO PLUS",
]

# Card-purchase formats of non-US banks: (prefix, suffix) templates. {DDMON} = "01SEP", {DDMONYY} =
# "14JAN24", {c4} card digits, {n6} a terminal or reference number, {city}/{cc} a city and its country.
INTL_CARD_FORMATS = [
    ("POS ", " {city}"), ("POS PURCHASE ", " {city} {cc}"), ("EFTPOS ", " {city} {cc}"),
    ("EFTPOS PURCHASE ", " {city}"), ("VISA PURCHASE ", " {city} {cc}"), ("VISA DEBIT PURCHASE CARD {c4} ", " {city}"),
    ("CONTACTLESS PAYMENT ", " {city}"), ("CARD PAYMENT TO ", " ON {DDMON}"), ("CARD PURCHASE ", " {city} {cc}"),
    ("", " CARD {c4}"), ("", " {c4} {DDMONYY}"), ("", "    {city}      {cc}"), ("", " {city} {cc3}"),
    ("DEBIT CARD ", " {n6} {city}"), ("", " {n6} {city}"), ("PURCHASE ", " {city}"),
    ("KARTENZAHLUNG ", " {city}"), ("BETAALAUTOMAAT ", " {city}"), ("APPLE PAY ", " {city}"),
    ("GOOGLE PAY ", " {city}"), ("MASTERCARD ", " {city} {cc}"), ("", " {city} {state} {cc}"),
]
# Recurring charges in other countries: debit orders (South Africa), direct debits (UK, IE, AU).
INTL_RECURRING_FORMATS = [
    ("DEBIT ORDER ", ""), ("DEBIT ORDER ", " {n6}"), ("MAGTAPE DEBIT ", " {n6}"), ("DEBIT ORDER MAGTAPE ", ""),
    ("DIRECT DEBIT ", ""), ("DIRECT DEBIT ", " REF {n6}"), ("DD ", " {n6}"), ("LASTSCHRIFT ", ""), ("PRELEVEMENT ", ""),
]
INTL_CITIES = [
    ("LONDON", "GB", "GBR", ""), ("MANCHESTER", "GB", "GBR", ""), ("DUBLIN", "IE", "IRL", ""),
    ("CORK", "IE", "IRL", ""), ("SYDNEY", "AU", "AUS", "NSW"), ("MELBOURNE", "AU", "AUS", "VIC"),
    ("BRISBANE", "AU", "AUS", "QLD"), ("PERTH", "AU", "AUS", "WA"), ("AUCKLAND", "NZ", "NZL", ""),
    ("TORONTO", "CA", "CAN", "ON"), ("VANCOUVER", "CA", "CAN", "BC"), ("JOHANNESBURG", "ZA", "ZAF", "GP"),
    ("CAPE TOWN", "ZA", "ZAF", "WC"), ("AMSTERDAM", "NL", "NLD", ""), ("BERLIN", "DE", "DEU", ""),
    ("HAMBURG", "DE", "DEU", ""), ("PARIS", "FR", "FRA", ""), ("SINGAPORE", "SG", "SGP", ""),
    ("BANGALORE", "IN", "IND", "KA"), ("MUMBAI", "IN", "IND", "MH"),
]
MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


def intl_card_line(rng, name, recurring=False):
    """A card or debit-order line in a non-US bank's format."""
    formats = INTL_RECURRING_FORMATS if recurring and rng.random() < 0.6 else INTL_CARD_FORMATS
    prefix, suffix = rng.choice(formats)
    city, cc, cc3, state = rng.choice(INTL_CITIES)
    day, month = rng.randint(1, 28), rng.choice(MONTHS)
    digits = lambda n: "".join(rng.choice("0123456789") for _ in range(n))  # noqa: E731
    fill = {"{DDMON}": "%02d%s" % (day, month), "{DDMONYY}": "%02d%s%02d" % (day, month, rng.randint(18, 26)),
            "{c4}": digits(4), "{n6}": digits(6), "{city}": city, "{cc}": cc, "{cc3}": cc3, "{state}": state or cc}
    line = prefix + name + suffix
    for k, v in fill.items():
        line = line.replace(k, v)
    return " ".join(line.split()) if rng.random() < 0.5 else line.rstrip()
