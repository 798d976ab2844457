#!/usr/bin/env python3
"""Writes the importer's fixtures (tests/import/fixtures/) and what reading them must give
(tests/import/cases.json), from one list of canonical transactions per account.

Each layout's renderer writes the columns, sign convention, date format, encoding and quirks that
LAYOUTS.md records with its source; the expected transactions are the canonical ones (profile
convention: negative = money out of that account). The importer is written separately, in Rust,
from LAYOUTS.md: this script is the second, independent reading of the same facts.

Run: python3 tests/import/make_fixtures.py  (deterministic; commit its output).
"""
import datetime as dt
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures")


def d(s):
    return dt.date.fromisoformat(s)


def mdy(s):
    return d(s).strftime("%m/%d/%Y")


def m_d_y(s):  # US Bank: no leading zeros
    x = d(s)
    return f"{x.month}/{x.day}/{x.year}"


def dmy(s):
    return d(s).strftime("%d/%m/%Y")


def money(v, sep=","):
    """1234.5 -> '1,234.50' (no sign)."""
    return f"{abs(v):,.2f}".replace(",", sep) if sep != "," else f"{abs(v):,.2f}"


def plain(v):
    return f"{v:.2f}"


def q(s):
    return '"' + s.replace('"', '""') + '"'


def tx(date, desc, amount, cat=None, **extra):
    t = {"date": date, "description": desc, "amount": amount}
    if cat is not None:
        t["bankCategory"] = cat
    t.update(extra)
    return t


cases = []
files = {}


def write(name, text, encoding="utf-8", bom=False, newline="\r\n"):
    data = text.replace("\n", newline).encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    files[name] = data


def expect(account, txs, drop=("bankCategory",)):
    out = []
    for t in txs:
        e = {"date": t["date"], "description": t["description"], "amount": round(t["amount"], 2), "account": account}
        for k in ("bankCategory", "mcc", "fitid"):
            if k in t and t[k] is not None:
                e[k] = t[k]
        out.append(e)
    return out


def source(file, fmt, layout, rows, sign, order):
    return {"file": file, "format": fmt, "layout": layout, "rows": rows, "signConvention": sign, "dateOrder": order}


def case(name, file_names, transactions, sources, problems=(), options=None, note=""):
    c = {"name": name, "note": note, "files": list(file_names), "expect": {
        "transactions": sorted(transactions, key=lambda t: t["date"]),
        "problems": list(problems), "sources": sources}}
    if options:
        c["options"] = options
    cases.append(c)


# ---------------------------------------------------------------- Chase credit card
# Transaction Date,Post Date,Description,Category,Type,Amount,Memo ; charges negative.
CHASE_CARD = [
    tx("2025-01-03", "STARBUCKS STORE 04512", -6.45, "Food & Drink"),
    tx("2025-01-04", "WHOLEFDS MKT 10245", -84.12, "Groceries"),
    tx("2025-01-06", "SHELL OIL 57444839201", -41.30, "Gas"),
    tx("2025-01-09", "NETFLIX.COM", -15.49, "Entertainment"),
    tx("2025-01-14", "AMAZON MKTPL*ZX81K2LP0", -32.99, "Shopping"),
    tx("2025-01-17", "AMAZON MKTPL*ZX81K2LP0", 32.99, "Shopping"),  # the return
    tx("2025-01-21", "COMCAST CABLE COMM", -89.99, "Bills & Utilities"),
    tx("2025-01-25", "CVS/PHARMACY #01234", -12.79, "Health & Wellness"),
    tx("2025-01-27", "Payment Thank You-Mobile", 450.00, None),
]


def chase_card_rows(txs):
    lines = ["Transaction Date,Post Date,Description,Category,Type,Amount,Memo"]
    for t in txs:
        post = (d(t["date"]) + dt.timedelta(days=1)).isoformat()
        kind = "Payment" if t["description"].startswith("Payment") else ("Sale" if t["amount"] < 0 else "Return")
        lines.append(",".join([mdy(t["date"]), mdy(post), t["description"], t.get("bankCategory") or "", kind, plain(t["amount"]), ""]))
    return "\n".join(lines) + "\n"


write("chase-card.csv", chase_card_rows(CHASE_CARD))
case("chase_card", ["chase-card.csv"], expect("Chase card", CHASE_CARD),
     [source("chase-card.csv", "csv", "chase_card", len(CHASE_CARD), "negative_out", "mdy")])

# Two monthly exports of the same card that overlap on 28-31 January; two identical coffees on
# 30 January appear in both files: they are two purchases (a true repeat), counted twice, not four.
JAN = [
    tx("2025-01-02", "BLUE BOTTLE COFFEE", -5.25, "Food & Drink"),
    tx("2025-01-15", "TRADER JOE S #552", -63.40, "Groceries"),
    tx("2025-01-28", "UBER *TRIP", -18.20, "Travel"),
    tx("2025-01-30", "BLUE BOTTLE COFFEE", -5.25, "Food & Drink"),
    tx("2025-01-30", "BLUE BOTTLE COFFEE", -5.25, "Food & Drink"),
]
FEB = [
    tx("2025-01-28", "UBER *TRIP", -18.20, "Travel"),
    tx("2025-01-30", "BLUE BOTTLE COFFEE", -5.25, "Food & Drink"),
    tx("2025-01-30", "BLUE BOTTLE COFFEE", -5.25, "Food & Drink"),
    tx("2025-02-03", "SPOTIFY USA", -11.99, "Entertainment"),
    tx("2025-02-10", "Payment Thank You-Web", 300.00, None),
]
write("chase-card-jan.csv", chase_card_rows(JAN))
write("chase-card-feb.csv", chase_card_rows(FEB))
case("chase_card_overlap", ["chase-card-jan.csv", "chase-card-feb.csv"], expect("Chase card", JAN + FEB[3:]),
     [source("chase-card-jan.csv", "csv", "chase_card", len(JAN), "negative_out", "mdy"),
      source("chase-card-feb.csv", "csv", "chase_card", len(FEB), "negative_out", "mdy")],
     note="overlap counted once; the two coffees of 30 January are kept twice (true repeat)")

