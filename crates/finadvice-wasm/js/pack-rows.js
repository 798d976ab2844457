// Packs the rows of `advisor.categorize(rows)` for one crossing into wasm: every description in
// one text (separated by NUL; writeText puts it into wasm memory as UTF-8) and every amount in one
// Float64Array, instead of reading two fields per row across the boundary. Only for the common
// case: an array of plain objects whose own `description` is a well-formed string without NUL of
// at most maxDescription UTF-16 units (maxText for all of them together) and whose own `amount`
// is a number. Anything else returns undefined and takes the general path (plainCopy, then field
// by field), which reports every problem with its path; Rust validates the packed rows with the
// same code, so both paths accept and refuse the same rows. Getters and Proxy traps run here,
// inside the caller's try, as in plainCopy. Checks that hold for the joined text exactly when
// they hold for every description are made once on it: well-formedness (NUL pairs with no
// surrogate) here, no NUL inside a description in Rust (the text must split into exactly one
// piece per amount).
const objectPrototype = Object.prototype;
const isEnumerable = Object.prototype.propertyIsEnumerable;
const wellFormed = typeof String.prototype.isWellFormed === "function" ? (s) => s.isWellFormed() : () => false;
const encoder = new TextEncoder();

export function packRows(rows, maxItems, maxDescription, maxText) {
  if (!Array.isArray(rows)) return undefined;
  const n = rows.length;
  if (n === 0 || n > maxItems) return undefined;
  const descriptions = new Array(n);
  const amounts = new Float64Array(n);
  let text = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (row === null || typeof row !== "object" || Object.getPrototypeOf(row) !== objectPrototype) return undefined;
    if (!isEnumerable.call(row, "description") || !isEnumerable.call(row, "amount")) return undefined;
    const description = row.description;
    const amount = row.amount;
    if (typeof description !== "string" || typeof amount !== "number") return undefined;
    if (description.length > maxDescription) return undefined;
    text += description.length;
    if (text > maxText) return undefined;
    descriptions[i] = description;
    amounts[i] = amount;
  }
  const joined = descriptions.join("\0");
  return wellFormed(joined) ? [joined, amounts, descriptions] : undefined;
}

/**
 * Writes `text` as UTF-8 into the wasm `memory` at [ptr, ptr + capacity) with the engine's
 * encoder (native code, where wasm-bindgen's string conversion loops over the characters in
 * JavaScript): the number of bytes written, or -1 when the text did not fit.
 */
export function writeText(text, memory, ptr, capacity) {
  const { read, written } = encoder.encodeInto(text, new Uint8Array(memory.buffer, ptr, capacity));
  return read === text.length ? written : -1;
}

/**
 * The result rows of a packed categorize, built here from columns Rust fills (one crossing, no
 * JSON text): the descriptions are the strings packRows read (the validated rows are those
 * strings), `categories` index `names`, `memory` is 1 where a remembered merchant decided.
 * Same objects, keys in the same order, as the JSON path.
 */
export function assembleRows(descriptions, amounts, categories, confidences, memory, names) {
  const n = amounts.length;
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = {
      description: descriptions[i],
      amount: amounts[i],
      category: names[categories[i]],
      confidence: confidences[i],
      source: memory[i] ? "memory" : "model",
    };
  }
  return out;
}
