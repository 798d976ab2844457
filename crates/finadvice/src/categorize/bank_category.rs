//! The bank's own category (and a merchant category code) as evidence for the categorizer.
//!
//! Each known bank taxonomy (Chase, American Express, Capital One, Discover, Apple Card, Monzo,
//! Starling, QIF categories) and the MCC ranges of ISO 18245 map to a distribution over our
//! categories: one category where the bank's is unambiguous, several where it is not (Chase
//! "Bills & Utilities" covers utilities, phone and streaming subscriptions, and insurance).
//!
//! **Combination rule** (documented in models/MODEL_CARD.md): the bank's label is treated as an
//! independent, noisy observation of the true category, right with probability `RELIABILITY`:
//! `p(c) ∝ p_model(c) · (RELIABILITY · p_bank(c) + (1 − RELIABILITY) / 20)`, then normalized.
//! A confident model still overrides a wrong bank label; an unsure model is decided by the bank.
//! The person's corrections come first (the merchant memory, unchanged) and also teach the
//! mapping ([`BankMemory::learn`]): a bank label the person corrected moves toward the category
//! they chose.

use super::category::Category;
use std::collections::HashMap;

/// How often a bank's label is taken to be right (0.8: the taxonomies are coarse and banks
/// label by merchant code, which is wrong for some merchants).
pub const RELIABILITY: f32 = 0.8;
/// Classes of the model's output.
const CLASSES: usize = Category::MODEL_CLASSES.len();

/// A distribution over the model's classes.
pub type Distribution = [f32; CLASSES];

fn index(category: Category) -> usize {
    Category::MODEL_CLASSES.iter().position(|c| *c == category).unwrap_or(CLASSES - 1)
}

fn spread(parts: &[(Category, f32)]) -> Distribution {
    let mut d = [0.0; CLASSES];
    for (category, weight) in parts {
        d[index(*category)] += weight;
    }
    let total: f32 = d.iter().sum();
    if total > 0.0 {
        d.iter_mut().for_each(|x| *x /= total);
    }
    d
}

use Category::*;

/// Categories with their weights (normalized by [`spread`]).
type Parts = &'static [(Category, f32)];

