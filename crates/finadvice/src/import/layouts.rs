//! The bank layouts recognized by their header (see `tests/import/LAYOUTS.md` for each one's
//! columns, sign convention and source).

use super::dates::DateOrder;

/// How a layout writes money in and out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signs {
    /// One signed column, negative = money out.
    NegativeOut,
    /// One signed column, a purchase positive (card exports): negated on reading.
    PositiveCharges,
    /// Two columns, money out and money in.
    DebitCredit,
    /// Not known from the layout: decided from the file's evidence.
    Evidence,
}

/// A known layout: its header columns (lower case, as the bank writes them) and their roles.
#[derive(Debug)]
pub struct Layout {
    /// Stable id reported in `sources[].layout`.
    pub id: &'static str,
    /// The account name given to its transactions (an account column's value is appended).
    pub account: &'static str,
    /// Columns that must all be in the header for the layout to be recognized.
    pub signature: &'static [&'static str],
    /// The date column.
    pub date: &'static str,
    /// The description column(s), first non-empty wins.
    pub description: &'static [&'static str],
    /// The amount column, or (debit, credit) columns.
    pub amount: Amount,
    /// How it signs amounts.
    pub signs: Signs,
    /// Its date order.
    pub dates: DateOrder,
    /// The bank's own category column.
    pub category: Option<&'static str>,
    /// A column whose value names the account (card number, sort code and account).
    pub account_column: Option<&'static str>,
    /// A column holding the bank's unique transaction id.
    pub id_column: Option<&'static str>,
}

