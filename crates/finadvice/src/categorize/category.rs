//! The spending categories. Their ids (snake_case strings) are public API: they appear in reports,
//! in the merchant memory and in rule conditions, and index the model's output in this order.

use serde::{Serialize, Serializer};

/// A transaction category. `Uncategorized` is never predicted by the model: it is what a row gets
/// when the model is not confident enough, so the person can be asked instead of guessed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(missing_docs)] // the names say it; ALL documents the ids
#[cfg_attr(test, derive(ts_rs::TS), ts(export, rename_all = "snake_case"))]
pub enum Category {
    Income,
    Transfer,
    Housing,
    Utilities,
    Groceries,
    Dining,
    Transport,
    Health,
    PersonalCare,
    Insurance,
    Shopping,
    Entertainment,
    Subscriptions,
    Travel,
    Education,
    Fees,
    DebtPayment,
    GiftsDonations,
    Cash,
    Other,
    Uncategorized,
}

/// How a category counts in the essential/discretionary split of spending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpendingKind {
    /// Spending that cannot easily be skipped (housing, utilities, groceries, …).
    Essential,
    /// Spending that could be cut (dining, shopping, travel, …); unknown spending counts here.
    Discretionary,
    /// Not spending: income, transfers between own accounts, debt payments (counted via debts).
    NotSpending,
}

impl Category {
    /// The model's classes, in the order of its output (index = class id).
    pub const MODEL_CLASSES: [Category; 20] = [
        Category::Income,
        Category::Transfer,
        Category::Housing,
        Category::Utilities,
        Category::Groceries,
        Category::Dining,
        Category::Transport,
        Category::Health,
        Category::PersonalCare,
        Category::Insurance,
        Category::Shopping,
        Category::Entertainment,
        Category::Subscriptions,
        Category::Travel,
        Category::Education,
        Category::Fees,
        Category::DebtPayment,
        Category::GiftsDonations,
        Category::Cash,
        Category::Other,
    ];

    /// Every category: the model's classes in their order, then `Uncategorized`
    /// ([`Category::index`] is the position here).
    pub const ALL: [Category; 21] = {
        let mut all = [Category::Uncategorized; 21];
        let mut i = 0;
        while i < 20 {
            all[i] = Category::MODEL_CLASSES[i];
            i += 1;
        }
        all
    };

    /// The position in [`Category::ALL`] (the model's class id for a model class): the
    /// declaration order, which is the model's (checked by the tests).
    pub fn index(self) -> u8 {
        self as u8
    }

    /// The public id (`"personal_care"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Income => "income",
            Category::Transfer => "transfer",
            Category::Housing => "housing",
            Category::Utilities => "utilities",
            Category::Groceries => "groceries",
            Category::Dining => "dining",
            Category::Transport => "transport",
            Category::Health => "health",
            Category::PersonalCare => "personal_care",
            Category::Insurance => "insurance",
            Category::Shopping => "shopping",
            Category::Entertainment => "entertainment",
            Category::Subscriptions => "subscriptions",
            Category::Travel => "travel",
            Category::Education => "education",
            Category::Fees => "fees",
            Category::DebtPayment => "debt_payment",
            Category::GiftsDonations => "gifts_donations",
            Category::Cash => "cash",
            Category::Other => "other",
            Category::Uncategorized => "uncategorized",
        }
    }

    /// Parses a public id; `None` for anything else (including `uncategorized`, which a person
    /// cannot teach).
    pub fn from_id(id: &str) -> Option<Category> {
        Category::MODEL_CLASSES.iter().copied().find(|c| c.as_str() == id)
    }

    /// The allowed ids, for error messages.
    pub fn ids_list() -> String {
        Category::MODEL_CLASSES.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ")
    }

    /// Whether money out in this category is essential, discretionary or not spending at all.
    pub fn spending_kind(self) -> SpendingKind {
        use Category::*;
        match self {
            Housing | Utilities | Groceries | Transport | Health | Insurance | Education | Fees => {
                SpendingKind::Essential
            }
            Income | Transfer | DebtPayment => SpendingKind::NotSpending,
            Dining | PersonalCare | Shopping | Entertainment | Subscriptions | Travel | GiftsDonations | Cash
            | Other | Uncategorized => SpendingKind::Discretionary,
        }
    }
}

impl Serialize for Category {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_match_the_training_order() {
        for (index, c) in Category::MODEL_CLASSES.iter().enumerate() {
            assert_eq!(Category::from_id(c.as_str()), Some(*c));
            assert_eq!(Category::MODEL_CLASSES[index], *c);
        }
        for (index, c) in Category::ALL.iter().enumerate() {
            assert_eq!(usize::from(c.index()), index, "{c:?}");
        }
        assert_eq!(Category::ALL[20], Category::Uncategorized);
        assert_eq!(Category::from_id("uncategorized"), None);
        assert_eq!(Category::from_id("Dining"), None);
        // training/merchants.py lists CATEGORIES first: the first mention of each id must come in this order.
        let training = include_str!("../../../../training/merchants.py");
        let positions: Vec<Option<usize>> =
            Category::MODEL_CLASSES.iter().map(|c| training.find(&format!("\"{}\"", c.as_str()))).collect();
        assert!(positions.iter().all(Option::is_some), "{positions:?}");
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    }
}
