//! The featurizer: a bank-statement line (description + signed amount) → hashed feature ids.
//!
//! This is the reference implementation; `training/featurize.py` reproduces it exactly, and the
//! shared golden vectors in `tests/golden/featurize.json` prove it on both sides. The recipe
//! (version [`FEATURIZER_VERSION`]):
//!
//! 1. Keep the first [`MAX_DESCRIPTION_CHARS`] characters. Every ASCII letter or digit is kept
//!    (letters lower-cased); every other character separates tokens.
//! 2. A token made only of digits becomes `#` and its length capped at 6 (`0412` → `#4`); in
//!    other tokens every digit becomes `0` (`2k4` → `0k0`).
//! 3. Features, in this order: the amount features, then each token `w:tok`, each pair of
//!    neighbours `b:tok1 tok2`, then for each non-number token the character 3- and 4-grams of
//!    `<tok>` as `c:gram`. The amount features are `a:zero` for 0 (or a non-finite amount);
//!    otherwise, with S `in` (money in) or `out`: `a:S:M` (M the number of digits before the
//!    decimal point, 0–5), `a:S:hK` (K how many of 1, 3, 10, 30, …, 30000 the size reaches), and
//!    for sizes below 10^9 the shape: a whole amount of at least 1 adds `a:whole` and then `a:x100`
//!    for a multiple of 100 or else `a:x20` for a multiple of 20; any other amount adds `a:c9` when
//!    its cents (rounded half up) end in 9 (`4.99`, `12.49`). Whole amounts of 10^9 or more add
//!    only `a:whole`. The list of amount features (not `a:zero`) is written [`AMOUNT_REPEAT`] times
//!    in a row, so that they weigh as much in the mean as a short description's words.
//! 4. Each feature string is hashed with 32-bit FNV-1a over its UTF-8 bytes, modulo [`BUCKETS`].
//!    At most [`MAX_FEATURES`] ids are kept (the first ones).

/// Version of the recipe above; a model trained for another version cannot be used.
pub const FEATURIZER_VERSION: u32 = 2;
/// Number of hash buckets: the model's embedding table must have at least this many rows.
pub const BUCKETS: u32 = 8192;
/// Most feature ids per line: the model's inputs are `[batch, MAX_FEATURES]`.
pub const MAX_FEATURES: usize = 128;
/// How many times the amount features are written (step 3).
pub const AMOUNT_REPEAT: usize = 2;
/// Size thresholds of the `a:S:hK` feature (half decades).
const HALF_DECADES: [f64; 10] = [1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1_000.0, 3_000.0, 10_000.0, 30_000.0];
/// Characters of the description that are looked at.
pub const MAX_DESCRIPTION_CHARS: usize = 200;