/// Bank labels, normalized (lower case, `&` as `and`, other punctuation as spaces), to
/// categories. Names shared by several banks ("groceries", "restaurants") appear once.
const LABELS: &[(&str, Parts)] = &[
    // Chase cards.
    ("food and drink", &[(Dining, 1.0)]),
    ("groceries", &[(Groceries, 1.0)]),
    ("gas", &[(Transport, 1.0)]),
    ("travel", &[(Travel, 0.6), (Transport, 0.4)]),
    ("shopping", &[(Shopping, 1.0)]),
    ("entertainment", &[(Entertainment, 0.6), (Subscriptions, 0.4)]),
    ("bills and utilities", &[(Utilities, 0.5), (Subscriptions, 0.3), (Insurance, 0.2)]),
    ("health and wellness", &[(Health, 0.7), (PersonalCare, 0.3)]),
    ("personal", &[(PersonalCare, 0.6), (Shopping, 0.4)]),
    ("home", &[(Shopping, 0.6), (Housing, 0.4)]),
    ("automotive", &[(Transport, 1.0)]),
    ("education", &[(Education, 1.0)]),
    ("fees and adjustments", &[(Fees, 0.7), (Transfer, 0.3)]),
    ("gifts and donations", &[(GiftsDonations, 1.0)]),
    ("professional services", &[(Other, 0.6), (Fees, 0.4)]),
    // American Express (Group-Subgroup: the subgroup is tried first, then the group).
    ("restaurant", &[(Dining, 1.0)]),
    ("merchandise and supplies", &[(Shopping, 1.0)]),
    ("fuel", &[(Transport, 1.0)]),
    ("transportation", &[(Transport, 0.8), (Travel, 0.2)]),
    ("airline", &[(Travel, 1.0)]),
    ("lodging", &[(Travel, 1.0)]),
    ("theatrical events", &[(Entertainment, 1.0)]),
    ("communications", &[(Utilities, 0.6), (Subscriptions, 0.4)]),
    ("business services", &[(Other, 0.5), (Subscriptions, 0.5)]),
    // Capital One.
    ("dining", &[(Dining, 1.0)]),
    ("grocery", &[(Groceries, 1.0)]),
    ("gas automotive", &[(Transport, 1.0)]),
    ("merchandise", &[(Shopping, 1.0)]),
    ("payment credit", &[(Transfer, 0.8), (DebtPayment, 0.2)]),
    ("health care", &[(Health, 1.0)]),
    ("phone cable", &[(Utilities, 0.6), (Subscriptions, 0.4)]),
    ("internet", &[(Utilities, 1.0)]),
    ("insurance", &[(Insurance, 1.0)]),
    ("car rental", &[(Travel, 1.0)]),
    ("airfare", &[(Travel, 1.0)]),
    ("fee interest charge", &[(Fees, 1.0)]),
    ("other services", &[(Other, 1.0)]),
    // Discover.
    ("restaurants", &[(Dining, 1.0)]),
    ("supermarkets", &[(Groceries, 1.0)]),
    ("gasoline", &[(Transport, 1.0)]),
    ("services", &[(Utilities, 0.4), (Subscriptions, 0.3), (Other, 0.3)]),
    ("travel entertainment", &[(Travel, 0.5), (Entertainment, 0.5)]),
    ("payments and credits", &[(Transfer, 0.8), (DebtPayment, 0.2)]),
    ("awards and rebate credits", &[(Other, 1.0)]),
    ("medical services", &[(Health, 1.0)]),
    ("government services", &[(Fees, 1.0)]),
    ("department stores", &[(Shopping, 1.0)]),
    ("home improvement", &[(Shopping, 0.7), (Housing, 0.3)]),
    ("warehouse clubs", &[(Groceries, 0.6), (Shopping, 0.4)]),
    ("interest", &[(Fees, 1.0)]),
    ("fees", &[(Fees, 1.0)]),
    // Apple Card.
    ("medical", &[(Health, 1.0)]),
    ("utilities", &[(Utilities, 1.0)]),
    ("hotels", &[(Travel, 1.0)]),
    ("airlines", &[(Travel, 1.0)]),
    ("payment", &[(Transfer, 0.8), (DebtPayment, 0.2)]),
    ("installment", &[(Shopping, 1.0)]),
    // Monzo.
    ("eating out", &[(Dining, 1.0)]),
    ("transport", &[(Transport, 1.0)]),
    ("bills", &[(Utilities, 0.4), (Housing, 0.25), (Subscriptions, 0.2), (Insurance, 0.15)]),
    ("income", &[(Income, 1.0)]),
    ("transfers", &[(Transfer, 1.0)]),
    ("personal care", &[(PersonalCare, 1.0)]),
    ("holidays", &[(Travel, 1.0)]),
    ("charity", &[(GiftsDonations, 1.0)]),
    ("gifts", &[(GiftsDonations, 1.0)]),
    ("finances", &[(DebtPayment, 0.5), (Fees, 0.3), (Transfer, 0.2)]),
    ("cash", &[(Cash, 1.0)]),
    ("savings", &[(Transfer, 1.0)]),
    // Starling (its API's names, underscores as spaces).
    ("bills and services", &[(Utilities, 0.5), (Subscriptions, 0.3), (Insurance, 0.2)]),
    ("lifestyle", &[(Entertainment, 0.5), (Shopping, 0.5)]),
    ("payments", &[(Transfer, 1.0)]),
    ("saving", &[(Transfer, 1.0)]),
    ("coffee", &[(Dining, 1.0)]),
    ("pets", &[(Shopping, 1.0)]),
    // QIF (Quicken's default category names).
    ("salary", &[(Income, 1.0)]),
    ("rent", &[(Housing, 1.0)]),
    ("housing", &[(Housing, 1.0)]),
    ("mortgage", &[(Housing, 1.0)]),
    ("cable", &[(Subscriptions, 0.6), (Utilities, 0.4)]),
    ("dining out", &[(Dining, 1.0)]),
    ("auto", &[(Transport, 1.0)]),
    ("subscriptions", &[(Subscriptions, 1.0)]),
];

