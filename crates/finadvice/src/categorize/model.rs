//! The categorization model: loading an ONNX file with tract, checking it against the contract,
//! and running it on a batch of statement lines. Every failure is an [`Issue`] with code `model`
//! (never a panic on a malformed or mismatched file).
//!
//! The contract a model must follow (the shipped `models/categorizer.onnx` does):
//! * input 0 `ids`: i64 `[batch, MAX_FEATURES]`, ids from [`super::featurize::featurize`] (padding 0);
//! * input 1 `weights`: f32 `[batch, MAX_FEATURES]`, 1/count for each real id, 0 for padding;
//! * output 0: f32 `[batch, 20]` probabilities over [`Category::MODEL_CLASSES`], rows summing to 1;
//! * every `Gather` must index a table of at least [`BUCKETS`] rows (ids are never out of range).

use super::category::Category;
use super::featurize::{amount_ids, AmountIds, Scratch, BUCKETS, MAX_FEATURES};
use crate::error::{ErrorCode, Issue};
use crate::limits::MAX_MODEL_BYTES;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use tract_hir::prelude::*;
use tract_hir::tract_core::internal::DimLike;

/// The shipped model, trained by `training/train.py` (see `models/MODEL_CARD.md`).
pub const DEFAULT_MODEL: &[u8] = include_bytes!("../../../../models/categorizer.onnx");

/// Probabilities per row: one per [`Category::MODEL_CLASSES`].
const CLASSES: usize = Category::MODEL_CLASSES.len();

/// SHA-256 of [`DEFAULT_MODEL`], written here because hashing the file is several milliseconds of a
/// cold page's first `new Advisor()` in wasm; `default_model_hash_is_current` keeps it true.
const DEFAULT_MODEL_SHA256: &str = "b0102e7af509ab9ac63e18018b5db0155ccdca4ed5da2adbb2580f22abece499";

/// Below this probability a row is `uncategorized` (asked about, never guessed).
pub const CONFIDENCE_THRESHOLD: f32 = 0.5;

/// Most rows per tract run. Larger inputs are run in chunks of this size: the embedding bag
/// materializes `[rows, MAX_FEATURES, 16]` floats (8 KiB per row), and wasm memory never shrinks.
pub const MAX_BATCH_ROWS: usize = 2048;

/// What is known about the model in use, reported in the report's `versions.model`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct ModelInfo {
    /// `"default"` for the shipped model, `"custom"` for one given in the options.
    pub source: &'static str,
    /// Lower-case hex SHA-256 of the ONNX file, so a report names the exact model.
    pub sha256: String,
    /// Size of the ONNX file in bytes.
    pub bytes: usize,
}

/// One row's prediction.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prediction {
    /// The most probable category, or `Uncategorized` below [`CONFIDENCE_THRESHOLD`].
    pub category: Category,
    /// The model's probability for its most probable category (0 when it gave no number).
    pub confidence: f32,
}

/// A loaded, checked and optimized model, ready to run any number of rows.
#[derive(Debug, Clone)]
pub struct Categorizer {
    plan: Arc<TypedSimplePlan>,
    info: ModelInfo,
}

/// The shipped model once prepared ([`Categorizer::default_model`]).
static LOADED: OnceLock<Categorizer> = OnceLock::new();

fn model_issue(message: impl Into<String>) -> Issue {
    Issue::new(ErrorCode::Model, "/model", message)
}

impl Categorizer {
    /// The shipped model. It is loaded once per process (or page) and shared by every advisor,
    /// and not probed like [`Categorizer::custom`] (the tests run it): a cold page's first
    /// `new Advisor()` pays for neither the probe nor hashing the file.
    pub fn default_model() -> Result<Categorizer, Issue> {
        if let Some(categorizer) = LOADED.get() {
            return Ok(categorizer.clone());
        }
        let info =
            ModelInfo { source: "default", sha256: DEFAULT_MODEL_SHA256.to_string(), bytes: DEFAULT_MODEL.len() };
        let categorizer = Categorizer { plan: prepare(DEFAULT_MODEL)?, info };
        Ok(LOADED.get_or_init(|| categorizer).clone())
    }