/// 32-bit FNV-1a (offset basis 2166136261, prime 16777619), the hash the recipe names.
fn fnv1a32(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5_u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// The normalized tokens of a description (steps 1 and 2).
pub fn tokens(description: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in description.chars().take(MAX_DESCRIPTION_CHARS) {
        if c.is_ascii_alphanumeric() {
            current.push(c.to_ascii_lowercase());
        } else if !current.is_empty() {
            out.push(shape(std::mem::take(&mut current)));
        }
    }
    if !current.is_empty() {
        out.push(shape(current));
    }
    out
}

fn shape(token: String) -> String {
    if token.bytes().all(|b| b.is_ascii_digit()) {
        ["#1", "#2", "#3", "#4", "#5", "#6"][token.len().clamp(1, 6) - 1].to_string()
    } else {
        token.chars().map(|c| if c.is_ascii_digit() { '0' } else { c }).collect()
    }
}

/// `a:{sign}:{unit}{count}` (the reference strings of [`feature_strings`]; rows are featurized by
/// [`amount_ids`], which hashes the same bytes without building them).
fn size_feature(sign: &str, unit: &str, count: usize) -> String {
    let mut out = String::with_capacity(12);
    for part in ["a:", sign, ":", unit, itoa::Buffer::new().format(count)] {
        out.push_str(part);
    }
    out
}

/// The amount features (step 3): sign, order of magnitude, shape.
fn amount_features(amount: f64, out: &mut Vec<String>) {
    if amount == 0.0 || !amount.is_finite() {
        out.push("a:zero".to_string());
        return;
    }
    let start = out.len();
    let size = amount.abs();
    let digits = [1.0, 10.0, 100.0, 1_000.0, 10_000.0].iter().filter(|&&limit| size >= limit).count();
    let sign = if amount > 0.0 { "in" } else { "out" };
    out.push(size_feature(sign, "", digits));
    let half_decades = HALF_DECADES.iter().filter(|&&limit| size >= limit).count();
    out.push(size_feature(sign, "h", half_decades));
    if size >= 1.0 && size.fract() == 0.0 {
        out.push("a:whole".to_string());
        if size < 1e9 {
            if size % 100.0 == 0.0 {
                out.push("a:x100".to_string());
            } else if size % 20.0 == 0.0 {
                out.push("a:x20".to_string());
            }
        }
    } else if size < 1e9 {
        // size < 10^9, so the cents fit a u64 exactly.
        let cents = (size * 100.0 + 0.5).floor() as u64 % 100;
        if cents % 10 == 9 {
            out.push("a:c9".to_string());
        }
    }
    let once = out[start..].to_vec();
    for _ in 1..AMOUNT_REPEAT {
        out.extend(once.iter().cloned());
    }
}

/// The feature strings of a line, before hashing (steps 1–3), in order and untruncated.
pub fn feature_strings(description: &str, amount: f64) -> Vec<String> {
    let tokens = tokens(description);
    let mut out = Vec::new();
    amount_features(amount, &mut out);
    out.extend(tokens.iter().map(|t| format!("w:{t}")));
    out.extend(tokens.windows(2).map(|pair| format!("b:{} {}", pair[0], pair[1])));
    for token in tokens.iter().filter(|t| !t.starts_with('#')) {
        let padded: Vec<u8> = format!("<{token}>").into_bytes();
        for n in [3, 4] {
            for gram in padded.windows(n) {
                out.push(format!("c:{}", String::from_utf8_lossy(gram)));
            }
        }
    }
    out
}

/// FNV-1a offset basis.
const FNV_BASIS: u32 = 0x811c_9dc5;

/// FNV-1a continued over `bytes` from the state `h` (hashing `a` then `b` equals hashing `ab`, so a
/// shared prefix such as `c:` is hashed once and a 4-gram continues its 3-gram's state).
fn fnv_more(h: u32, bytes: &[u8]) -> u32 {
    bytes.iter().fold(h, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// The feature ids of a line (the whole recipe): between 1 and [`MAX_FEATURES`] ids below [`BUCKETS`].
/// Same ids as hashing [`feature_strings`], computed without building the strings (this runs for
/// every row of every statement).
pub fn featurize(description: &str, amount: f64) -> Vec<u32> {
    line_ids(amount, &description_ids(description))
}

/// Longest normalized text: of the first [`MAX_DESCRIPTION_CHARS`] characters, a token of
/// digits becomes `#n` and each token is followed by a space, so two characters (`1 `) give at
/// most three bytes (`#1 `), and the last token may have no separator after it.
const MAX_NORMALIZED: usize = 3 * MAX_DESCRIPTION_CHARS / 2 + 3;

/// The normalized tokens of a description as byte ranges of `buffer` (steps 1 and 2, the same
/// tokens as [`tokens`] without a `String` per token): `buffer[range]` is a token, and each token
/// is followed by a space, so that `buffer[..len]` (`len` returned) is the normalized text (tokens
/// are `[a-z0-9#]`, the space cannot be part of one). Descriptions with the same normalized text
/// have the same ids. This runs on every byte of every row: bytes are written by index into a
/// buffer of [`MAX_NORMALIZED`] bytes (no `Vec::push` call per byte, which the size-optimized
/// build does not inline).
fn token_spans(description: &str, buffer: &mut [u8], spans: &mut Vec<(usize, usize)>) -> usize {
    let (mut len, mut start, mut digits_only, mut chars) = (0, 0, true, 0);
    // Bytes rather than chars: every byte of a non-ASCII character is ≥ 0x80, a separator like
    // the character itself; characters are counted by their first bytes (not 0b10xxxxxx).
    for &b in description.as_bytes() {
        if b & 0xC0 != 0x80 {
            chars += 1;
            if chars > MAX_DESCRIPTION_CHARS {
                break;
            }
        }
        if b.is_ascii_digit() {
            buffer[len] = b'0';
            len += 1;
        } else if b.is_ascii_alphabetic() {
            buffer[len] = b | 0x20; // lower case
            len += 1;
            digits_only = false;
        } else {
            len = close_token(buffer, spans, start, len, digits_only);
            start = len;
            digits_only = true;
        }
    }
    close_token(buffer, spans, start, len, digits_only)
}

/// Ends the token `buffer[start..len]`, if any: a number becomes `#` and its length capped at 6,
/// the token is recorded in `spans` and followed by a space. Returns the new length.
#[inline(always)]
fn close_token(
    buffer: &mut [u8],
    spans: &mut Vec<(usize, usize)>,
    start: usize,
    mut len: usize,
    digits_only: bool,
) -> usize {
    if len == start {
        return len;
    }
    if digits_only {
        let digits = (len - start).min(6);
        buffer[start] = b'#';
        buffer[start + 1] = b'0' + digits as u8;
        len = start + 2;
    }
    spans.push((start, len));
    buffer[len] = b' ';
    len + 1
}

/// A 64-bit hash of a normalized text, to key the cache of ids by text (FNV-1a, then its high
/// half folded into the low one and mixed, since hash tables index by the low bits).
#[inline(always)]
fn text_hash(text: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325_u64;
    for &b in text {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= h >> 32;
    h = h.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^ (h >> 29)
}

/// The ids of the description alone (words, pairs, character grams, step 3 after the amount), at
/// most `MAX_FEATURES - 1` of them (a line has at least one amount id). Lines with the same
/// description share them: [`line_ids`] puts a line's amount in front.
pub fn description_ids(description: &str) -> Vec<u32> {
    let mut ids = Vec::with_capacity(MAX_FEATURES - 1);
    Scratch::default().description_ids(description, &mut ids);
    ids
}

/// Buffers [`Scratch::description_ids`] reuses from one description to the next: a statement
/// featurizes thousands of descriptions, and in wasm an allocation costs more than hashing a
/// short line.
#[derive(Debug)]
pub struct Scratch {
    buffer: Vec<u8>,
    len: usize,
    spans: Vec<(usize, usize)>,
    fours: Vec<u32>,
}

impl Default for Scratch {
    fn default() -> Scratch {
        Scratch { buffer: vec![0; MAX_NORMALIZED], len: 0, spans: Vec::new(), fours: Vec::new() }
    }
}

impl Scratch {
    /// [`description_ids`] written into `ids` (cleared first), with this scratch's buffers.
    pub fn description_ids(&mut self, description: &str, ids: &mut Vec<u32>) {
        self.tokenize(description);
        self.token_ids(ids);
    }

    /// Steps 1 and 2 for `description`: afterwards [`Scratch::normalized`] is its normalized text
    /// and [`Scratch::token_ids`] its ids.
    pub fn tokenize(&mut self, description: &str) {
        self.spans.clear();
        self.len = token_spans(description, &mut self.buffer, &mut self.spans);
    }

    /// The normalized text of the last [`Scratch::tokenize`]d description: its tokens, each
    /// followed by a space. Two descriptions with the same normalized text have the same ids (a
    /// statement's `SAFEWAY #1234` and `SAFEWAY #5678`), so it can key a cache of ids.
    pub fn normalized(&self) -> &[u8] {
        &self.buffer[..self.len]
    }

    /// A hash of [`Scratch::normalized`], for a hash table keyed by it.
    pub fn normalized_hash(&self) -> u64 {
        text_hash(self.normalized())
    }

    /// The description ids (step 3 after the amount) of the last [`Scratch::tokenize`]d
    /// description, written into `ids` (cleared first).
    pub fn token_ids(&mut self, ids: &mut Vec<u32>) {
        let limit = MAX_FEATURES - 1;
        ids.clear();
        let Scratch { buffer, spans, fours, .. } = self;
        let token = |&(a, b): &(usize, usize)| &buffer[a..b];
        let (w, pair, gram) = (fnv_more(FNV_BASIS, b"w:"), fnv_more(FNV_BASIS, b"b:"), fnv_more(FNV_BASIS, b"c:"));
        for span in spans.iter() {
            ids.push(fnv_more(w, token(span)) % BUCKETS);
        }
        for both in spans.windows(2) {
            let first = fnv_more(fnv_more(pair, token(&both[0])), b" ");
            ids.push(fnv_more(first, token(&both[1])) % BUCKETS);
        }
        for span in spans.iter().filter(|span| buffer[span.0] != b'#') {
            if ids.len() >= limit {
                break;
            }
            // `<tok>`: its 3-grams, then its 4-grams; each 4-gram is its 3-gram's state plus a byte.
            let t = token(span);
            let padded_len = t.len() + 2;
            let byte = |i: usize| {
                if i == 0 {
                    b'<'
                } else if i == padded_len - 1 {
                    b'>'
                } else {
                    t[i - 1]
                }
            };
            fours.clear();
            for i in 0..padded_len - 2 {
                let h3 = fnv_more(gram, &[byte(i), byte(i + 1), byte(i + 2)]);
                ids.push(h3 % BUCKETS);
                if i + 3 < padded_len {
                    fours.push(fnv_more(h3, &[byte(i + 3)]) % BUCKETS);
                }
            }
            ids.extend_from_slice(fours);
        }
        ids.truncate(limit);
    }
}

/// The feature ids of a line from its amount and its description's [`description_ids`]: the
/// amount's ids, then the description's, at most [`MAX_FEATURES`] in all.
pub fn line_ids(amount: f64, description_ids: &[u32]) -> Vec<u32> {
    let mut ids = Vec::with_capacity(MAX_FEATURES);
    ids.extend_from_slice(&amount_ids(amount));
    let room = MAX_FEATURES - ids.len();
    ids.extend(description_ids.iter().take(room));
    ids
}

/// Most amount ids a line has: four features written [`AMOUNT_REPEAT`] times.
pub const MAX_AMOUNT_IDS: usize = 4 * AMOUNT_REPEAT;

/// The ids of the amount features (step 3), the same as hashing [`amount_features`]'s strings,
/// computed without building them (statements rarely repeat an amount, so this runs for most rows).
pub fn amount_ids(amount: f64) -> AmountIds {
    let mut out = AmountIds { ids: [0; MAX_AMOUNT_IDS], len: 0 };
    let mut push = |h: u32| {
        out.ids[out.len] = h % BUCKETS;
        out.len += 1;
    };
    if amount == 0.0 || !amount.is_finite() {
        push(fnv1a32(b"a:zero"));
        return out;
    }
    let size = amount.abs();
    let sign: &[u8] = if amount > 0.0 { b"in" } else { b"out" };
    let prefix = fnv_more(fnv_more(fnv_more(FNV_BASIS, b"a:"), sign), b":");
    let digits = [1.0, 10.0, 100.0, 1_000.0, 10_000.0].iter().filter(|&&limit| size >= limit).count();
    push(fnv_more(prefix, itoa::Buffer::new().format(digits).as_bytes()));
    let half_decades = HALF_DECADES.iter().filter(|&&limit| size >= limit).count();
    push(fnv_more(fnv_more(prefix, b"h"), itoa::Buffer::new().format(half_decades).as_bytes()));
    if size >= 1.0 && size.fract() == 0.0 {
        push(fnv1a32(b"a:whole"));
        if size < 1e9 {
            if size % 100.0 == 0.0 {
                push(fnv1a32(b"a:x100"));
            } else if size % 20.0 == 0.0 {
                push(fnv1a32(b"a:x20"));
            }
        }
    } else if size < 1e9 {
        // size < 10^9, so the cents fit a u64 exactly.
        let cents = (size * 100.0 + 0.5).floor() as u64 % 100;
        if cents % 10 == 9 {
            push(fnv1a32(b"a:c9"));
        }
    }
    let once = out.len;
    for copy in 1..AMOUNT_REPEAT {
        out.ids.copy_within(0..once, copy * once);
    }
    out.len = once * AMOUNT_REPEAT;
    out
}

/// A line's amount ids ([`amount_ids`]): at most [`MAX_AMOUNT_IDS`], without an allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AmountIds {
    ids: [u32; MAX_AMOUNT_IDS],
    len: usize,
}

impl std::ops::Deref for AmountIds {
    type Target = [u32];
    fn deref(&self) -> &[u32] {
        &self.ids[..self.len]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a32_matches_the_published_test_vectors() {
        // From the FNV reference test suite (Fowler/Noll/Vo, isthe.com/chongo/tech/comp/fnv).
        assert_eq!(fnv1a32(b""), 0x811c9dc5);
        assert_eq!(fnv1a32(b"a"), 0xe40c292c);
        assert_eq!(fnv1a32(b"foobar"), 0xbf9cf968);
    }

    #[test]
    fn tokens_are_lowercased_and_numbers_shaped() {
        assert_eq!(tokens("SQ *BLUE BOTTLE 0412 OAKLAND CA"), ["sq", "blue", "bottle", "#4", "oakland", "ca"]);
        assert_eq!(tokens("AMZN MKTP US*2K4"), ["amzn", "mktp", "us", "0k0"]);
        assert_eq!(tokens("Café—Ünïcode 12345678"), ["caf", "n", "code", "#6"]);
        assert!(tokens("*** --- ").is_empty());
    }

    #[test]
    fn amount_features_cover_sign_size_and_wholeness() {
        let first = |a: f64| feature_strings("", a);
        let repeated = |f: &[&str]| -> Vec<String> {
            f.iter().cycle().take(f.len() * AMOUNT_REPEAT).map(|s| s.to_string()).collect()
        };
        assert_eq!(first(-6.75), repeated(&["a:out:1", "a:out:h2"]));
        assert_eq!(first(-1200.0), repeated(&["a:out:4", "a:out:h7", "a:whole", "a:x100"]));
        assert_eq!(first(-60.0), repeated(&["a:out:2", "a:out:h4", "a:whole", "a:x20"]));
        assert_eq!(first(-35.0), repeated(&["a:out:2", "a:out:h4", "a:whole"]));
        assert_eq!(first(-9.99), repeated(&["a:out:1", "a:out:h2", "a:c9"]));
        assert_eq!(first(12.489), repeated(&["a:in:2", "a:in:h3", "a:c9"]), "cents are rounded half up");
        assert_eq!(first(0.5), repeated(&["a:in:0", "a:in:h0"]));
        assert_eq!(first(2e9), repeated(&["a:in:5", "a:in:h10", "a:whole"]));
        assert_eq!(first(1e300), repeated(&["a:in:5", "a:in:h10", "a:whole"]));
        assert_eq!(first(0.0), ["a:zero"]);
        assert_eq!(first(f64::NAN), ["a:zero"]);
    }

    #[test]
    fn streaming_ids_equal_hashing_the_feature_strings() {
        let amounts =
            [-6.75, 0.0, 1.0, -3.0, -1200.0, -60.0, -35.0, -9.99, 12.489, 0.5, 2e9, 1e300, f64::NAN, -0.01, 40.0];
        let descriptions = [
            "SQ *BLUE BOTTLE 0412 OAKLAND CA",
            "",
            "a",
            &"x y z ".repeat(80),
            "POS 12/03 Café 4",
            // The longest normalized texts: one-digit numbers (`#1 ` for two characters), with and
            // without a separator after the 200th character.
            &"1 ".repeat(120),
            &format!("{}1", "1 ".repeat(99)),
            &"7".repeat(300),
            "Zz09 aZ-9z",
        ];
        for (d, a) in descriptions.iter().flat_map(|d| amounts.iter().map(move |a| (*d, *a))) {
            let expected: Vec<u32> =
                feature_strings(d, a).iter().take(MAX_FEATURES).map(|f| fnv1a32(f.as_bytes()) % BUCKETS).collect();
            assert_eq!(featurize(d, a), expected, "{d:?} {a}");
        }
        // The normalized text is the tokens, each followed by a space.
        let mut scratch = Scratch::default();
        for d in descriptions {
            scratch.tokenize(d);
            let joined: String = tokens(d).iter().map(|t| format!("{t} ")).collect();
            assert_eq!(scratch.normalized(), joined.as_bytes(), "{d:?}");
        }
        scratch.tokenize(&"1 ".repeat(120));
        assert_eq!(scratch.normalized().len(), MAX_NORMALIZED - 3, "100 tokens `#1 `");
        scratch.tokenize("SQ *BLUE BOTTLE 0412 Café—Ünïcode 2k4");
        assert_eq!(scratch.normalized(), b"sq blue bottle #4 caf n code 0k0 ");
        scratch.tokenize(&format!("{}ab c", "é".repeat(199)));
        assert_eq!(scratch.normalized(), b"a ", "the 200th character is the last one looked at");
        // One scratch reused from description to description gives each one's own ids.
        let (mut scratch, mut ids) = (Scratch::default(), Vec::new());
        for d in descriptions.iter().chain(descriptions.iter().rev()) {
            scratch.description_ids(d, &mut ids);
            assert_eq!(ids, description_ids(d), "{d:?}");
        }
    }

    #[test]
    fn ids_are_bounded_and_truncated() {
        let long = "WORD ".repeat(1000);
        let ids = featurize(&long, -1.0);
        assert_eq!(ids.len(), MAX_FEATURES);
        assert!(ids.iter().all(|&id| id < BUCKETS));
        assert_eq!(featurize("", 1.0).len(), 3 * AMOUNT_REPEAT);
        // A line's ids are its amount's, then as many of the description's 127 as fit.
        assert_eq!(description_ids(&long).len(), MAX_FEATURES - 1);
        for amount in [-1.0, -1.5, 0.0] {
            let n = featurize("", amount).len();
            assert_eq!(featurize(&long, amount)[n..], description_ids(&long)[..MAX_FEATURES - n], "{amount}");
        }
    }
}
