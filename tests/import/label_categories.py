#!/usr/bin/env python3
"""The true category of every fixture transaction (tests/import/categories.json), labelled by hand
from what each payee is, to measure the categorizer with and without the bank's category
(crates/finadvice/tests/import_categories.rs; results in models/MODEL_CARD.md).
Card-side payments ("PAYMENT THANK YOU") are transfers; the same payment seen from the paying
bank account is a debt payment (as training/merchants.py labels "CHASE CREDIT CRD AUTOPAY")."""
import json
import os

L = {
    "income": ["ACME CORP PAYROLL", "GLOBEX INC DES:PAYROLL", "INITECH LLC PAYROLL", "ELECTRONIC DEPOSIT UMBRELLA", "INITECH UK LTD",
               "Umbrella Ltd", "Hooli GmbH", "ACME LTD SALARY", "STARK INDUSTRIES LTD SALARY", "Gehalt Firma XY", "SALARY MEGACORP",
               "BANK GIRO CREDIT WAYNE ENT", "SALARY", "HOOLI INC DIRECT DEP", "Employer Inc", "MOBILE DEPOSIT"],
    "transfer": ["Payment Thank You-Mobile", "Payment Thank You-Web", "AUTOPAY PAYMENT - THANK YOU", "CAPITAL ONE AUTOPAY PYMT",
                 "DIRECTPAY FULL BALANCE", "AUTOPAY 250218 AUTOPAY AUTO-PMT", "ACH DEPOSIT INTERNET TRANSFER", "Top-Up by *1234",
                 "Exchanged to EUR", "PAYMENT THANK YOU", "PAYMENT RECEIVED THANK YOU"],
    "housing": ["ZELLE PAYMENT TO OAKWOOD APARTMENTS", "WELLS FARGO HOME MTG", "Lewis Property Lettings", "Wohnbau Vermietung GmbH",
                "HALIFAX MORTGAGE DDR", "FOXTONS RENT", "Mietzahlung Januar", "SUNRISE PROPERTY MGMT RENT", "Landlord LLC",
                ],
    "utilities": ["PG&E WEBONLINE", "DUKE ENERGY", "VERIZON WIRELESS", "XCEL ENERGY-NSP", "Octopus Energy", "Thames Water",
                  "Vodafone", "Stadtwerke Berlin", "BRITISH GAS DDR", "ELECTRICITY BILL", "CITY WATER UTILITY",
                  "AT&T *PAYMENT", "COMCAST CABLE COMM", "Comcast"],
    "groceries": ["WHOLEFDS MKT", "TRADER JOE S", "SAFEWAY #1234", "KROGER #0412", "SCHNUCKS", "COSTCO WHSE", "PURCHASE AUTHORIZED ON 02/01 SAFEWAY",
                  "WHOLE FOODS MARKET", "DEBIT PURCHASE -VISA CUB FOODS", "CUB FOODS", "Tesco", "Sainsbury's", "Lidl", "REWE Markt", "TESCO STORES",
                  "WAITROSE", "Edeka Center", "WOOLWORTHS", "CARD PAYMENT TO ASDA", "GROCER", "SAFEWAY STORE", "Kroger",
                  "WALMART SUPERCENTER"],
    "dining": ["STARBUCKS", "BLUE BOTTLE COFFEE", "CHIPOTLE", "UBER EATS", "TST* SWEETGREEN", "PANERA BREAD", "UBER *EATS",
               "Pret A Manger", "Greggs", "CAFÉ NERO", "JOES PIZZA", "REFUND - JOES PIZZA"],
    "transport": ["HOLIDAY STATIONSTORE", "SHELL OIL", "UBER *TRIP", "EXXONMOBIL", "CHEVRON", "QT 123", "COSTCO GAS", "Transport for London", "Trainline", "Bolt"],
    "health": ["CVS/PHARMACY", "WALGREENS"],
    "insurance": ["GEICO"],
    "shopping": ["AMAZON MKTPL", "BEST BUY", "TARGET T-1234"],
    "entertainment": ["AMC THEATRES", "CINEMA"],
    "subscriptions": ["NETFLIX.COM", "SPOTIFY", "HULU", "APPLE.COM/BILL", "Netflix", "DIRECT DEBIT SKY DIGITAL"],
    "travel": ["DELTA AIR LINES"],
    "fees": ["ANNUAL MEMBERSHIP FEE", "INTEREST CHARGE ON PURCHASES", "COUNCIL TAX LB CAMDEN"],
    "debt_payment": ["CHASE CREDIT CRD AUTOPAY", "NAVIENT ED LOAN", "BANK OF AMERICA CREDIT CARD", "TOYOTA FINANCIAL",
                     "DISCOVER E-PAYMENT", "WEB AUTHORIZED PMT SALLIE MAE", "BARCLAYCARD DDR"],
    "cash": ["ATM WITHDRAWAL"],
    "other": ["CHECK 1042", "CHECK # 2051", "CASHBACK BONUS REDEMPTION", "DAILY CASH ADJUSTMENT"],
}

here = os.path.dirname(os.path.abspath(__file__))
cases = json.load(open(os.path.join(here, "cases.json")))["cases"]
truth = {}
for case in cases:
    for t in case["expect"]["transactions"]:
        d = t["description"]
        # The longest matching prefix wins ("SALARY" vs "SALARY MEGACORP").
        matches = [(len(p), c) for c, ps in L.items() for p in ps if d.startswith(p)]
        if not matches:
            raise SystemExit(f"no label for {d!r}")
        truth[d] = max(matches)[1]
with open(os.path.join(here, "categories.json"), "w") as f:
    json.dump(truth, f, indent=1, ensure_ascii=False, sort_keys=True)
    f.write("\n")
print(len(truth), "labelled")