# Broken rows in a Chase card file: every bad row reported with its line, the others kept.
broken = "\n".join([
    "Transaction Date,Post Date,Description,Category,Type,Amount,Memo",
    "01/03/2025,01/04/2025,STARBUCKS STORE 04512,Food & Drink,Sale,-6.45,",       # 2 ok
    "01/04/2025,01/05/2025",                                                        # 3 too few fields
    "01/05/2025,01/06/2025,KROGER #0412,Groceries,Sale,,",                           # 4 blank amount
    "",                                                                             # 5 blank line: not a row
    "13/45/2025,01/07/2025,LYFT RIDE,Travel,Sale,-14.20,",                          # 6 bad date
    "01/08/2025,01/09/2025,TARGET 00012345,Shopping,Sale,twelve,",                  # 7 bad amount
    "01/09/2025,01/10/2025,\"CHIPOTLE 1234, AUSTIN\",Food & Drink,Sale,-11.85,",    # 8 ok (quoted comma)
    "",
]) + "\n"
write("chase-card-broken.csv", broken)
case("chase_card_broken", ["chase-card-broken.csv"],
     expect("Chase card", [tx("2025-01-03", "STARBUCKS STORE 04512", -6.45, "Food & Drink"),
                           tx("2025-01-09", "CHIPOTLE 1234, AUSTIN", -11.85, "Food & Drink")]),
     [source("chase-card-broken.csv", "csv", "chase_card", 2, "negative_out", "mdy")],
     problems=[{"file": "chase-card-broken.csv", "line": 3, "code": "missing_field"},
               {"file": "chase-card-broken.csv", "line": 4, "code": "missing_amount"},
               {"file": "chase-card-broken.csv", "line": 6, "code": "bad_date"},
               {"file": "chase-card-broken.csv", "line": 7, "code": "bad_amount"}])

# ---------------------------------------------------------------- Chase checking
# Details,Posting Date,Description,Amount,Type,Balance,Check or Slip # ; rows end with a comma.
CHASE_CHK = [
    tx("2025-01-02", "ACME CORP PAYROLL PPD ID: 9111111101", 2650.00, None),
    tx("2025-01-03", "ZELLE PAYMENT TO OAKWOOD APARTMENTS JPM99AB12", -1850.00, None),
    tx("2025-01-06", "PG&E WEBONLINE PPD ID: 9493196000", -112.43, None),
    tx("2025-01-10", "CHASE CREDIT CRD AUTOPAY PPD ID: 4760039224", -450.00, None),
    tx("2025-01-15", "NAVIENT ED LOAN PPD ID: 1234567890", -210.00, None),
    tx("2025-01-16", "ACME CORP PAYROLL PPD ID: 9111111101", 2650.00, None),
    tx("2025-01-21", "CHECK 1042", -75.00, None),
    tx("2025-01-30", "ACME CORP PAYROLL PPD ID: 9111111101", 2650.00, None),
]
lines = ["Details,Posting Date,Description,Amount,Type,Balance,Check or Slip #"]
bal = 1200.00
types = ["ACH_CREDIT", "QUICKPAY_DEBIT", "ACH_DEBIT", "ACH_DEBIT", "ACH_DEBIT", "ACH_CREDIT", "CHECK_PAID", "ACH_CREDIT"]
for t, ty in zip(CHASE_CHK, types):
    bal += t["amount"]
    detail = "CREDIT" if t["amount"] > 0 else ("CHECK" if ty == "CHECK_PAID" else "DEBIT")
    slip = "1042" if ty == "CHECK_PAID" else ""
    lines.append(",".join([detail, mdy(t["date"]), q(t["description"]) if "," in t["description"] else t["description"], plain(t["amount"]), ty, plain(bal), slip]) + ",")
write("chase-checking.csv", "\n".join(lines) + "\n")
case("chase_checking", ["chase-checking.csv"], expect("Chase checking", CHASE_CHK),
     [source("chase-checking.csv", "csv", "chase_checking", len(CHASE_CHK), "negative_out", "mdy")])

# ---------------------------------------------------------------- American Express
# Charges positive, payments and credits negative; Extended Details spans lines inside quotes.
AMEX = [
    tx("2025-02-01", "UBER EATS", -27.40, "Restaurant-Restaurant"),
    tx("2025-02-03", "SAFEWAY #1234", -96.18, "Merchandise & Supplies-Groceries"),
    tx("2025-02-05", "DELTA AIR LINES", -412.60, "Travel-Airline"),
    tx("2025-02-09", "EXXONMOBIL 4821", -38.75, "Transportation-Fuel"),
    tx("2025-02-12", "AUTOPAY PAYMENT - THANK YOU", 620.00, "Fees & Adjustments-Fees & Adjustments"),
    tx("2025-02-14", "AMC THEATRES 0421", -31.50, "Entertainment-Theatrical Events"),
    tx("2025-02-18", "SAFEWAY #1234", 12.40, "Merchandise & Supplies-Groceries"),  # credit
    tx("2025-02-24", "ANNUAL MEMBERSHIP FEE", -95.00, "Fees & Adjustments-Fees & Adjustments"),
]
lines = ["Date,Description,Amount,Extended Details,Appears On Your Statement As,Address,City/State,Zip Code,Country,Reference,Category"]
for i, t in enumerate(AMEX):
    ext = q(f"{t['description']}\n{abs(t['amount']):.2f} USD")
    lines.append(",".join([mdy(t["date"]), t["description"], plain(-t["amount"]), ext, t["description"], q("100 MAIN ST"),
                           q("SAN FRANCISCO\nCA"), "94105", "UNITED STATES", f"'3202504{i:010d}'", t["bankCategory"]]))
write("amex.csv", "\n".join(lines) + "\n")
case("amex", ["amex.csv"], expect("American Express", AMEX),
     [source("amex.csv", "csv", "amex", len(AMEX), "positive_charges", "mdy")])

