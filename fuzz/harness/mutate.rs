//! A deterministic byte mutator (no libFuzzer): flips, overwrites, inserts JSON-ish tokens that
//! tend to break parsers and limits, deletes, duplicates and splices ranges.

/// xorshift64*: small, seeded, the same stream on every machine.
pub struct Rng(u64);

impl Rng {
    /// A generator from a non-zero seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Tokens that have broken JSON readers, number handling and limits before.
const TOKENS: &[&str] = &[
    "NaN",
    "Infinity",
    "-Infinity",
    "1e309",
    "-1e309",
    "1e-320",
    "-0",
    "0",
    "-1",
    "9007199254740993",
    "1e12",
    "1e13",
    "4294967296",
    "[",
    "]",
    "{",
    "}",
    "\"",
    ",",
    ":",
    "null",
    "true",
    "false",
    "\"\\ud800\"",
    "\"\\udc00\\ud800\"",
    "\"\"",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "{\"var\":\"\"}",
    "{\"reduce\":[",
    "{\"cat\":[",
    "{\"merge\":[",
    "{\"var\":\"accumulator\"}",
    "\"after\":[\"",
    "{{",
    "}}",
    "\"1999-02-29\"",
    "\"9999-12-31\"",
    "\"0000-01-01\"",
    "100000",
    "1200",
    "\u{0}",
    "\u{feff}",
    "\r\n",
    ";",
    "\t",
    "\"$1,234.50\"",
    "(12.00)",
    "12-",
];

/// Applies one to four random mutations to `data`, using `others` for splicing.
pub fn mutate(rng: &mut Rng, data: &[u8], others: &[Vec<u8>], max_len: usize) -> Vec<u8> {
    let mut out = data.to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = out.len();
        match rng.below(8) {
            0 if len > 0 => {
                let i = rng.below(len);
                out[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                out[i] = rng.next() as u8;
            }
            2 | 3 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let at = rng.below(len + 1);
                out.splice(at..at, token.iter().copied());
            }
            4 if len > 0 => {
                let from = rng.below(len);
                let to = (from + 1 + rng.below(64)).min(len);
                out.drain(from..to);
            }
            5 if len > 0 => {
                let from = rng.below(len);
                let to = (from + 1 + rng.below(256)).min(len);
                let copy = out[from..to].to_vec();
                let at = rng.below(len + 1);
                out.splice(at..at, copy);
            }
            6 if !others.is_empty() => {
                let other = &others[rng.below(others.len())];
                if !other.is_empty() {
                    let from = rng.below(other.len());
                    let to = (from + 1 + rng.below(512)).min(other.len());
                    let at = rng.below(len + 1);
                    out.splice(at..at, other[from..to].iter().copied());
                }
            }
            7 if len > 1 => out.truncate(rng.below(len)),
            _ => {}
        }
    }
    out.truncate(max_len);
    out
}