    /// Whether the shipped model is already prepared in this process (or module instance).
    pub fn default_model_loaded() -> bool {
        LOADED.get().is_some()
    }

    /// Loads a model given by the integrator; refused with a `model` error unless it follows the
    /// contract in the module documentation and gives a probability row for a probe line.
    pub fn custom(bytes: &[u8]) -> Result<Categorizer, Issue> {
        let categorizer = Categorizer {
            plan: prepare(bytes)?,
            info: ModelInfo { source: "custom", sha256: hex_sha256(bytes), bytes: bytes.len() },
        };
        categorizer.probe()?;
        Ok(categorizer)
    }

    /// Runs one row through the model and checks that what comes out is a probability row.
    fn probe(&self) -> Result<(), Issue> {
        let probabilities = self.probabilities(&[("probe SQ *CAFE 0412 OAKLAND CA", -6.75)])?;
        let sum: f32 = probabilities.iter().sum();
        if probabilities.len() != CLASSES
            || probabilities.iter().any(|p| !p.is_finite() || *p < 0.0)
            || (sum - 1.0).abs() > 1e-3
        {
            return Err(model_issue(format!(
                "the model's output is not 20 probabilities summing to 1 (got {} values summing to {sum})",
                probabilities.len()
            )));
        }
        Ok(())
    }

    /// What the report says about this model.
    pub fn info(&self) -> &ModelInfo {
        &self.info
    }

    /// The raw probabilities, row after row (`rows.len() × 20` values). Rows with the same
    /// feature ids (a statement repeats its merchants, and the featurizer maps every store number
    /// and amount of one size to the same ids) are run once and their probabilities copied. The
    /// model treats rows independently; tract's kernels may still round a row's last float bit
    /// differently in batches of other sizes, so the numbers are deterministic for given rows but
    /// can differ from running every duplicate alone by less than 1e-5 (the unit test's bound; the
    /// 4-decimal confidences of the persona reports did not change). One tract run per [`MAX_BATCH_ROWS`] distinct rows.
    pub fn probabilities(&self, rows: &[(&str, f64)]) -> Result<Vec<f32>, Issue> {
        let (per_distinct, row_to_distinct) = self.distinct_probabilities(rows)?;
        let mut out = Vec::with_capacity(rows.len() * CLASSES);
        for i in row_to_distinct {
            out.extend_from_slice(&per_distinct[i * CLASSES..(i + 1) * CLASSES]);
        }
        Ok(out)
    }

    /// The probabilities of each distinct row ([`distinct_features`]) and each row's distinct row.
    pub(crate) fn distinct_probabilities(&self, rows: &[(&str, f64)]) -> Result<(Vec<f32>, Vec<usize>), Issue> {
        let (distinct, row_to_distinct) = distinct_features(rows);
        let mut per_distinct = Vec::with_capacity(distinct.len() * CLASSES);
        for chunk in distinct.chunks(MAX_BATCH_ROWS) {
            per_distinct.extend(self.run_chunk(chunk)?);
        }
        Ok((per_distinct, row_to_distinct))
    }