# ---------------------------------------------------------------- Capital One
# Transaction Date,Posted Date,Card No.,Description,Category,Debit,Credit ; ISO dates.
CAP1 = [
    tx("2025-03-01", "TST* SWEETGREEN", -14.85, "Dining"),
    tx("2025-03-02", "KROGER #0412", -71.09, "Grocery"),
    tx("2025-03-05", "CHEVRON 0093112", -44.02, "Gas/Automotive"),
    tx("2025-03-08", "BEST BUY 00004567", -249.99, "Merchandise"),
    tx("2025-03-11", "CAPITAL ONE AUTOPAY PYMT", 380.00, "Payment/Credit"),
    tx("2025-03-19", "HULU 877-8244858", -17.99, "Entertainment"),
]
lines = ["Transaction Date,Posted Date,Card No.,Description,Category,Debit,Credit"]
for t in CAP1:
    post = (d(t["date"]) + dt.timedelta(days=2)).isoformat()
    debit, credit = (plain(-t["amount"]), "") if t["amount"] < 0 else ("", plain(t["amount"]))
    lines.append(",".join([t["date"], post, "5123", t["description"], t["bankCategory"], debit, credit]))
write("capital-one.csv", "\n".join(lines) + "\n")
case("capital_one", ["capital-one.csv"], expect("Capital One card 5123", CAP1),
     [source("capital-one.csv", "csv", "capital_one", len(CAP1), "debit_credit", "ymd")])

# ---------------------------------------------------------------- Discover
# Trans. Date,Post Date,Description,Amount,Category ; charges positive.
DISC = [
    tx("2025-01-05", "PANERA BREAD #601 ST LOUIS MO", -13.27, "Restaurants"),
    tx("2025-01-08", "SCHNUCKS #110 ST LOUIS MO", -58.44, "Supermarkets"),
    tx("2025-01-13", "QT 123 ST LOUIS MO", -35.10, "Gasoline"),
    tx("2025-01-20", "DIRECTPAY FULL BALANCE", 250.00, "Payments and Credits"),
    tx("2025-01-22", "CASHBACK BONUS REDEMPTION PYMT/STMT CRDT", 12.50, "Awards and Rebate Credits"),
    tx("2025-01-26", "AT&T *PAYMENT 800-288-2020 TX", -75.00, "Services"),
]
lines = ["Trans. Date,Post Date,Description,Amount,Category"]
for t in DISC:
    lines.append(",".join([mdy(t["date"]), mdy(t["date"]), q(t["description"]), plain(-t["amount"]), q(t["bankCategory"])]))
write("discover.csv", "\n".join(lines) + "\n")
case("discover", ["discover.csv"], expect("Discover", DISC),
     [source("discover.csv", "csv", "discover", len(DISC), "positive_charges", "mdy")])

# ---------------------------------------------------------------- Citi
# Status,Date,Description,Debit,Credit ; credits written as negative numbers in Credit.
CITI = [
    tx("2025-02-02", "COSTCO WHSE #0117 SAN JOSE CA", -182.33, None),
    tx("2025-02-06", "COSTCO GAS #0117 SAN JOSE CA", -48.61, None),
    tx("2025-02-13", "COSTCO WHSE #0117 SAN JOSE CA", 25.99, None),
    tx("2025-02-18", "AUTOPAY 250218 AUTOPAY AUTO-PMT", 600.00, None),
    tx("2025-02-22", "NETFLIX.COM NETFLIX.COM CA", -15.49, None),
]
lines = ["Status,Date,Description,Debit,Credit"]
for t in CITI:
    debit, credit = (plain(-t["amount"]), "") if t["amount"] < 0 else ("", plain(-t["amount"]))
    lines.append(",".join(["Cleared", mdy(t["date"]), q(t["description"]), debit, credit]))
write("citi.csv", "\n".join(lines) + "\n")
case("citi", ["citi.csv"], expect("Citi", CITI),
     [source("citi.csv", "csv", "citi", len(CITI), "debit_credit", "mdy")])

# ---------------------------------------------------------------- Bank of America checking
# A summary block, a blank line, then Date,Description,Amount,Running Bal. ; the first row is the
# beginning balance (no amount): not a transaction.
BOFA = [
    tx("2025-01-03", "GLOBEX INC DES:PAYROLL ID:XXXXX12345 INDN:DOE,JANE CO ID:XXXXX67890 PPD", 3120.55, None),
    tx("2025-01-05", "WELLS FARGO HOME MTG DES:MTG PYMT ID:XXXXX0001 INDN:JANE DOE CO ID:XXXXX PPD", -1975.20, None),
    tx("2025-01-08", "DUKE ENERGY DES:BILL PAY ID:XXXXX4411 INDN:JANE DOE CO ID:XXXXX WEB", -134.88, None),
    tx("2025-01-12", "BANK OF AMERICA CREDIT CARD Bill Payment", -1200.00, None),
    tx("2025-01-17", "GLOBEX INC DES:PAYROLL ID:XXXXX12345 INDN:DOE,JANE CO ID:XXXXX67890 PPD", 3120.55, None),
    tx("2025-01-20", "GEICO DES:AUTO PAY ID:XXXXX9090 INDN:JANE DOE CO ID:XXXXX PPD", -146.00, None),
    tx("2025-01-23", "TOYOTA FINANCIAL DES:AUTO LOAN ID:XXXXX7777 INDN:JANE DOE CO ID:XXXXX PPD", -389.12, None),
]
start = 1843.17
credits = sum(t["amount"] for t in BOFA if t["amount"] > 0)
debits = sum(t["amount"] for t in BOFA if t["amount"] < 0)
end = start + credits + debits
lines = ["Description,,Summary Amt.",
         f"Beginning balance as of 01/01/2025,,{q(money(start))}",
         f"Total credits,,{q(money(credits))}",
         f"Total debits,,{q('-' + money(debits))}",
         f"Ending balance as of 01/31/2025,,{q(money(end))}",
         "",
         "Date,Description,Amount,Running Bal.",
         f"01/01/2025,Beginning balance as of 01/01/2025,,{q(money(start))}"]
bal = start
for t in BOFA:
    bal += t["amount"]
    sign = "-" if t["amount"] < 0 else ""
    lines.append(",".join([mdy(t["date"]), q(t["description"]), q(sign + money(t["amount"])), q(money(bal))]))
write("bofa-checking.csv", "\n".join(lines) + "\n")
case("bofa_checking", ["bofa-checking.csv"], expect("Bank of America", BOFA),
     [source("bofa-checking.csv", "csv", "bofa_checking", len(BOFA), "negative_out", "mdy")],
     note="header on line 7 after the summary block; the beginning-balance row is not a transaction")

