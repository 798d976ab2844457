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
    /// A column whose `;`-separated field at this index is the merchant category code.
    pub mcc_field: Option<(&'static str, usize)>,
    /// A column naming the row's state: only `COMPLETED` rows happened.
    pub state_column: Option<&'static str>,
    /// A column of fees charged on top of the amount (money out too).
    pub fee_column: Option<&'static str>,
}

/// Where the amount is.
#[derive(Debug, Clone, Copy)]
pub enum Amount {
    /// One column.
    One(&'static str),
    /// Money out, money in.
    Two(&'static str, &'static str),
}

/// A layout whose description is `description`, amount `amount`, signed negative-out, and that
/// has no optional column; the methods below set the rest.
const fn layout(
    id: &'static str,
    account: &'static str,
    signature: &'static [&'static str],
    date: &'static str,
    dates: DateOrder,
) -> Layout {
    Layout {
        id,
        account,
        signature,
        date,
        description: &["description"],
        amount: Amount::One("amount"),
        signs: Signs::NegativeOut,
        dates,
        category: None,
        account_column: None,
        id_column: None,
        mcc_field: None,
        state_column: None,
        fee_column: None,
    }
}

impl Layout {
    const fn described_by(mut self, columns: &'static [&'static str]) -> Layout {
        self.description = columns;
        self
    }
    const fn amount_in(mut self, amount: Amount, signs: Signs) -> Layout {
        self.amount = amount;
        self.signs = signs;
        self
    }
    const fn signed(mut self, signs: Signs) -> Layout {
        self.signs = signs;
        self
    }
    const fn category(mut self, column: &'static str) -> Layout {
        self.category = Some(column);
        self
    }
    const fn account_in(mut self, column: &'static str) -> Layout {
        self.account_column = Some(column);
        self
    }
    const fn id_in(mut self, column: &'static str) -> Layout {
        self.id_column = Some(column);
        self
    }
    const fn mcc_in(mut self, column: &'static str, field: usize) -> Layout {
        self.mcc_field = Some((column, field));
        self
    }
    const fn completed_only(mut self, state: &'static str, fee: &'static str) -> Layout {
        self.state_column = Some(state);
        self.fee_column = Some(fee);
        self
    }
}

use DateOrder::{Dmy, Mdy, Ymd};
use Signs::{DebitCredit, PositiveCharges};

/// Every known layout with a header (tests/import/LAYOUTS.md gives each one's source). Order
/// matters only where one signature contains another (none does today).
pub const LAYOUTS: &[Layout] = &[
    layout(
        "chase_card",
        "Chase card",
        &["transaction date", "post date", "description", "category", "type", "amount", "memo"],
        "transaction date",
        Mdy,
    )
    .category("category"),
    layout(
        "chase_checking",
        "Chase checking",
        &["details", "posting date", "description", "amount", "type", "balance"],
        "posting date",
        Mdy,
    ),
    layout(
        "amex",
        "American Express",
        &["date", "description", "amount", "extended details", "appears on your statement as"],
        "date",
        Mdy,
    )
    .signed(PositiveCharges)
    .category("category"),
    layout("amex", "American Express", &["date", "description", "card member", "account #", "amount"], "date", Mdy)
        .signed(PositiveCharges)
        .category("category"),
    layout(
        "capital_one",
        "Capital One card",
        &["transaction date", "posted date", "card no.", "description", "category", "debit", "credit"],
        "transaction date",
        Ymd,
    )
    .amount_in(Amount::Two("debit", "credit"), DebitCredit)
    .category("category")
    .account_in("card no."),
    layout(
        "discover",
        "Discover",
        &["trans. date", "post date", "description", "amount", "category"],
        "trans. date",
        Mdy,
    )
    .signed(PositiveCharges)
    .category("category"),
    layout("citi", "Citi", &["status", "date", "description", "debit", "credit"], "date", Mdy)
        .amount_in(Amount::Two("debit", "credit"), DebitCredit),
    layout("bofa_checking", "Bank of America", &["date", "description", "amount", "running bal."], "date", Mdy),
    layout(
        "apple_card",
        "Apple Card",
        &["transaction date", "clearing date", "description", "merchant", "category", "type", "amount (usd)"],
        "transaction date",
        Mdy,
    )
    .amount_in(Amount::One("amount (usd)"), PositiveCharges)
    .category("category"),
    // U.S. Bank writes ISO dates; a year-first order still reads an `M/D/YYYY` date month-first.
    layout("us_bank", "U.S. Bank", &["date", "transaction", "name", "memo", "amount"], "date", Ymd)
        .described_by(&["name"])
        .mcc_in("memo", 1),
    layout(
        "monzo",
        "Monzo",
        &["transaction id", "date", "time", "type", "name", "category", "amount", "currency"],
        "date",
        Dmy,
    )
    .described_by(&["name", "description"])
    .category("category")
    .id_in("transaction id"),
    layout(
        "starling",
        "Starling",
        &["date", "counter party", "reference", "type", "amount (gbp)", "balance (gbp)"],
        "date",
        Dmy,
    )
    .described_by(&["counter party", "reference"])
    .amount_in(Amount::One("amount (gbp)"), Signs::NegativeOut)
    .category("spending category"),
    layout(
        "revolut",
        "Revolut",
        &["type", "product", "started date", "completed date", "description", "amount", "fee", "currency", "state"],
        "started date",
        Ymd,
    )
    .account_in("product")
    .completed_only("state", "fee"),
    layout(
        "n26",
        "N26",
        &["date", "payee", "account number", "transaction type", "payment reference", "amount (eur)"],
        "date",
        Ymd,
    )
    .described_by(&["payee", "payment reference"])
    .amount_in(Amount::One("amount (eur)"), Signs::NegativeOut)
    .category("category"),
    layout("barclays", "Barclays", &["number", "date", "account", "amount", "subcategory", "memo"], "date", Dmy)
        .described_by(&["memo"])
        .account_in("account"),
    layout("hsbc_uk", "HSBC UK", &["date", "type", "description", "paid out", "paid in", "balance"], "date", Dmy)
        .amount_in(Amount::Two("paid out", "paid in"), DebitCredit),
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
