// Copies what a page passes to finadvice into plain arrays and objects before Rust reads it, so
// that getters and Proxy traps run here, inside a try, and not while Rust holds the call: an
// exception thrown through WebAssembly frames skips Rust's cleanup (an advisor would stay
// borrowed) and is not a FinAdviceError. Leaves (numbers incl. NaN, strings, functions, symbols,
// BigInt) are kept as they are; Rust reports their type by path.
// Throws RangeError past maxDepth (a cycle), maxValues (shared sub-objects) or maxItems in one
// array (a sparse `new Array(2 ** 32 - 1)` is refused, not walked) or maxText UTF-16 units of
// text in all (one long string shared by many items is refused before any is copied into wasm
// memory); the caller turns every exception into a structured error.
//
// plainJson returns [copy, text]: the same copy and, when it is an object or array that JSON text
// says exactly (see `exactNumber`; no NaN, infinities, -0, undefined, functions, bytes or lone
// surrogates), its JSON text as UTF-8 bytes (a Uint8Array from the native TextEncoder, which
// Rust copies in one go), else undefined. Rust parses one text much faster than it walks
// thousands of JavaScript values across the boundary, into the same value.
const byteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength").get;
const stringify = JSON.stringify;
const encoder = new TextEncoder();
const encode = TextEncoder.prototype.encode;
const objectPrototype = Object.prototype;
const getPrototypeOf = Object.getPrototypeOf;
const wellFormed = typeof String.prototype.isWellFormed === "function" ? (s) => s.isWellFormed() : () => false;

/**
 * Whether serde_json reads this number's JSON text (JavaScript's shortest round-trip form) back
 * as the same f64. Its default parser divides the decimal's significand by a power of ten, which
 * is one correctly rounded operation, and so exact, when the significand is below 2^53 and the
 * power at most 10^22. A number qualifies when some m / 10^k (k <= 22, |m| < 2^53) gives it back:
 * the shortest form has no more digits than m, so it meets the same bounds.
 */
function exactNumber(v) {
  if (!Number.isFinite(v) || Object.is(v, -0)) return false;
  if (Number.isInteger(v)) return Math.abs(v) < 2 ** 53;
  for (let k = 1, p = 10; k <= 22; k++, p *= 10) {
    const m = Math.round(v * p);
    if (m / p === v) return Math.abs(m) < 2 ** 53;
  }
  return false;
}

export function plainCopy(value, maxDepth, maxValues, maxItems, maxText) {
  return copyValue(value, maxDepth, maxValues, maxItems, maxText, false);
}

export function plainJson(value, maxDepth, maxValues, maxItems, maxText) {
  return copyValue(value, maxDepth, maxValues, maxItems, maxText, true);
}

function copyValue(value, maxDepth, maxValues, maxItems, maxText, json) {
  let count = 0;
  let text = 0;
  let exact = json && !("toJSON" in Object.prototype) && !("toJSON" in Array.prototype);
  const addText = (n) => {
    text += n;
    if (text > maxText) throw new RangeError(`input holds more than ${maxText} UTF-16 units of text`);
  };
  const copy = (v, depth) => {
    if (typeof v === "string") {
      addText(v.length);
      if (exact && !wellFormed(v)) exact = false;
      return v;
    }
    if (v === null || typeof v === "boolean") return v;
    if (typeof v !== "object") {
      if (exact && !(typeof v === "number" && exactNumber(v))) exact = false;
      return v;
    }
    if (++count > maxValues) throw new RangeError(`input has more than ${maxValues} values`);
    if (depth > maxDepth) throw new RangeError(`input is nested deeper than ${maxDepth} levels`);
    if (Array.isArray(v)) {
      const n = v.length;
      if (n > maxItems) throw new RangeError(`an array has ${n} items; the limit is ${maxItems}`);
      const out = new Array(n);
      for (let i = 0; i < n; i++) out[i] = copy(v[i], depth + 1);
      return out;
    }
    // Plain objects first: a profile is thousands of them, and their prototype alone tells them
    // from bytes and from every other kind of object.
    const proto = getPrototypeOf(v);
    if (proto === objectPrototype || proto === null) {
      const out = {};
      const keys = Object.keys(v);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        addText(key.length);
        const item = copy(v[key], depth + 1);
        // A plain assignment makes the same own data property as defineProperty, and is much
        // cheaper in code that runs once (not yet optimized), unless Object.prototype has the key:
        // an inherited setter, a read-only property, `__proto__` or `constructor`.
        if (key in objectPrototype)
          Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
        else out[key] = item;
      }
      return out;
    }
    // Bytes (a model) are re-viewed, which fails on a Proxy dressed as a Uint8Array; every other
    // non-plain object (Map, Date, class instances, proxies of them) becomes an empty object, so
    // no built-in method is later called on something that is not what it claims.
    if (v instanceof Uint8Array) {
      exact = false;
      return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    }
    if (v instanceof ArrayBuffer) {
      exact = false;
      byteLength.call(v); // the brand check: throws for a Proxy, without copying the bytes
      return new Uint8Array(v);
    }
    return {};
  };
  const out = copy(value, 0);
  if (!json) return out;
  return [out, exact && typeof out === "object" && out !== null ? encode.call(encoder, stringify(out)) : undefined];
}