/// MCC ranges (ISO 18245, as listed in the card networks' merchant guides) to categories.
const MCC: &[(u16, u16, Parts)] = &[
    (3000, 3299, &[(Travel, 1.0)]),                          // airlines
    (3351, 3441, &[(Travel, 1.0)]),                          // car rental
    (3501, 3999, &[(Travel, 1.0)]),                          // lodging
    (4011, 4131, &[(Transport, 1.0)]),                       // rail, commuter, taxis, buses
    (4411, 4411, &[(Travel, 1.0)]),                          // cruise lines
    (4511, 4511, &[(Travel, 1.0)]),                          // airlines
    (4722, 4722, &[(Travel, 1.0)]),                          // travel agencies
    (4784, 4784, &[(Transport, 1.0)]),                       // tolls
    (4812, 4814, &[(Utilities, 0.6), (Subscriptions, 0.4)]), // telecom
    (4899, 4899, &[(Subscriptions, 0.6), (Utilities, 0.4)]), // cable, satellite, streaming
    (4900, 4900, &[(Utilities, 1.0)]),                       // electric, gas, water
    (5200, 5299, &[(Shopping, 0.8), (Housing, 0.2)]),        // home supply
    (5300, 5399, &[(Shopping, 0.6), (Groceries, 0.4)]),      // discount and department stores
    (5411, 5411, &[(Groceries, 1.0)]),
    (5422, 5499, &[(Groceries, 1.0)]), // meat, candy, dairy, bakeries, convenience
    (5541, 5542, &[(Transport, 1.0)]), // fuel
    (5600, 5699, &[(Shopping, 1.0)]),  // apparel
    (5700, 5799, &[(Shopping, 1.0)]),  // furniture, electronics, music
    (5811, 5814, &[(Dining, 1.0)]),
    (5815, 5818, &[(Subscriptions, 0.6), (Entertainment, 0.4)]), // digital goods
    (5912, 5912, &[(Health, 0.6), (PersonalCare, 0.2), (Shopping, 0.2)]), // drug stores
    (5900, 5999, &[(Shopping, 1.0)]),                            // other retail (after 5912)
    (6010, 6011, &[(Cash, 1.0)]),
    (6300, 6399, &[(Insurance, 1.0)]),
    (6513, 6513, &[(Housing, 1.0)]),
    (7011, 7011, &[(Travel, 1.0)]),
    (7230, 7298, &[(PersonalCare, 1.0)]),
    (7512, 7512, &[(Travel, 1.0)]),
    (7523, 7523, &[(Transport, 1.0)]), // parking
    (7832, 7999, &[(Entertainment, 1.0)]),
    (8011, 8099, &[(Health, 1.0)]),
    (8211, 8299, &[(Education, 1.0)]),
    (8398, 8398, &[(GiftsDonations, 1.0)]),
    (8661, 8661, &[(GiftsDonations, 1.0)]),
    (9211, 9399, &[(Fees, 1.0)]), // courts, fines, taxes, government
];