# ---------------------------------------------------------------- Wells Fargo (no header)
# "date","amount","*","check number","description" ; signed amounts.
WF = [
    tx("2025-02-03", "PURCHASE AUTHORIZED ON 02/01 SAFEWAY #1765 OAKLAND CA S465032512345678 CARD 1234", -67.21, None),
    tx("2025-02-07", "INITECH LLC PAYROLL 250207 XXXXX4567 DOE JOHN", 2210.00, None),
    tx("2025-02-10", "VERIZON WIRELESS PAYMENTS 250210 XXXXX7890 JOHN DOE", -85.00, None),
    tx("2025-02-14", "CHECK # 2051", -1500.00, None),
    tx("2025-02-21", "INITECH LLC PAYROLL 250221 XXXXX4567 DOE JOHN", 2210.00, None),
    tx("2025-02-24", "DISCOVER E-PAYMENT 250224 1234 DOE JOHN", -310.00, None),
]
lines = []
for t in WF:
    chk = "2051" if t["description"].startswith("CHECK") else ""
    lines.append(",".join([q(mdy(t["date"])), q(plain(t["amount"])), q("*"), q(chk), q(t["description"])]))
write("wells-fargo.csv", "\n".join(lines) + "\n")
case("wells_fargo", ["wells-fargo.csv"], expect("Wells Fargo", WF),
     [source("wells-fargo.csv", "csv", "wells_fargo", len(WF), "negative_out", "mdy")],
     note="no header: recognized by its five-column shape with '*' in the third column")

# ---------------------------------------------------------------- Apple Card
# Transaction Date,Clearing Date,Description,Merchant,Category,Type,Amount (USD),Purchased By ;
# purchases positive, payments negative.
APPLE = [
    tx("2025-03-02", "UBER *EATS PENDING SAN FRANCISCO CA", -22.10, "Restaurants"),
    tx("2025-03-04", "WALGREENS #4410 CHICAGO IL", -18.60, "Medical"),
    tx("2025-03-07", "APPLE.COM/BILL ONE APPLE PARK WAY 866-712-7753 CUPERTINO CA", -2.99, "Other"),
    tx("2025-03-12", "ACH DEPOSIT INTERNET TRANSFER FROM ACCOUNT ENDING IN 1234", 150.00, "Payment"),
    tx("2025-03-15", "WHOLE FOODS MARKET CHICAGO IL", -54.32, "Grocery"),
    tx("2025-03-22", "DAILY CASH ADJUSTMENT", 1.20, "Credit"),
]
lines = ["Transaction Date,Clearing Date,Description,Merchant,Category,Type,Amount (USD),Purchased By"]
for t in APPLE:
    ty = {"Payment": "Payment", "Credit": "Credit"}.get(t["bankCategory"], "Purchase")
    merchant = t["description"].split(" ")[0].title()
    lines.append(",".join([mdy(t["date"]), mdy(t["date"]), q(t["description"]), q(merchant), q(t["bankCategory"]), q(ty), q(plain(-t["amount"])), q("Jane Doe")]))
write("apple-card.csv", "\n".join(lines) + "\n")
case("apple_card", ["apple-card.csv"], expect("Apple Card", APPLE),
     [source("apple-card.csv", "csv", "apple_card", len(APPLE), "positive_charges", "mdy")])

# ---------------------------------------------------------------- U.S. Bank (card)
# "Date","Transaction","Name","Memo","Amount" ; ISO dates, signed (DEBIT negative); the Memo is
# "reference; MCC padded to five digits; ; ; ;" and the Name pads its columns with spaces.
USB = [
    tx("2025-01-04", "CHIPOTLE 3293 SANTA CLARA CA", -15.91, None, mcc="5814"),
    tx("2025-01-06", "XCEL ENERGY-NSP 800-895-4999 MN", -96.41, None, mcc="4900"),
    tx("2025-01-09", "CUB FOODS #1644 MINNEAPOLIS MN", -73.20, None, mcc="5411"),
    tx("2025-01-15", "PAYMENT THANK YOU WEB", 400.00, None, mcc="0300"),
    tx("2025-01-21", "NETFLIX.COM LOS GATOS CA", -15.49, None, mcc="4899"),
    tx("2025-01-28", "HOLIDAY STATIONSTORE 0312 EDINA MN", -38.02, None, mcc="5541"),
]
lines = ['"Date","Transaction","Name","Memo","Amount"']
for i, t in enumerate(USB):
    kind = "CREDIT" if t["amount"] > 0 else "DEBIT"
    words = t["description"].split(" ")
    name = " ".join(words[:2]).ljust(22) + " " + " ".join(words[2:-1]).ljust(13) + " " + words[-1]
    memo = f"WEB AUTOMTC; {int(t['mcc']):05d}; ; ; ;" if t["amount"] > 0 else f"{24431066181458859822737 + i}; {int(t['mcc']):05d}; ; ; ;"
    lines.append(",".join([q(t["date"]), q(kind), q(name), q(memo), q(plain(t["amount"]))]))
write("us-bank.csv", "\n".join(lines) + "\n")
case("us_bank", ["us-bank.csv"], expect("U.S. Bank", USB),
     [source("us-bank.csv", "csv", "us_bank", len(USB), "negative_out", "ymd")],
     note="ISO dates; the MCC read from the Memo's second field (05814 -> 5814); padded names squeezed")

# ---------------------------------------------------------------- Monzo
# DD/MM/YYYY, signed amounts, the bank's category, a transaction id kept as fitid.
MONZO = [
    tx("2025-01-02", "Tesco", -23.45, "Groceries", fitid="tx_0000AAbbCC11"),
    tx("2025-01-03", "Pret A Manger", -4.35, "Eating out", fitid="tx_0000AAbbCC12"),
    tx("2025-01-05", "Transport for London", -2.80, "Transport", fitid="tx_0000AAbbCC13"),
    tx("2025-01-25", "INITECH UK LTD", 2480.00, "Income", fitid="tx_0000AAbbCC14"),
    tx("2025-01-27", "Octopus Energy", -96.00, "Bills", fitid="tx_0000AAbbCC15"),
    tx("2025-01-28", "Lewis Property Lettings", -1250.00, "Bills", fitid="tx_0000AAbbCC16"),
    tx("2025-01-30", "Netflix", -10.99, "Entertainment", fitid="tx_0000AAbbCC17"),
]
lines = ["Transaction ID,Date,Time,Type,Name,Emoji,Category,Amount,Currency,Local amount,Local currency,Notes and #tags,Address,Receipt,Description,Category split,Money Out,Money In"]
for t in MONZO:
    ty = "Faster payment" if t["amount"] > 0 else ("Direct Debit" if t["bankCategory"] == "Bills" else "Card payment")
    out_, in_ = (plain(t["amount"]), "") if t["amount"] < 0 else ("", plain(t["amount"]))
    lines.append(",".join([t["fitid"], dmy(t["date"]), "09:14:02", ty, t["description"], "", t["bankCategory"], plain(t["amount"]), "GBP",
                           plain(t["amount"]), "GBP", "", "", "", t["description"].upper(), "", out_, in_]))
