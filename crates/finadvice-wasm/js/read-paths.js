// Reads, for `rulePack.evaluate(data)`, the values at the data paths a compiled rule pack refers
// to, with the rules of plainCopy (js/plain-copy.js): own enumerable properties of plain objects,
// array items by index, nothing inside anything else. Only what the pack reads is touched, so
// the cost does not grow with the size of the data. Returns [rootKeys | null, value0, value1, …]
// (`undefined` where a path is absent; `null` root keys when the data is not a plain object).
// A getter or Proxy trap that throws propagates; the import is declared `catch`, so Rust turns
// it into a structured error.
const { getPrototypeOf, keys } = Object;
const isEnumerable = Object.prototype.propertyIsEnumerable;
const INDEX = /^\+?[0-9]+$/;

function isPlain(v) {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function child(v, key) {
  if (Array.isArray(v)) return INDEX.test(key) ? v[Number(key)] : undefined;
  return isPlain(v) && isEnumerable.call(v, key) ? v[key] : undefined;
}

export function readPaths(data, paths) {
  const out = new Array(paths.length + 1);
  out[0] = isPlain(data) ? keys(data) : null;
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i];
    let v = data;
    for (let k = 0; k < path.length && v !== undefined; k++) v = child(v, path[k]);
    out[i + 1] = v;
  }
  return out;
}
