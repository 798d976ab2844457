// Build-time memory snapshot of the npm package's module (cold time to first advice).
//
//   node scripts/snapshot.mjs pkg/finadvice_bg.wasm [--check]
//
// Instantiates the module with imports that all throw, calls its hidden export
// `__finadvicePrepareDefaults` (the default model's tract plan and the default rule pack, the
// bulk of a page's first `new Advisor()`: src/advice.rs `prepare_defaults`), and rewrites the
// file so that its data segments are the instance's linear memory afterwards (the non-zero
// ranges) and its initial memory is the instance's page count. The bytes only preparing reads
// (the default pack's JSON text: `__finadvicePreparedSourcesStart`/`Length`) are left out. A page
// instantiating the new module starts with both already prepared; the code, the tables and every other section are
// unchanged bytes, but for one start function appended when a large region of the memory can be
// rebuilt from other bytes of it (see "a large table" below).
//
// Refused (the build fails) unless the state is provably JS-free and complete:
// * no import is called (every import throws), so no JS handle, externref slot or random seed
//   from the environment can be in the memory;
// * the export returns true (both prepared);
// * every mutable global (`__stack_pointer`, …) is back at its value before the call, and the
//   externref and function tables kept their sizes (checked on a copy with the globals
//   exported, made with binaryen's JS API);
// * both runs (the copy and the file itself) leave identical memory;
// * the file's data segments are all active, at constant i32 offsets (no passive segment: an
//   active one is dropped at instantiation, so a memory.init / data.drop naming one behaves the
//   same whatever its index, and renumbering them changes nothing else; the result is validated);
// * a fresh instance of the result has exactly the snapshot's memory.
//
// With --check, only verifies that the file is already a snapshot (`__finadviceDefaultsPrepared`
// answers true in a fresh instance whose imports all throw) and exits 1 otherwise.

import fs from "node:fs";
import binaryen from "binaryen";

const PREPARE = "__finadvicePrepareDefaults";
const PREPARED = "__finadviceDefaultsPrepared";
const SOURCES_START = "__finadvicePreparedSourcesStart";
const SOURCES_LENGTH = "__finadvicePreparedSourcesLength";
// Zero runs shorter than this stay inside a segment (a segment header costs ~6 bytes).
const MIN_GAP = Number(process.env.SNAPSHOT_MIN_GAP ?? 64);

const args = process.argv.slice(2);
const check = args.includes("--check");
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("usage: node scripts/snapshot.mjs FILE.wasm [--check]");
  process.exit(2);
}
const fail = (message) => {
  console.error(`snapshot: ${message}`);
  process.exit(1);
};

function instantiate(bytes) {
  const module = new WebAssembly.Module(bytes);
  const imports = {};
  for (const imp of WebAssembly.Module.imports(module)) {
    if (imp.kind !== "function") fail(`unexpected ${imp.kind} import ${imp.module}.${imp.name}`);
    imports[imp.module] ??= {};
    imports[imp.module][imp.name] = () => {
      throw new Error(`import ${imp.module}.${imp.name} called while preparing the snapshot`);
    };
  }
  return new WebAssembly.Instance(module, imports);
}

const bytes = fs.readFileSync(file);

if (check) {
  const exports = instantiate(bytes).exports;
  if (typeof exports[PREPARED] !== "function") fail(`${file} has no ${PREPARED} export`);
  if (exports[PREPARED]() !== 1) fail(`${file} is not a snapshot: the defaults are not prepared`);
  console.log(`snapshot: ${file} starts with the defaults prepared`);
  process.exit(0);
}