write("monzo.csv", "\n".join(lines) + "\n", newline="\n")
case("monzo", ["monzo.csv"], expect("Monzo", MONZO),
     [source("monzo.csv", "csv", "monzo", len(MONZO), "negative_out", "dmy")])

# ---------------------------------------------------------------- Starling
# Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP),Spending Category,Notes
STAR = [
    tx("2025-02-01", "Sainsbury's", -41.20, "GROCERIES"),
    tx("2025-02-03", "Greggs", -3.65, "EATING_OUT"),
    tx("2025-02-14", "Umbrella Ltd", 2105.40, "INCOME"),
    tx("2025-02-15", "Thames Water", -38.50, "BILLS_AND_SERVICES"),
    tx("2025-02-17", "Trainline", -64.10, "TRANSPORT"),
    tx("2025-02-20", "Vodafone", -22.00, "BILLS_AND_SERVICES"),
]
lines = ["Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP),Spending Category,Notes"]
bal = 812.33
for t in STAR:
    bal += t["amount"]
    ty = "FASTER PAYMENT" if t["amount"] > 0 else ("DIRECT DEBIT" if t["bankCategory"] == "BILLS_AND_SERVICES" else "CONTACTLESS")
    lines.append(",".join([dmy(t["date"]), t["description"], t["description"].upper(), ty, plain(t["amount"]), plain(bal), t["bankCategory"], ""]))
write("starling.csv", "\n".join(lines) + "\n")
case("starling", ["starling.csv"], expect("Starling", STAR),
     [source("starling.csv", "csv", "starling", len(STAR), "negative_out", "dmy")])

# ---------------------------------------------------------------- Revolut
# Type,Product,Started Date,Completed Date,Description,Amount,Fee,Currency,State,Balance ;
# a REVERTED row never happened (reported, not imported); the fee is money out too.
REV = [
    tx("2025-03-01", "Lidl", -18.76, None),
    tx("2025-03-02", "Top-Up by *1234", 200.00, None),
    tx("2025-03-05", "Exchanged to EUR", -100.50, None),  # amount -100.00 and a fee of 0.50
    tx("2025-03-09", "Bolt", -9.40, None),
]
lines = ["Type,Product,Started Date,Completed Date,Description,Amount,Fee,Currency,State,Balance",
         "CARD_PAYMENT,Current,2025-03-01 12:03:44,2025-03-02 08:11:02,Lidl,-18.76,0.00,GBP,COMPLETED,181.24",
         "TOPUP,Current,2025-03-02 17:45:10,2025-03-02 17:45:11,Top-Up by *1234,200.00,0.00,GBP,COMPLETED,381.24",
         "CARD_PAYMENT,Current,2025-03-04 19:30:00,,Amazon,-25.00,0.00,GBP,REVERTED,",
         "EXCHANGE,Current,2025-03-05 10:00:00,2025-03-05 10:00:01,Exchanged to EUR,-100.00,0.50,GBP,COMPLETED,280.74",
         "CARD_PAYMENT,Current,2025-03-09 22:14:51,2025-03-10 09:02:13,Bolt,-9.40,0.00,GBP,COMPLETED,271.34"]
write("revolut.csv", "\n".join(lines) + "\n", newline="\n")
case("revolut", ["revolut.csv"], expect("Revolut Current", REV),
     [source("revolut.csv", "csv", "revolut", len(REV), "negative_out", "ymd")],
     problems=[{"file": "revolut.csv", "line": 4, "code": "not_completed"}])

# ---------------------------------------------------------------- N26
N26 = [
    tx("2025-02-02", "REWE Markt GmbH", -37.84, None),
    tx("2025-02-03", "Stadtwerke Berlin", -61.00, None),
    tx("2025-02-27", "Hooli GmbH", 3105.77, None),
    tx("2025-02-28", "Wohnbau Vermietung GmbH", -980.00, None),
]
lines = ['"Date","Payee","Account number","Transaction type","Payment reference","Amount (EUR)","Amount (Foreign Currency)","Type Foreign Currency","Exchange Rate"']
for t in N26:
    ty = "Income" if t["amount"] > 0 else ("MasterCard Payment" if "REWE" in t["description"] else "Direct Debit")
    lines.append(",".join(q(x) for x in [t["date"], t["description"], "DE89370400440532013000" if t["amount"] > 0 or ty == "Direct Debit" else "", ty, "", plain(t["amount"]), "", "", ""]))
write("n26.csv", "\n".join(lines) + "\n", newline="\n")
case("n26", ["n26.csv"], expect("N26", N26),
     [source("n26.csv", "csv", "n26", len(N26), "negative_out", "ymd")])

# ---------------------------------------------------------------- Barclays (UK)
# Number,Date,Account,Amount,Subcategory,Memo ; DD/MM/YYYY ; Memo holds the payee text.
BARC = [
    tx("2025-01-13", "TESCO STORES 3021 ON 12 JAN BCC", -31.07, None),
    tx("2025-01-15", "BRITISH GAS DDR", -72.00, None),
    tx("2025-01-24", "ACME LTD SALARY BGC", 2290.15, None),
    tx("2025-01-27", "HALIFAX MORTGAGE DDR", -845.60, None),
    tx("2025-01-29", "BARCLAYCARD DDR", -150.00, None),
]
lines = ["Number,Date,Account,Amount,Subcategory,Memo"]
subs = ["Debit", "Direct Debit", "Counter Credit", "Direct Debit", "Direct Debit"]
for t, s in zip(BARC, subs):
    memo = t["description"].replace(" ON ", "     ON ", 1) if "ON " in t["description"] else t["description"]
    lines.append(",".join(["", dmy(t["date"]), "20-32-06 43712345", plain(t["amount"]), s, memo]))