    #[inline(never)]
    fn run_chunk(&self, rows: &[Vec<u32>]) -> Result<Vec<f32>, Issue> {
        let mut ids = vec![0i64; rows.len() * MAX_FEATURES];
        let mut weights = vec![0f32; rows.len() * MAX_FEATURES];
        for (row, features) in rows.iter().enumerate() {
            let weight = 1.0 / features.len().max(1) as f32;
            for (slot, id) in features.iter().enumerate() {
                ids[row * MAX_FEATURES + slot] = i64::from(*id);
                weights[row * MAX_FEATURES + slot] = weight;
            }
        }
        let run = |ids: Vec<i64>, weights: Vec<f32>| -> TractResult<Vec<f32>> {
            let ids = Tensor::from_shape(&[rows.len(), MAX_FEATURES], &ids)?;
            let weights = Tensor::from_shape(&[rows.len(), MAX_FEATURES], &weights)?;
            let outputs = self.plan.run(tvec![ids.into(), weights.into()])?;
            let view = outputs[0].to_plain_array_view::<f32>()?;
            if view.shape() != [rows.len(), CLASSES] {
                tract_hir::tract_core::internal::bail!(
                    "output shape {:?}, expected [{}, 20]",
                    view.shape(),
                    rows.len()
                );
            }
            Ok(view.iter().copied().collect())
        };
        run(ids, weights).map_err(|e| model_issue(format!("the model failed to run: {e}")))
    }

    /// Categorizes rows (description, signed amount), in order.
    pub fn predict(&self, rows: &[(&str, f64)]) -> Result<Vec<Prediction>, Issue> {
        let (per_distinct, row_to_distinct) = self.distinct_probabilities(rows)?;
        let best: Vec<Prediction> = per_distinct.chunks(CLASSES).map(best).collect();
        Ok(row_to_distinct.into_iter().map(|i| best[i]).collect())
    }
}

/// Checks ONNX bytes ([`super::onnx_check`]), parses them with the categorizer's operators,
/// checks the graph against the contract and makes the runnable plan.
fn prepare(bytes: &[u8]) -> Result<Arc<TypedSimplePlan>, Issue> {
    if bytes.is_empty() {
        return Err(model_issue("the model is empty (0 bytes)"));
    }
    if bytes.len() > MAX_MODEL_BYTES {
        return Err(model_issue(format!("the model is {} bytes; the limit is {MAX_MODEL_BYTES}", bytes.len())));
    }
    let proto = super::onnx_check::check_onnx(bytes)?;
    super::kernels::use_portable_kernels();
    let mut graph = super::onnx_ops::categorizer_onnx()
        .model_for_proto_model(&proto)
        .map_err(|e| model_issue(format!("not a usable ONNX model: {e}")))?;
    if graph.inputs.len() != 2 || graph.outputs.is_empty() {
        return Err(model_issue(format!(
            "the model has {} inputs and {} outputs; a categorizer takes 2 inputs (ids i64 [batch, {MAX_FEATURES}], weights f32 [batch, {MAX_FEATURES}]) and gives 1 output (f32 [batch, 20])",
            graph.inputs.len(),
            graph.outputs.len()
        )));
    }
    graph.outputs.truncate(1);
    let batch = graph.symbols.sym("batch").to_dim();
    let width = MAX_FEATURES.to_dim();
    let typed = graph
        .with_input_fact(0, InferenceFact::dt_shape(i64::datum_type(), [batch.clone(), width.clone()]))
        .and_then(|g| g.with_input_fact(1, InferenceFact::dt_shape(f32::datum_type(), [batch, width])))
        .and_then(|g| g.into_typed())
        .and_then(|g| g.into_decluttered())
        .map_err(|e| model_issue(format!("the model does not accept the categorizer's inputs: {e}")))?;
    check_contract(&typed)?;
    typed
        .into_optimized()
        .and_then(|g| g.into_runnable())
        .map_err(|e| model_issue(format!("the model cannot be prepared to run: {e}")))
}

/// Hash tables keyed by a 64-bit hash computed here (the dedup below looks up every row of a
/// statement; an entry is `(hash or key, index)`). A key that is itself a number is mixed by
/// [`mix`]; a normalized text is hashed by [`Scratch::normalized_hash`] and compared in full.
type Table = hashbrown::HashTable<(u64, usize)>;