/// A bank label as the table spells it.
pub fn normalize(label: &str) -> String {
    let lower = label.to_lowercase().replace('&', " and ");
    lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn lookup(label: &str) -> Option<Distribution> {
    LABELS.iter().find(|(name, _)| *name == label).map(|(_, parts)| spread(parts))
}

/// The distribution a bank label gives, trying the whole label, then its parts (Amex
/// `Restaurant-Restaurant`, QIF `Utilities:Cable`: the more specific part first).
pub fn from_label(label: &str) -> Option<Distribution> {
    let whole = normalize(label);
    if whole.is_empty() {
        return None;
    }
    if let Some(d) = lookup(&whole) {
        return Some(d);
    }
    let parts: Vec<String> = label.split(['-', ':', '/']).map(normalize).filter(|p| !p.is_empty()).collect();
    parts.iter().rev().find_map(|p| lookup(p))
}

/// The distribution a merchant category code gives.
pub fn from_mcc(mcc: &str) -> Option<Distribution> {
    let code: u16 = mcc.trim().parse().ok()?;
    MCC.iter().find(|(lo, hi, _)| (*lo..=*hi).contains(&code)).map(|(_, _, parts)| spread(parts))
}

/// The evidence of a transaction: its bank label (learned mapping first) or else its MCC.
pub fn evidence(memory: &BankMemory, label: Option<&str>, mcc: Option<&str>) -> Option<Distribution> {
    label.and_then(|l| memory.distribution(l)).or_else(|| mcc.and_then(from_mcc))
}

/// Combines the model's probabilities with the bank's evidence (module documentation's rule).
pub fn combine(model: &[f32], bank: &Distribution) -> Distribution {
    let mut out = [0.0; CLASSES];
    let floor = (1.0 - RELIABILITY) / CLASSES as f32;
    for (i, slot) in out.iter_mut().enumerate() {
        *slot = model.get(i).copied().unwrap_or(0.0).max(0.0) * (RELIABILITY * bank[i] + floor);
    }
    let total: f32 = out.iter().sum();
    if total > 0.0 {
        out.iter_mut().for_each(|x| *x /= total);
    }
    out
}

/// What the person's corrections taught about bank labels: per normalized label, how often each
/// category was chosen. A label's distribution blends the table's with the corrections, each
/// correction counting as much as the table (so two corrections outweigh a wrong table entry).
#[derive(Debug, Clone, Default)]
pub struct BankMemory {
    taught: HashMap<String, [u32; CLASSES]>,
}

impl BankMemory {
    /// Records that a transaction the bank labelled `label` is `category`.
    pub fn learn(&mut self, label: &str, category: Category) {
        let key = normalize(label);
        if key.is_empty() || category == Category::Uncategorized {
            return;
        }
        self.taught.entry(key).or_insert([0; CLASSES])[index(category)] += 1;
    }

    /// The distribution for a label: the table's, moved toward what the person taught.
    pub fn distribution(&self, label: &str) -> Option<Distribution> {
        let table = from_label(label);
        let Some(counts) = self.taught.get(&normalize(label)) else { return table };
        let n: u32 = counts.iter().sum();
        let mut d = [0.0; CLASSES];
        for (i, slot) in d.iter_mut().enumerate() {
            let prior = table.map_or(0.0, |t| t[i]);
            *slot = (prior + counts[i] as f32) / (f32::from(u8::from(table.is_some())) + n as f32);
        }
        Some(d)
    }
}

/// One row to categorize with its evidence.
#[derive(Debug, Clone, Copy)]
pub struct EvidenceRow<'a> {
    /// The statement text.
    pub description: &'a str,
    /// Signed amount (negative = money out).
    pub amount: f64,
    /// The bank's category, as the export wrote it.
    pub bank_category: Option<&'a str>,
    /// The merchant category code.
    pub mcc: Option<&'a str>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn best(d: &Distribution) -> Category {
        let i = d.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)).unwrap().0;
        Category::MODEL_CLASSES[i]
    }

    #[test]
    fn labels_of_each_bank() {
        assert_eq!(best(&from_label("Food & Drink").unwrap()), Dining);
        assert_eq!(best(&from_label("Restaurant-Restaurant").unwrap()), Dining);
        assert_eq!(best(&from_label("Merchandise & Supplies-Groceries").unwrap()), Groceries);
        assert_eq!(best(&from_label("Gas/Automotive").unwrap()), Transport);
        assert_eq!(best(&from_label("EATING_OUT").unwrap()), Dining);
        assert_eq!(best(&from_label("Utilities:Cable").unwrap()), Subscriptions);
        let bills = from_label("Bills & Utilities").unwrap();
        assert!(bills[index(Utilities)] > 0.4 && bills[index(Subscriptions)] > 0.2 && bills[index(Insurance)] > 0.1);
        assert!(from_label("Other").is_none() && from_label("").is_none() && from_label("General").is_none());
    }

    #[test]
    fn mcc_ranges() {
        assert_eq!(best(&from_mcc("5411").unwrap()), Groceries);
        assert_eq!(best(&from_mcc("5814").unwrap()), Dining);
        assert_eq!(best(&from_mcc("3012").unwrap()), Travel);
        assert_eq!(best(&from_mcc("5912").unwrap()), Health);
        assert!(from_mcc("0000").is_none() && from_mcc("abc").is_none());
    }

    #[test]
    fn combination_lets_a_confident_model_win_and_a_bank_decide_an_unsure_one() {
        let mut unsure = [0.05; CLASSES];
        unsure[index(Shopping)] = 0.1;
        let d = combine(&unsure, &from_label("Groceries").unwrap());
        assert_eq!(best(&d), Groceries);
        assert!((d.iter().sum::<f32>() - 1.0).abs() < 1e-5);
        let mut sure = [0.001; CLASSES];
        sure[index(Subscriptions)] = 0.98;
        assert_eq!(best(&combine(&sure, &from_label("Entertainment").unwrap())), Subscriptions);
    }

    #[test]
    fn corrections_teach_the_mapping() {
        let mut memory = BankMemory::default();
        assert_eq!(best(&memory.distribution("Entertainment").unwrap()), Entertainment);
        memory.learn("Entertainment", Subscriptions);
        memory.learn("ENTERTAINMENT", Subscriptions);
        assert_eq!(best(&memory.distribution("Entertainment").unwrap()), Subscriptions);
        memory.learn("Zzz unknown", Fees);
        assert_eq!(best(&memory.distribution("zzz unknown").unwrap()), Fees);
    }
}