write("barclays.csv", "\n".join(lines) + "\n")
case("barclays", ["barclays.csv"], expect("Barclays 20-32-06 43712345", BARC),
     [source("barclays.csv", "csv", "barclays", len(BARC), "negative_out", "dmy")])

# ---------------------------------------------------------------- HSBC UK (Windows-1252)
# Date,Type,Description,Paid Out,Paid In,Balance ; DD/MM/YYYY ; both amount columns positive;
# the balance only on a day's last row; £ and é in cp1252.
HSBC = [
    tx("2025-02-03", "CAFÉ NERO 1123 LONDON", -3.40, None),
    tx("2025-02-03", "WAITROSE 0455", -48.91, None),
    tx("2025-02-25", "STARK INDUSTRIES LTD SALARY", 2640.00, None),
    tx("2025-02-26", "COUNCIL TAX LB CAMDEN £ INSTALMENT", -164.00, None),
    tx("2025-02-28", "FOXTONS RENT", -1450.00, None),
]
lines = ["Date,Type,Description,Paid Out,Paid In,Balance"]
kinds = [")))", "VIS", "CR", "DD", "SO"]
bal = 812.37
for n, (t, kind) in enumerate(zip(HSBC, kinds)):
    bal += t["amount"]
    out_, in_ = (plain(-t["amount"]), "") if t["amount"] < 0 else ("", plain(t["amount"]))
    last_of_day = n + 1 == len(HSBC) or HSBC[n + 1]["date"] != t["date"]
    lines.append(",".join([dmy(t["date"]), kind, q(t["description"]), out_, in_, plain(bal) if last_of_day else ""]))
write("hsbc-uk.csv", "\n".join(lines) + "\n", encoding="cp1252")
case("hsbc_uk", ["hsbc-uk.csv"], expect("HSBC UK", HSBC),
     [source("hsbc-uk.csv", "csv", "hsbc_uk", len(HSBC), "debit_credit", "dmy")],
     note="known by its header; DD/MM/YYYY (03/02 is 3 February); Paid Out is money out; Windows-1252")

# ---------------------------------------------------------------- No header: date, description, amount
# Any export of three columns with no header (older HSBC UK downloads are described this way on
# forums, unconfirmed): read as a generic shape, the day/month order decided from the rows.
DDA = [
    tx("2025-03-04", "WAITROSE 0455", -21.06, None),
    tx("2025-03-14", "STARK INDUSTRIES LTD SALARY", 2640.00, None),
    tx("2025-03-28", "FOXTONS RENT", -1450.00, None),
]
lines = [",".join([dmy(t["date"]), q(t["description"]), q(("-" if t["amount"] < 0 else "") + money(t["amount"]))]) for t in DDA]
write("date-description-amount.csv", "\n".join(lines) + "\n")
case("date_description_amount", ["date-description-amount.csv"], expect("date-description-amount", DDA),
     [source("date-description-amount.csv", "csv", "date_description_amount", len(DDA), "negative_out", "dmy")],
     note="no header: three columns date, description, amount; day first decided from 14/03 and 28/03")

# ---------------------------------------------------------------- Generic: semicolon, DD.MM.YYYY, decimal commas, BOM
EU = [
    tx("2025-01-31", "Mietzahlung Januar", -1234.56, None),
    tx("2025-01-15", "Gehalt Firma XY", 3456.78, None),
    tx("2025-01-04", "Edeka Center", -52.30, None),
]
lines = ["Date;Description;Amount"]
for t in EU:
    x = d(t["date"])
    amount = ("-" if t["amount"] < 0 else "") + money(t["amount"]).replace(",", " ").replace(".", ",").replace(" ", ".")
    lines.append(";".join([x.strftime("%d.%m.%Y"), t["description"], amount]))
write("generic-eu.csv", "\n".join(lines) + "\n", bom=True)
case("generic_eu", ["generic-eu.csv"], expect("generic-eu", EU),
     [source("generic-eu.csv", "csv", "generic", len(EU), "negative_out", "dmy")],
     note="UTF-8 BOM, semicolons, DD.MM.YYYY, 1.234,56")

# ---------------------------------------------------------------- Generic card export with charges positive
GPOS = [
    tx("2025-01-13", "JOES PIZZA", -24.00, None),
    tx("2025-01-14", "SHELL OIL 1234", -40.00, None),
    tx("2025-01-20", "PAYMENT THANK YOU", 200.00, None),
    tx("2025-01-22", "REFUND - JOES PIZZA", 8.00, None),
    tx("2025-01-23", "WALMART SUPERCENTER", -61.75, None),
]
lines = ["Date,Description,Amount"]
for t in GPOS:
    lines.append(",".join([mdy(t["date"]), t["description"], plain(-t["amount"])]))
write("generic-positive-charges.csv", "\n".join(lines) + "\n")
case("generic_positive_charges", ["generic-positive-charges.csv"], expect("generic-positive-charges", GPOS),
     [source("generic-positive-charges.csv", "csv", "generic", len(GPOS), "positive_charges", "mdy")],
     note="unknown layout: the payment and the refund are negative, so charges are positive: flipped")

# ---------------------------------------------------------------- Generic: CR/DR markers, parentheses, $
CRDR = [
    tx("2025-03-03", "SALARY MEGACORP", 2500.00, None),
    tx("2025-03-04", "WOOLWORTHS 1123", -45.10, None),
    tx("2025-03-18", "ELECTRICITY BILL", -120.00, None),
    tx("2025-03-21", "ATM WITHDRAWAL", -60.00, None),
]
rows = ["2025-03-03,SALARY MEGACORP,\"$2,500.00 CR\"", "2025-03-04,WOOLWORTHS 1123,45.10 DR",
        "2025-03-18,ELECTRICITY BILL,($120.00)", "2025-03-21,ATM WITHDRAWAL,-$60.00"]
write("generic-crdr.csv", "Date,Narrative,Amount\n" + "\n".join(rows) + "\n")
case("generic_crdr", ["generic-crdr.csv"], expect("generic-crdr", CRDR),
     [source("generic-crdr.csv", "csv", "generic", len(CRDR), "negative_out", "ymd")])