/// Spreads a numeric key over 64 bits (hash tables index by the low bits).
#[inline(always)]
fn mix(key: u64) -> u64 {
    let h = (key ^ (key >> 32)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^ (h >> 29)
}

/// The distinct feature-id rows of `rows` in order of first appearance, and for each row the
/// index of its distinct row. Each distinct normalized description is featurized once.
#[inline(never)] // the hot loop of a statement: a small function of its own (see `Advisor::report`)
fn distinct_features(rows: &[(&str, f64)]) -> (Vec<Vec<u32>>, Vec<usize>) {
    let mut dedup = Dedup::default();
    let row_to_distinct = rows.iter().map(|&(description, amount)| dedup.row(description, amount)).collect();
    (dedup.distinct, row_to_distinct)
}

/// The numbering of [`distinct_features`]. Statements repeat: descriptions that differ only in
/// numbers (`SAFEWAY #1234` and `SAFEWAY #5678`, store numbers, dates, references) have the same
/// normalized text and so the same ids, and amounts of one size and shape the same amount ids. A
/// line's ids are its amount's ids then its description's, so a line is known by (normalized
/// text, amount ids), each numbered once: a row costs one pass over its bytes and three lookups.
/// What is new (a text to featurize, an amount to hash, a pair to build) is done out of line, so
/// that the per-row function stays small: V8 compiles it once per page, and then again, whole,
/// with its optimizing compiler once it is hot, during the first statement.
#[derive(Default)]
struct Dedup {
    scratch: Scratch,
    /// Normalized text → its number (`texts`, `descriptions`).
    by_text: Table,
    texts: Vec<Vec<u8>>,
    descriptions: Vec<Vec<u32>>,
    /// The amount's bits → the number of its amount ids (`amounts`).
    by_amount: Table,
    by_amount_ids: HashMap<AmountIds, usize, foldhash::fast::FixedState>,
    amounts: Vec<AmountIds>,
    /// (text number, amount ids' number) → distinct row.
    seen: Table,
    distinct: Vec<Vec<u32>>,
}

impl Dedup {
    /// The distinct row of a line.
    #[inline(always)]
    fn row(&mut self, description: &str, amount: f64) -> usize {
        self.scratch.tokenize(description);
        let hash = self.scratch.normalized_hash();
        let (texts, normalized) = (&self.texts, self.scratch.normalized());
        let d = match self.by_text.find(hash, |&(h, d)| h == hash && texts[d] == normalized) {
            Some(&(_, d)) => d,
            None => self.new_text(hash),
        };
        let bits = amount.to_bits();
        let a = match self.by_amount.find(mix(bits), |&(k, _)| k == bits) {
            Some(&(_, a)) => a,
            None => self.new_amount(amount),
        };
        let pair = (d as u64) << 32 | a as u64;
        match self.seen.find(mix(pair), |&(k, _)| k == pair) {
            Some(&(_, i)) => i,
            None => self.new_pair(d, a),
        }
    }

    /// Numbers the text [`Dedup::scratch`] holds, featurizing it.
    #[cold]
    #[inline(never)]
    fn new_text(&mut self, hash: u64) -> usize {
        let mut ids = Vec::with_capacity(MAX_FEATURES - 1);
        self.scratch.token_ids(&mut ids);
        self.descriptions.push(ids);
        self.texts.push(self.scratch.normalized().to_vec());
        let d = self.texts.len() - 1;
        self.by_text.insert_unique(hash, (hash, d), |&(h, _)| h);
        d
    }

    /// Numbers an amount not seen yet (amounts with the same ids get the same number).
    #[cold]
    #[inline(never)]
    fn new_amount(&mut self, amount: f64) -> usize {
        let ids = amount_ids(amount);
        let amounts = &mut self.amounts;
        let a = *self.by_amount_ids.entry(ids).or_insert_with(|| {
            amounts.push(ids);
            amounts.len() - 1
        });
        let bits = amount.to_bits();
        self.by_amount.insert_unique(mix(bits), (bits, a), |&(k, _)| mix(k));
        a
    }

    /// Builds the feature ids of a (text, amount) pair not seen yet.
    #[cold]
    #[inline(never)]
    fn new_pair(&mut self, d: usize, a: usize) -> usize {
        let mut features = Vec::with_capacity(MAX_FEATURES);
        features.extend_from_slice(&self.amounts[a]);
        let room = MAX_FEATURES - features.len();
        features.extend(self.descriptions[d].iter().take(room));
        self.distinct.push(features);
        let (i, pair) = (self.distinct.len() - 1, (d as u64) << 32 | a as u64);
        self.seen.insert_unique(mix(pair), (pair, i), |&(k, _)| mix(k));
        i
    }
}

/// The most probable category of one row of probabilities (`Uncategorized` below
/// [`CONFIDENCE_THRESHOLD`]).
pub(crate) fn best(row: &[f32]) -> Prediction {
    let mut best = (Category::Uncategorized, 0.0f32);
    for (category, &p) in Category::MODEL_CLASSES.iter().zip(row) {
        if p > best.1 {
            best = (*category, p);
        }
    }
    let category = if best.1 >= CONFIDENCE_THRESHOLD { best.0 } else { Category::Uncategorized };
    Prediction { category, confidence: best.1 }
}

/// Checks the typed graph: one f32 `[batch, 20]` output, and every gather in range of the ids.
fn check_contract(model: &TypedModel) -> Result<(), Issue> {
    let output = model.output_fact(0).map_err(|e| model_issue(format!("the model has no usable output: {e}")))?;
    let classes = output.shape.get(1).and_then(|d| d.to_usize().ok());
    if output.datum_type != f32::datum_type() || output.rank() != 2 || classes != Some(Category::MODEL_CLASSES.len()) {
        return Err(model_issue(format!(
            "the model's output is {:?} {:?}; a categorizer gives f32 [batch, 20] (one probability per category)",
            output.datum_type, output.shape
        )));
    }
    for node in model.nodes() {
        let name = node.op.name();
        if let Some(gather) = node.op_as::<tract_hir::tract_core::ops::array::Gather>() {
            let fact = node
                .inputs
                .first()
                .ok_or_else(|| model_issue(format!("the model's Gather node {} has no input", node.name)))
                .and_then(|input| {
                    model
                        .outlet_fact(*input)
                        .map_err(|e| model_issue(format!("cannot inspect node {}: {e}", node.name)))
                })?;
            let rows = fact.shape.get(gather.axis).and_then(|d| d.to_usize().ok());
            if rows.map_or(true, |rows| rows < BUCKETS as usize) {
                return Err(model_issue(format!(
                    "the model's Gather node {} indexes a table of {:?} rows; the featurizer's ids need {BUCKETS}",
                    node.name, rows
                )));
            }
        } else if name.contains("Gather") || name.contains("Scatter") {
            return Err(model_issue(format!(
                "the model uses {name} (node {}), which the categorizer contract does not allow",
                node.name
            )));
        }
    }
    Ok(())
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_garbage_with_a_model_error() {
        for bytes in [&b""[..], b"not an onnx file", &[0xff; 64], &DEFAULT_MODEL[..DEFAULT_MODEL.len() / 2]] {
            let err = Categorizer::custom(bytes).unwrap_err();
            assert_eq!(err.code, ErrorCode::Model, "{bytes:?}");
            assert_eq!(err.path, "/model");
        }
    }

    #[test]
    fn default_model_hash_is_current() {
        assert_eq!(
            DEFAULT_MODEL_SHA256,
            hex_sha256(DEFAULT_MODEL),
            "update DEFAULT_MODEL_SHA256 to the new model's hash"
        );
        assert_eq!(Categorizer::default_model().unwrap().info().sha256, hex_sha256(DEFAULT_MODEL));
    }

    #[test]
    fn default_model_passes_the_probe_and_is_loaded_once() {
        let model = Categorizer::default_model().unwrap();
        model.probe().unwrap();
        assert!(Arc::ptr_eq(&model.plan, &Categorizer::default_model().unwrap().plan));
        let custom = Categorizer::custom(DEFAULT_MODEL).unwrap();
        assert_eq!(custom.info(), &ModelInfo { source: "custom", ..model.info().clone() });
        assert!(!Arc::ptr_eq(&model.plan, &custom.plan));
    }

    #[test]
    fn repeated_rows_are_run_once_and_get_the_numbers_of_a_row_run_alone() {
        let model = Categorizer::default_model().unwrap();
        let rows = [
            ("SQ *BLUE BOTTLE 0412 OAKLAND CA", -6.5),
            ("SAFEWAY #1234 SAN FRANCISCO CA", -84.2),
            ("SQ *BLUE BOTTLE 0977 OAKLAND CA", -7.25), // same ids as the first row
            ("ACME CORP PAYROLL", 1825.0),
            ("SQ *BLUE BOTTLE 0412 OAKLAND CA", -16.5), // one more digit: other ids
            ("SAFEWAY #1234 SAN FRANCISCO CA", -84.2),
        ];
        assert_eq!(distinct_features(&rows).1, [0, 1, 0, 2, 3, 1]);
        let together = model.probabilities(&rows).unwrap();
        assert_eq!(together.len(), rows.len() * CLASSES);
        let row = |i: usize| &together[i * CLASSES..(i + 1) * CLASSES];
        assert_eq!(row(0), row(2));
        assert_eq!(row(1), row(5));
        assert_eq!(model.probabilities(&rows).unwrap(), together, "deterministic");
        for (i, line) in rows.iter().enumerate() {
            let alone = model.probabilities(&[*line]).unwrap();
            assert!(alone.iter().zip(row(i)).all(|(a, b)| (a - b).abs() < 1e-5), "row {i}: {alone:?} vs {:?}", row(i));
            assert_eq!(best(&alone).category, best(row(i)).category, "row {i}");
        }
        assert!(model.probabilities(&[]).unwrap().is_empty());
    }

    #[test]
    fn each_row_gets_its_own_ids_and_distinct_rows_differ() {
        // Many rows over few shapes: store numbers, amounts of one size, 0 and -0, cents.
        let merchants = ["SAFEWAY #", "SQ *BLUE BOTTLE ", "Café ", "", "ZELLE TO 12 ", "1 2 3 "];
        let amounts = [-6.75, -7.25, -60.0, -1200.0, 0.0, -0.0, 1825.0, -9.99, -16.5, 40.0];
        let descriptions: Vec<String> =
            (0..600).map(|i| format!("{}{}", merchants[i % merchants.len()], (i * 7919) % 100_000)).collect();
        let rows: Vec<(&str, f64)> =
            descriptions.iter().enumerate().map(|(i, d)| (d.as_str(), amounts[(i / 7) % amounts.len()])).collect();
        let (distinct, row_to_distinct) = distinct_features(&rows);
        assert_eq!(row_to_distinct.len(), rows.len());
        for (row, &d) in rows.iter().zip(&row_to_distinct) {
            assert_eq!(distinct[d], super::super::featurize::featurize(row.0, row.1), "{row:?}");
        }
        let unique: std::collections::HashSet<&Vec<u32>> = distinct.iter().collect();
        assert_eq!(unique.len(), distinct.len(), "every distinct row is distinct");
        assert!(distinct.len() < rows.len() / 4, "{} distinct rows", distinct.len());
    }

    #[test]
    fn low_confidence_is_uncategorized_and_nan_never_wins() {
        let mut row = [0.05f32; 20];
        row[5] = 0.45;
        assert_eq!(best(&row).category, Category::Uncategorized);
        row[5] = 0.9;
        assert_eq!(best(&row), Prediction { category: Category::Dining, confidence: 0.9 });
        let nan = [f32::NAN; 20];
        assert_eq!(best(&nan), Prediction { category: Category::Uncategorized, confidence: 0.0 });
    }
}