// ---- wasm binary reading and writing (only what the sections below need) ----
function readU32(buf, pos) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[pos++];
    result |= (byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return [result >>> 0, pos];
    shift += 7;
  }
}
function readI32(buf, pos) {
  let result = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[pos++];
    result |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  if (shift < 32 && byte & 0x40) result |= -1 << shift;
  return [result, pos];
}
function u32(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}
function i32(n) {
  const out = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

function sections(buf) {
  if (buf.readUInt32LE(0) !== 0x6d736100 || buf.readUInt32LE(4) !== 1) fail(`${file} is not a wasm module`);
  const list = [];
  let pos = 8;
  while (pos < buf.length) {
    const id = buf[pos];
    const [size, start] = readU32(buf, pos + 1);
    list.push({ id, start: pos, body: start, end: start + size });
    pos = start + size;
  }
  return list;
}

const list = sections(bytes);
const section = (id) => list.find((s) => s.id === id);
const memorySection = section(5);
const dataSection = section(11);
if (!memorySection || !dataSection) fail("the module has no memory or no data section");

// Memory section: one memory, limits flag 0 (min) or 1 (min, max).
let [count, pos] = readU32(bytes, memorySection.body);
if (count !== 1) fail(`${count} memories`);
const limitsFlag = bytes[pos++];
if (limitsFlag !== 0 && limitsFlag !== 1) fail(`memory limits flag ${limitsFlag} (shared or 64-bit memory)`);
let minPages;
[minPages, pos] = readU32(bytes, pos);
let maxPages = null;
if (limitsFlag === 1) [maxPages, pos] = readU32(bytes, pos);

// Data section: every segment active in memory 0 at an i32.const offset; its [start, end) in memory.
const dataRanges = [];
[count, pos] = readU32(bytes, dataSection.body);
for (let i = 0; i < count; i++) {
  const flag = bytes[pos++];
  if (flag !== 0) fail(`data segment ${i} is not active in memory 0 (flag ${flag})`);
  if (bytes[pos++] !== 0x41) fail(`data segment ${i}'s offset is not an i32.const`);
  let size, offset;
  [offset, pos] = readI32(bytes, pos);
  if (bytes[pos++] !== 0x0b) fail(`data segment ${i}'s offset is not a constant expression`);
  [size, pos] = readU32(bytes, pos);
  dataRanges.push([offset >>> 0, (offset >>> 0) + size]);
  pos += size;
}
// A DataCount section, if any, is rewritten with the new number of segments.

// ---- run 1: a copy with every mutable global exported, to check they are restored ----
binaryen.setColorsEnabled?.(false);
const probeModule = binaryen.readBinary(bytes);
// The features scripts/build-pkg.sh gives wasm-opt (not All: binaryen would then write newer
// encodings, such as compact imports, that engines reject).
const F = binaryen.Features;
probeModule.setFeatures(
  F.MutableGlobals |
    F.NontrappingFPToInt |
    F.SIMD128 |
    F.BulkMemory |
    F.BulkMemoryOpt |
    F.SignExt |
    F.ReferenceTypes |
    F.Multivalue |
    F.CallIndirectOverlong,
);
const globals = [];
for (let i = 0; i < probeModule.getNumGlobals(); i++) {
  const info = binaryen.getGlobalInfo(probeModule.getGlobalByIndex(i));
  if (info.mutable && !info.imported) {
    const exportName = `__snapshot_global_${i}`;
    probeModule.addGlobalExport(info.name, exportName);
    globals.push({ name: info.name, exportName });
  }
}
const probeBytes = probeModule.emitBinary();
probeModule.dispose();
if (!globals.length) fail("no mutable global found (expected at least __stack_pointer)");

let stackTop = 0;
function prepare(moduleBytes, withGlobals) {
  const { exports } = instantiate(moduleBytes);
  if (typeof exports[PREPARE] !== "function") fail(`no ${PREPARE} export`);
  if (exports[PREPARED]() !== 0) fail("the defaults are already prepared (is this file already a snapshot?)");
  const tables = Object.entries(exports).filter(([, v]) => v instanceof WebAssembly.Table);
  const tableSizes = tables.map(([, t]) => t.length);
  const before = withGlobals ? globals.map((g) => exports[g.exportName].value) : [];
  if (withGlobals) stackTop = before[0];
  const ok = exports[PREPARE]();
  if (ok !== 1) fail(`${PREPARE} returned ${ok}: the default model or rule pack could not be prepared`);
  if (exports[PREPARED]() !== 1) fail(`${PREPARED} is false after ${PREPARE}`);
  tables.forEach(([name, t], i) => {
    if (t.length !== tableSizes[i]) fail(`table ${name} changed size (${tableSizes[i]} → ${t.length})`);
  });
  if (withGlobals) {
    globals.forEach((g, i) => {
      const after = exports[g.exportName].value;
      if (after !== before[i]) fail(`global ${g.name} changed (${before[i]} → ${after})`);
    });
  }
  const sources = [exports[SOURCES_START]() >>> 0, exports[SOURCES_LENGTH]() >>> 0];
  return { memory: new Uint8Array(exports.memory.buffer), sources };
}
const { memory: probeMemory } = prepare(probeBytes, true);
const { memory, sources } = prepare(bytes, false);
if (Buffer.compare(Buffer.from(probeMemory), Buffer.from(memory)) !== 0) fail("two runs left different memory");

// The default rule pack's JSON text: read only to build the pack, which the snapshot holds built,
// so it is left out (zeroed). It must be static data: inside one of the module's data segments.
const [sourcesStart, sourcesLength] = sources;
const sourcesEnd = sourcesStart + sourcesLength;
if (!(sourcesLength > 0 && dataRanges.some(([start, end]) => start <= sourcesStart && sourcesEnd <= end)))
  fail(`the prepared sources [${sourcesStart}, ${sourcesEnd}) are not inside one of the module's data segments`);
memory.fill(0, sourcesStart, sourcesEnd);

// The shadow stack: with Rust's stack-first layout the only mutable global is the stack pointer,
// the stack is [0, its start value) and every static lies above it. Back at its start value, all
// of the stack is dead frames of the call: zeroed, so that they are not shipped.
let stackZeroed = 0;
if (globals.length === 1 && dataRanges.every(([start]) => start >= stackTop)) {
  memory.fill(0, 0, stackTop);
  stackZeroed = stackTop;
}

// ---- the memory's non-zero ranges ----
function nonZeroRanges(mem) {
  const ranges = [];
  let i = 0;
  const n = mem.length;
  while (i < n) {
    while (i < n && mem[i] === 0) i++;
    if (i >= n) break;
    const start = i;
    let end = i;
    let zeros = 0;
    while (i < n) {
      if (mem[i] !== 0) {
        zeros = 0;
        end = i + 1;
      } else if (++zeros >= MIN_GAP) break;
      i++;
    }
    ranges.push([start, end]);
    i = end;
  }
  return ranges;
}

// ---- a large table of 32-bit values that is a byte-wise image of other bytes in memory ----
// tract folds the default model's int8 embedding table (Cast + Mul by one scale) into an f32
// copy, 4 bytes per int8 byte still present in the model's bytes. Such a region is left out of the
// data (zeros) and rebuilt at instantiation by a small start function added to the module:
// value[i] = palette[source[i]], from the source bytes in memory and a 256-entry palette placed in
// the (dead, zeroed) shadow stack, which it zeroes again afterwards. Found by search, used only when
// every value of the region is reproduced, and the memory after instantiation is compared with the
// snapshot byte for byte below.
const image = Uint8Array.from(memory);
const words = new Uint32Array(image.buffer, 0, image.length >>> 2);
function findExpansion() {
  const K = 64;
  const candidates = nonZeroRanges(image)
    .filter(([a, b]) => b - a >= 65536)
    .sort((x, y) => y[1] - y[0] - (x[1] - x[0]));
  const palette = new Int32Array(256);
  const paletteSet = new Uint32Array(256);
  let generation = 0;
  for (const [a, b] of candidates) {
    const mid = (a + ((b - a) >> 1)) & ~3;
    const probe = Array.from({ length: K }, (_, i) => words[(mid >> 2) + i]);
    if (new Set(probe).size < 8) continue;
    // A source s: image[s + i] maps to probe[i] consistently, both ways.
    let source = -1;
    for (let s = stackTop; s + K <= image.length && source < 0; s++) {
      if (s + K > a && s < b) continue;
      generation++;
      const back = new Map();
      let ok = true;
      for (let i = 0; i < K && ok; i++) {
        const byte = image[s + i];
        const value = probe[i];
        if (paletteSet[byte] === generation) ok = palette[byte] === (value | 0);
        else {
          paletteSet[byte] = generation;
          palette[byte] = value | 0;
        }
        if (ok) {
          const seen = back.get(value);
          if (seen === undefined) back.set(value, byte);
          else ok = seen === byte;
        }
      }
      if (ok) source = s;
    }
    if (source < 0) continue;
    // Grow the region both ways while the byte → value map stays a function.
    const map = new Int32Array(256);
    const set = new Uint8Array(256);
    const fits = (t, src) => {
      if (t < a || t + 4 > b || src < 0 || src >= image.length) return false;
      if (src + 1 > a && src < b) return false;
      const byte = image[src];
      const value = words[t >> 2] | 0;
      if (set[byte]) return map[byte] === value;
      set[byte] = 1;
      map[byte] = value;
      return true;
    };
    let t0 = mid;
    let s0 = source;
    let count = 0;
    while (fits(t0 + 4 * count, s0 + count)) count++;
    while (fits(t0 - 4, s0 - 1)) {
      t0 -= 4;
      s0 -= 1;
      count++;
    }
    // The source bytes must not lie inside the region they rebuild.
    if (count >= 16384 && (s0 + count <= t0 || s0 >= t0 + 4 * count)) {
      return { target: t0, source: s0, count, palette: map.slice(), used: set.slice() };
    }
  }
  return null;
}
let expansion = null;
if (stackZeroed && process.env.SNAPSHOT_EXPAND !== "0") {
  expansion = findExpansion();
  if (expansion) {
    const { target, count, palette } = expansion;
    expansion.paletteAt = stackTop - 1024;
    memory.fill(0, target, target + 4 * count);
    new Uint32Array(memory.buffer, expansion.paletteAt, 256).set(Uint32Array.from(palette, (v) => v >>> 0));
  }
}
const segments = nonZeroRanges(memory);
const pages = memory.length / 65536;
if (maxPages !== null && pages > maxPages) fail(`memory grew to ${pages} pages, above the maximum ${maxPages}`);

function withSize(id, body) {
  return Buffer.concat([Buffer.from([id, ...u32(body.length)]), body]);
}
const dataParts = [Buffer.from(u32(segments.length))];
for (const [start, end] of segments) {
  dataParts.push(Buffer.from([0x00, 0x41, ...i32(start), 0x0b, ...u32(end - start)]));
  dataParts.push(Buffer.from(memory.subarray(start, end)));
}
const memoryBody = Buffer.from([...u32(1), limitsFlag, ...u32(pages), ...(maxPages !== null ? u32(maxPages) : [])]);

// ---- the start function that rebuilds the expanded region (a function appended to the module) ----
const replaced = new Map();
let startSection = null;
if (expansion) {
  if (section(8)) fail("the module already has a start function");
  const { target, source, count, paletteAt } = expansion;
  // Type () -> (): an existing one, or a new one appended.
  const typeSection = section(1);
  let [typeCount, p] = readU32(bytes, typeSection.body);
  let voidType = -1;
  for (let t = 0; t < typeCount; t++) {
    if (bytes[p++] !== 0x60) fail("a type that is not a function type");
    let n;
    [n, p] = readU32(bytes, p);
    const params = n;
    p += n;
    [n, p] = readU32(bytes, p);
    if (params === 0 && n === 0 && voidType < 0) voidType = t;
    p += n;
  }
  if (voidType < 0) {
    voidType = typeCount;
    const rest = bytes.subarray(readU32(bytes, typeSection.body)[1], typeSection.end);
    replaced.set(1, withSize(1, Buffer.concat([Buffer.from(u32(typeCount + 1)), rest, Buffer.from([0x60, 0, 0])])));
  }
  const importedFunctions = WebAssembly.Module.imports(new WebAssembly.Module(bytes)).filter(
    (i) => i.kind === "function",
  ).length;
  const functionSection = section(3);
  const [definedCount, fp] = readU32(bytes, functionSection.body);
  replaced.set(
    3,
    withSize(
      3,
      Buffer.concat([
        Buffer.from(u32(definedCount + 1)),
        bytes.subarray(fp, functionSection.end),
        Buffer.from(u32(voidType)),
      ]),
    ),
  );
  const codeSection = section(10);
  const [codeCount, cp] = readU32(bytes, codeSection.body);
  // (local $i i32)
  // loop: mem32[target + 4i] = mem32[paletteAt + 4 * mem8[source + i]]; i++; br_if i < count
  // then memory.fill(paletteAt, 0, 1024)
  const body = Buffer.from([
    0x01,
    0x01,
    0x7f,
    0x03,
    0x40,
    0x20,
    0x00,
    0x41,
    0x02,
    0x74,
    0x20,
    0x00,
    0x2d,
    0x00,
    ...u32(source),
    0x41,
    0x02,
    0x74,
    0x28,
    0x02,
    ...u32(paletteAt),
    0x36,
    0x02,
    ...u32(target),
    0x20,
    0x00,
    0x41,
    0x01,
    0x6a,
    0x22,
    0x00,
    0x41,
    ...i32(count),
    0x49,
    0x0d,
    0x00,
    0x0b,
    0x41,
    ...i32(paletteAt),
    0x41,
    0x00,
    0x41,
    ...i32(1024),
    0xfc,
    0x0b,
    0x00,
    0x0b,
  ]);
  replaced.set(
    10,
    withSize(
      10,
      Buffer.concat([
        Buffer.from(u32(codeCount + 1)),
        bytes.subarray(cp, codeSection.end),
        Buffer.from(u32(body.length)),
        body,
      ]),
    ),
  );
  startSection = withSize(8, Buffer.from(u32(importedFunctions + definedCount)));
}

const out = [bytes.subarray(0, 8)];
for (const s of list) {
  if (s.id === 5) out.push(withSize(5, memoryBody));
  else if (s.id === 11) out.push(withSize(11, Buffer.concat(dataParts)));
  else if (s.id === 12) out.push(withSize(12, Buffer.from(u32(segments.length))));
  else if (replaced.has(s.id)) out.push(replaced.get(s.id));
  else out.push(bytes.subarray(s.start, s.end));
  if (s.id === 7 && startSection) out.push(startSection);
}
if (startSection && !section(7)) fail("no export section to place the start section after");
const result = Buffer.concat(out);

// The result must validate, start prepared, and its memory right after instantiation must be the
// snapshot's, byte for byte.
if (!WebAssembly.validate(result)) fail("the snapshot does not validate");
{
  const { exports } = instantiate(result);
  if (Buffer.compare(Buffer.from(new Uint8Array(exports.memory.buffer)), Buffer.from(image)) !== 0) {
    fail("the memory of a fresh instance of the snapshot differs from the snapshot");
  }
  if (exports[PREPARED]() !== 1) fail("the snapshot does not start prepared");
}
fs.writeFileSync(file, result);
const dataBytes = segments.reduce((sum, [a, b]) => sum + (b - a), 0);
console.log(
  `snapshot: ${file}: ${bytes.length} → ${result.length} bytes; memory ${minPages} → ${pages} pages, ` +
    `${segments.length} data segments (${dataBytes} bytes); stack [0, ${stackZeroed}) zeroed; ` +
    (expansion
      ? `${expansion.count} 32-bit values at ${expansion.target} rebuilt at start from the bytes at ${expansion.source}`
      : "no region rebuilt at start"),
);