# ---------------------------------------------------------------- Generic: Paid out / Paid in columns
PAID = [
    tx("2025-02-04", "DIRECT DEBIT SKY DIGITAL", -45.00, None),
    tx("2025-02-06", "BANK GIRO CREDIT WAYNE ENT", 1900.00, None),
    tx("2025-02-19", "CARD PAYMENT TO ASDA", -27.35, None),
]
lines = ["Date,Transaction type,Description,Paid out,Paid in,Balance"]
bal = 500.0
for t in PAID:
    bal += t["amount"]
    out_, in_ = (plain(-t["amount"]), "") if t["amount"] < 0 else ("", plain(t["amount"]))
    lines.append(",".join([dmy(t["date"]), "DD" if t["amount"] < 0 else "BGC", t["description"], out_, in_, plain(bal)]))
write("generic-paid-out-in.csv", "\n".join(lines) + "\n")
case("generic_paid_out_in", ["generic-paid-out-in.csv"], expect("generic-paid-out-in", PAID),
     [source("generic-paid-out-in.csv", "csv", "generic", len(PAID), "debit_credit", "dmy")])

# ---------------------------------------------------------------- Generic: undecidable date order
UND = "Date,Description,Amount\n01/02/2025,GROCER,-10.00\n03/04/2025,CINEMA,-12.00\n05/06/2025,SALARY,1500.00\n"
write("generic-undecidable.csv", UND)
case("generic_undecidable", ["generic-undecidable.csv"], [],
     [source("generic-undecidable.csv", "csv", "generic", 0, "negative_out", None)],
     problems=[{"file": "generic-undecidable.csv", "line": None, "code": "date_order_undecided"}],
     note="every day is 12 or less: day/month order cannot be decided, nothing is guessed")
UND_DMY = [tx("2025-02-01", "GROCER", -10.00), tx("2025-04-03", "CINEMA", -12.00), tx("2025-06-05", "SALARY", 1500.00)]
case("generic_undecidable_dmy", ["generic-undecidable.csv"], expect("generic-undecidable", UND_DMY),
     [source("generic-undecidable.csv", "csv", "generic", 3, "negative_out", "dmy")],
     options={"overrides": {"generic-undecidable.csv": {"dateOrder": "dmy"}}},
     note="the person chose day-first")
case("chase_card_flipped", ["chase-card.csv"],
     expect("Chase card", [dict(t, amount=-t["amount"]) for t in CHASE_CARD]),
     [source("chase-card.csv", "csv", "chase_card", len(CHASE_CARD), "positive_charges", "mdy")],
     options={"overrides": {"chase-card.csv": {"flipSigns": True}}},
     note="the person flipped the signs")

# ---------------------------------------------------------------- Unknown layout
write("unknown.csv", "Foo,Bar,Baz\n1,2,3\n")
case("unknown_layout", ["unknown.csv"], [], [],
     problems=[{"file": "unknown.csv", "line": 1, "code": "unknown_layout"}],
     note="one clear error naming the columns found (Foo, Bar, Baz)")

# ---------------------------------------------------------------- OFX 1.x (SGML) and QFX, overlapping
def ofx_sgml(txs, start, end, balance, qfx=False):
    head = ["OFXHEADER:100", "DATA:OFXSGML", "VERSION:102", "SECURITY:NONE", "ENCODING:USASCII",
            "CHARSET:1252", "COMPRESSION:NONE", "OLDFILEUID:NONE", "NEWFILEUID:NONE", ""]
    body = ["<OFX>", "<SIGNONMSGSRSV1>", "<SONRS>", "<STATUS>", "<CODE>0", "<SEVERITY>INFO", "</STATUS>",
            "<DTSERVER>20250301120000[-5:EST]", "<LANGUAGE>ENG"]
    if qfx:
        body += ["<INTU.BID>10898"]
    body += ["</SONRS>", "</SIGNONMSGSRSV1>", "<BANKMSGSRSV1>", "<STMTTRNRS>", "<TRNUID>1", "<STATUS>", "<CODE>0",
             "<SEVERITY>INFO", "</STATUS>", "<STMTRS>", "<CURDEF>USD", "<BANKACCTFROM>", "<BANKID>322271627",
             "<ACCTID>000123456789", "<ACCTTYPE>CHECKING", "</BANKACCTFROM>", "<BANKTRANLIST>",
             f"<DTSTART>{start}", f"<DTEND>{end}"]
    for t in txs:
        body += ["<STMTTRN>", f"<TRNTYPE>{'CREDIT' if t['amount'] > 0 else 'DEBIT'}",
                 f"<DTPOSTED>{t['date'].replace('-', '')}120000[-5:EST]", f"<TRNAMT>{plain(t['amount'])}",
                 f"<FITID>{t['fitid']}"]
        if t.get("mcc"):
            body.append(f"<SIC>{t['mcc']}")
        body += [f"<NAME>{t['description'][:32]}", f"<MEMO>{t['description']}", "</STMTTRN>"]
    body += ["</BANKTRANLIST>", "<LEDGERBAL>", f"<BALAMT>{plain(balance)}", f"<DTASOF>{end}", "</LEDGERBAL>",
             "</STMTRS>", "</STMTTRNRS>", "</BANKMSGSRSV1>", "</OFX>"]
    return "\n".join(head + body) + "\n"