/// Where the amount is.
#[derive(Debug, Clone, Copy)]
pub enum Amount {
    /// One column.
    One(&'static str),
    /// Money out, money in.
    Two(&'static str, &'static str),
}

/// Every known layout with a header. Order matters only where one signature contains another
/// (none does today).
pub const LAYOUTS: &[Layout] = &[
    Layout {
        id: "chase_card",
        account: "Chase card",
        signature: &["transaction date", "post date", "description", "category", "type", "amount", "memo"],
        date: "transaction date",
        description: &["description"],
        amount: Amount::One("amount"),
        signs: Signs::NegativeOut,
        dates: DateOrder::Mdy,
        category: Some("category"),
        account_column: None,
        id_column: None,
    },
    Layout {
        id: "chase_checking",
        account: "Chase checking",
        signature: &["details", "posting date", "description", "amount", "type", "balance"],
        date: "posting date",
        description: &["description"],
        amount: Amount::One("amount"),
        signs: Signs::NegativeOut,
        dates: DateOrder::Mdy,
        category: None,
        account_column: None,
        id_column: None,
    },
    Layout {
        id: "amex",
        account: "American Express",
        signature: &["date", "description", "amount", "extended details", "appears on your statement as"],
        date: "date",
        description: &["description"],
        amount: Amount::One("amount"),
        signs: Signs::PositiveCharges,
        dates: DateOrder::Mdy,
        category: Some("category"),
        account_column: None,
        id_column: None,
    },
    Layout {
        id: "amex",
        account: "American Express",
        signature: &["date", "description", "card member", "account #", "amount"],
        date: "date",
        description: &["description"],
        amount: Amount::One("amount"),
        signs: Signs::PositiveCharges,
        dates: DateOrder::Mdy,
        category: Some("category"),
        account_column: None,
        id_column: None,
    },
    Layout {
        id: "capital_one",
        account: "Capital One card",
        signature: &["transaction date", "posted date", "card no.", "description", "category", "debit", "credit"],
        date: "transaction date",
        description: &["description"],
        amount: Amount::Two("debit", "credit"),
        signs: Signs::DebitCredit,
        dates: DateOrder::Ymd,
        category: Some("category"),
        account_column: Some("card no."),
        id_column: None,
    },
    Layout {
        id: "discover",
        account: "Discover",
        signature: &["trans. date", "post date", "description", "amount", "category"],
        date: "trans. date",
        description: &["description"],
        amount: Amount::One("amount"),
        signs: Signs::PositiveCharges,
        dates: DateOrder::Mdy,
        category: Some("category"),
        account_column: None,
        id_column: None,
    },
    Layout {
        id: "citi",
        account: "Citi",
        signature: &["status", "date", "description", "debit", "credit"],
        date: "date",
        description: &["description"],
        amount: Amount::Two("debit", "credit"),
        signs: Signs::DebitCredit,
        dates: DateOrder::Mdy,
        category: None,
        account_column: None,
        id_column: None,
    },
    Layout {
        id: "bofa_checking",
        account: "Bank of America",
        signature: &["date", "description", "amount", "running bal."],
        date: "date",
        description: &["description"],
        amount: Amount::One("amount"),
        signs: Signs::NegativeOut,
        dates: DateOrder::Mdy,
        category: None,
        account_column: None,
        id_column: None,
    },
    Layout {
        id: "apple_card",
        account: "Apple Card",
        signature: &[
            "transaction date",
            "clearing date",
            "description",
            "merchant",
            "category",
            "type",
            "amount (usd)",
        ],
        date: "transaction date",
        description: &["description"],
        amount: Amount::One("amount (usd)"),
        signs: Signs::PositiveCharges,
        dates: DateOrder::Mdy,
        category: Some("category"),
        account_column: None,
        id_column: None,
    },
    Layout {
        id: "us_bank",
        account: "U.S. Bank",
        signature: &["date", "transaction", "name", "memo", "amount"],
        date: "date",
        description: &["name"],
        amount: Amount::One("amount"),
        signs: Signs::NegativeOut,
        dates: DateOrder::Mdy,
        category: None,
        account_column: None,
        id_column: None,
    },
    Layout {
        id: "monzo",
        account: "Monzo",
        signature: &["transaction id", "date", "time", "type", "name", "category", "amount", "currency"],
        date: "date",
        description: &["name", "description"],
        amount: Amount::One("amount"),
        signs: Signs::NegativeOut,
        dates: DateOrder::Dmy,
        category: Some("category"),
        account_column: None,
        id_column: Some("transaction id"),
    },
    Layout {
        id: "starling",
        account: "Starling",
        signature: &["date", "counter party", "reference", "type", "amount (gbp)", "balance (gbp)"],
        date: "date",
        description: &["counter party", "reference"],
        amount: Amount::One("amount (gbp)"),
        signs: Signs::NegativeOut,
        dates: DateOrder::Dmy,
        category: Some("spending category"),
        account_column: None,
        id_column: None,
    },
    Layout {
        id: "revolut",
        account: "Revolut",
        signature: &[
            "type",
            "product",
            "started date",
            "completed date",
            "description",
            "amount",
            "fee",
            "currency",
            "state",
        ],
        date: "started date",
        description: &["description"],
        amount: Amount::One("amount"),
        signs: Signs::NegativeOut,
        dates: DateOrder::Ymd,
        category: None,
        account_column: Some("product"),
        id_column: None,
    },
    Layout {
        id: "n26",
        account: "N26",
        signature: &["date", "payee", "account number", "transaction type", "payment reference", "amount (eur)"],
        date: "date",
        description: &["payee", "payment reference"],
        amount: Amount::One("amount (eur)"),
        signs: Signs::NegativeOut,
        dates: DateOrder::Ymd,
        category: Some("category"),
        account_column: None,
        id_column: None,
    },
    Layout {
        id: "barclays",
        account: "Barclays",
        signature: &["number", "date", "account", "amount", "subcategory", "memo"],
        date: "date",
        description: &["memo"],
        amount: Amount::One("amount"),
        signs: Signs::NegativeOut,
        dates: DateOrder::Dmy,
        category: None,
        account_column: Some("account"),
        id_column: None,
    },
];

/// Header names (lower case) of a date column in a file of no known layout.
pub const DATE: &[&str] = &[
    "date",
    "transaction date",
    "posting date",
    "posted date",
    "post date",
    "trans. date",
    "trans date",
    "booking date",
    "value date",
    "completed date",
    "started date",
];
/// Header names of a description column.
pub const DESCRIPTION: &[&str] = &[
    "description",
    "transaction description",
    "payee",
    "name",
    "merchant",
    "details",
    "narrative",
    "memo",
    "counter party",
    "partner name",
    "reference",
    "particulars",
    "desc",
];
/// Header names of a signed amount column.
pub const AMOUNT: &[&str] = &[
    "amount",
    "transaction amount",
    "amount (usd)",
    "amount (gbp)",
    "amount (eur)",
    "value",
    "amount (cad)",
    "amount (aud)",
];
/// Header names of a money-out column.
pub const DEBIT: &[&str] =
    &["debit", "debits", "withdrawal", "withdrawals", "money out", "paid out", "debit amount", "out", "spent"];
/// Header names of a money-in column.
pub const CREDIT: &[&str] =
    &["credit", "credits", "deposit", "deposits", "money in", "paid in", "credit amount", "in", "received"];
/// Header names of a running balance column (evidence for the sign convention).
pub const BALANCE: &[&str] = &["balance", "running balance", "running bal.", "balance (gbp)", "balance (usd)"];
/// Header names of a bank category column.
pub const CATEGORY: &[&str] = &["category", "spending category", "transaction category"];
