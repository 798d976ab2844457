//! Documented limits on input size. Anything beyond them is refused with a `too_large` or
//! `too_deep` error naming the limit, so a hostile page cannot make the module hang or run out of
//! memory.

/// Largest JSON text accepted, in bytes (16 MiB: a year of transactions is well under 2 MiB); for a
/// JavaScript object, the most bytes of text (strings and keys) it may hold.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;
/// Most values (numbers, strings, arrays, objects, …) in one input document. JSON text within
/// [`MAX_INPUT_BYTES`] stays under it; a JavaScript object that shares one sub-array many times
/// (and would expand exponentially when copied) does not.
pub const MAX_INPUT_VALUES: usize = 4_000_000;
/// Deepest nesting of arrays and objects in any input (a profile needs 4).
pub const MAX_DEPTH: usize = 32;
/// Most items in any one array (bounded again, more tightly, per profile field).
pub const MAX_ARRAY_ITEMS: usize = 100_000;
/// Most keys in any one object.
pub const MAX_OBJECT_KEYS: usize = 1_000;
/// The number of characters of `text` when it has more than `max`, else `None`. A string has no
/// more characters than bytes, so they are counted only when its byte length exceeds `max`
/// (counting every string's characters is a visible part of a cold page's first call).
pub fn chars_beyond(text: &str, max: usize) -> Option<usize> {
    if text.len() <= max {
        return None;
    }
    let chars = text.chars().count();
    (chars > max).then_some(chars)
}

/// Longest string accepted anywhere, in characters.
pub const MAX_STRING_CHARS: usize = 10_000;
/// Longest name (account, debt, goal, income) in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest transaction description in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 500;
/// Most transactions in one profile.
pub const MAX_TRANSACTIONS: usize = 100_000;
/// Most incomes, accounts, debts or goals in one profile.
pub const MAX_LIST_ITEMS: usize = 200;
/// Largest absolute money amount accepted (a trillion in the profile's currency).
pub const MAX_MONEY: f64 = 1e12;
/// Largest ONNX model accepted, in bytes.
pub const MAX_MODEL_BYTES: usize = 32 * 1024 * 1024;

#[cfg(test)]
mod tests {
    use super::chars_beyond;

    #[test]
    fn chars_beyond_counts_characters_not_bytes() {
        assert_eq!(chars_beyond("abc", 3), None);
        assert_eq!(chars_beyond("abcd", 3), Some(4));
        // Six bytes but three characters: within a limit of three.
        assert_eq!(chars_beyond("éàü", 3), None);
        assert_eq!(chars_beyond("éàüö", 3), Some(4));
        assert_eq!(chars_beyond("", 0), None);
    }
}