OFX_JAN = [
    tx("2025-01-02", "HOOLI INC DIRECT DEP", 2875.40, None, fitid="202501020001"),
    tx("2025-01-03", "SUNRISE PROPERTY MGMT RENT", -1650.00, None, fitid="202501030001"),
    tx("2025-01-09", "SAFEWAY STORE 1765", -82.17, None, fitid="202501090001", mcc="5411"),
    tx("2025-01-16", "HOOLI INC DIRECT DEP", 2875.40, None, fitid="202501160001"),
    tx("2025-01-27", "CITY WATER UTILITY", -48.20, None, fitid="202501270001", mcc="4900"),
    tx("2025-01-30", "HOOLI INC DIRECT DEP", 2875.40, None, fitid="202501300001"),
]
OFX_FEB = [
    tx("2025-01-27", "CITY WATER UTILITY", -48.20, None, fitid="202501270001", mcc="4900"),
    tx("2025-01-30", "HOOLI INC DIRECT DEP", 2875.40, None, fitid="202501300001"),
    tx("2025-02-03", "SUNRISE PROPERTY MGMT RENT", -1650.00, None, fitid="202502030001"),
    tx("2025-02-11", "SAFEWAY STORE 1765", -82.17, None, fitid="202502110001", mcc="5411"),
    tx("2025-02-11", "SAFEWAY STORE 1765", -82.17, None, fitid="202502110002", mcc="5411"),
    tx("2025-02-13", "HOOLI INC DIRECT DEP", 2875.40, None, fitid="202502130001"),
]
write("checking-jan.ofx", ofx_sgml(OFX_JAN, "20250101", "20250131", 6402.44), encoding="ascii")
write("checking-feb.qfx", ofx_sgml(OFX_FEB, "20250125", "20250228", 7545.67, qfx=True), encoding="ascii")
OFX_ACCT = "checking ending 6789"
case("ofx_qfx_overlap", ["checking-jan.ofx", "checking-feb.qfx"], expect(OFX_ACCT, OFX_JAN + OFX_FEB[2:]),
     [source("checking-jan.ofx", "ofx", "ofx_sgml", len(OFX_JAN), "negative_out", "ymd"),
      source("checking-feb.qfx", "qfx", "ofx_sgml", len(OFX_FEB), "negative_out", "ymd")],
     note="the same FITIDs in both files are one transaction; two SAFEWAY rows with their own FITIDs are two")

# ---------------------------------------------------------------- OFX 2.x (XML), credit card
CARD = [
    tx("2025-02-02", "TARGET T-1234", -64.18, None, fitid="FIT2025020201", mcc="5310"),
    tx("2025-02-06", "CHIPOTLE 0987", -12.45, None, fitid="FIT2025020601", mcc="5814"),
    tx("2025-02-15", "PAYMENT RECEIVED THANK YOU", 500.00, None, fitid="FIT2025021501"),
    tx("2025-02-20", "SPOTIFY P1A2B3C4D5", -11.99, None, fitid="FIT2025022001", mcc="5815"),
    tx("2025-02-25", "INTEREST CHARGE ON PURCHASES", -21.37, None, fitid="FIT2025022501"),
]
x = ['<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
     '<?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>',
     "<OFX>", "  <SIGNONMSGSRSV1><SONRS><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>",
     "    <DTSERVER>20250301083000.000[-5:EST]</DTSERVER><LANGUAGE>ENG</LANGUAGE></SONRS></SIGNONMSGSRSV1>",
     "  <CREDITCARDMSGSRSV1>", "    <CCSTMTTRNRS>", "      <TRNUID>0</TRNUID>",
     "      <STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>", "      <CCSTMTRS>",
     "        <CURDEF>USD</CURDEF>", "        <CCACCTFROM><ACCTID>4111111111114321</ACCTID></CCACCTFROM>",
     "        <BANKTRANLIST>", "          <DTSTART>20250201</DTSTART>", "          <DTEND>20250228</DTEND>"]
for t in CARD:
    x += ["          <STMTTRN>", f"            <TRNTYPE>{'CREDIT' if t['amount'] > 0 else 'DEBIT'}</TRNTYPE>",
          f"            <DTPOSTED>{t['date'].replace('-', '')}000000.000</DTPOSTED>",
          f"            <TRNAMT>{plain(t['amount'])}</TRNAMT>", f"            <FITID>{t['fitid']}</FITID>"]
    if t.get("mcc"):
        x.append(f"            <SIC>{t['mcc']}</SIC>")
    x += [f"            <NAME>{t['description'].replace('&', '&amp;')}</NAME>", "          </STMTTRN>"]
x += ["        </BANKTRANLIST>", "        <LEDGERBAL><BALAMT>-1524.36</BALAMT><DTASOF>20250228</DTASOF></LEDGERBAL>",
      "      </CCSTMTRS>", "    </CCSTMTTRNRS>", "  </CREDITCARDMSGSRSV1>", "</OFX>"]
write("card.ofx", "\n".join(x) + "\n", newline="\n")
case("ofx2_card", ["card.ofx"], expect("credit card ending 4321", CARD),
     [source("card.ofx", "ofx", "ofx_xml", len(CARD), "negative_out", "ymd")])

# ---------------------------------------------------------------- QIF
QIF = [
    tx("2025-01-05", "Kroger", -54.21, "Groceries"),
    tx("2025-01-15", "Employer Inc", 1820.00, "Salary"),
    tx("2025-01-18", "Comcast", -79.99, "Utilities:Cable"),
    tx("2025-01-20", "Landlord LLC", -1100.00, "Housing:Rent"),
]
q_lines = ["!Type:Bank",
           "D1/ 5'25", "T-54.21", "PKroger", "LGroceries", "^",
           "D01/15/2025", "T1,820.00", "PEmployer Inc", "MJanuary pay", "LSalary", "^",
           "D1/18'25", "T-79.99", "PComcast", "LUtilities:Cable", "^",
           "D1/20/25", "T-1,100.00", "N1043", "PLandlord LLC", "LHousing:Rent", "^"]
write("checking.qif", "\n".join(q_lines) + "\n")
case("qif", ["checking.qif"], expect("checking", QIF),
     [source("checking.qif", "qif", "qif_bank", len(QIF), "negative_out", "mdy")],
     note="Quicken dates (1/ 5'25, 01/15/2025, 1/20/25), thousands separators, L category kept")

# ---------------------------------------------------------------- three files of one household
case("household_three_files", ["chase-checking.csv", "chase-card.csv", "amex.csv"],
     expect("Chase checking", CHASE_CHK) + expect("Chase card", CHASE_CARD) + expect("American Express", AMEX),
     [source("chase-checking.csv", "csv", "chase_checking", len(CHASE_CHK), "negative_out", "mdy"),
      source("chase-card.csv", "csv", "chase_card", len(CHASE_CARD), "negative_out", "mdy"),
      source("amex.csv", "csv", "amex", len(AMEX), "positive_charges", "mdy")],
     note="three accounts, nothing in common: nothing deduplicated")

os.makedirs(OUT, exist_ok=True)
for name, data in files.items():
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump({"about": "Generated by make_fixtures.py: what importStatements must return for each case. "
               "Transactions sorted by date (ties in file then row order); problems compared by file, line and code.",
               "cases": cases}, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(len(files), "fixtures,", len(cases), "cases")
