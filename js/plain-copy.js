// Copies what a page passes to finadvice into plain arrays and objects before Rust reads it, so
// that getters and Proxy traps run here, inside a try, and not while Rust holds the call: an
// exception thrown through WebAssembly frames skips Rust's cleanup (an advisor would stay
// borrowed) and is not a FinAdviceError. Leaves (numbers incl. NaN, strings, functions, symbols,
// BigInt) are kept as they are; Rust reports their type by path.
// Throws RangeError past maxDepth (a cycle), maxValues (shared sub-objects) or maxItems in one
// array (a sparse `new Array(2 ** 32 - 1)` is refused, not walked) or maxText UTF-16 units of
// text in all (one long string shared by many items is refused before any is copied into wasm
// memory); the caller turns every exception into a structured error.
const byteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;

export function plainCopy(value, maxDepth, maxValues, maxItems, maxText) {
  let count = 0;
  let text = 0;
  const addText = (n) => {
    text += n;
    if (text > maxText) throw new RangeError(`input holds more than ${maxText} UTF-16 units of text`);
  };
  const copy = (v, depth) => {
    if (typeof v === 'string') {
      addText(v.length);
      return v;
    }
    if (v === null || (typeof v !== 'object')) return v;
    if (++count > maxValues) throw new RangeError(`input has more than ${maxValues} values`);
    if (depth > maxDepth) throw new RangeError(`input is nested deeper than ${maxDepth} levels`);
    if (Array.isArray(v)) {
      const n = v.length;
      if (n > maxItems) throw new RangeError(`an array has ${n} items; the limit is ${maxItems}`);
      const out = new Array(n);
      for (let i = 0; i < n; i++) out[i] = copy(v[i], depth + 1);
      return out;
    }
    // Bytes (a model) are re-viewed, which fails on a Proxy dressed as a Uint8Array; every other
    // non-plain object (Map, Date, class instances, proxies of them) becomes an empty object, so
    // no built-in method is later called on something that is not what it claims.
    if (v instanceof Uint8Array) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    if (v instanceof ArrayBuffer) {
      byteLength.call(v); // the brand check: throws for a Proxy, without copying the bytes
      return new Uint8Array(v);
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return {};
    const out = {};
    for (const key of Object.keys(v)) {
      addText(key.length);
      Object.defineProperty(out, key, { value: copy(v[key], depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return copy(value, 0);
}
