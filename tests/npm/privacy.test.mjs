// Privacy audit of the built package: the WebAssembly module can only call the functions the
// wasm-bindgen glue gives it, and none of them can reach the network. The glue's one `fetch` is the
// module loading its own .wasm file in `init`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../../pkg/', import.meta.url));
const glue = readFileSync(join(pkg, 'finadvice.js'), 'utf8');

/** Web APIs that can send data off the device (or load code that could). */
const NETWORK = /\b(fetch|XMLHttpRequest|WebSocket|WebTransport|EventSource|sendBeacon|importScripts|RTCPeerConnection|RTCDataChannel|navigator|location|document|Image|Worker|SharedWorker|ServiceWorker|postMessage|open)\b|\bimport\s*\(/;

/** Source text without comments (they may mention the APIs by name). */
function code(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** The body of the glue's import object: every function the wasm module can call. */
function importObjectSource() {
  const start = glue.indexOf('function __wbg_get_imports()');
  assert.ok(start >= 0, 'the glue defines __wbg_get_imports');
  const end = glue.indexOf('\n}\n', start);
  return glue.slice(start, end);
}

test('the wasm module imports only from the wasm-bindgen glue', () => {
  const module = new WebAssembly.Module(readFileSync(join(pkg, 'finadvice_bg.wasm')));
  const imports = WebAssembly.Module.imports(module);
  assert.ok(imports.length > 0);
  const modules = new Set(imports.map((i) => i.module));
  assert.deepEqual([...modules], ['./finadvice_bg.js']);
  const source = importObjectSource();
  for (const { name } of imports) {
    assert.ok(source.includes(`${name}:`) || source.includes(`${name} =`) || source.includes(`.${name}`),
      `import ${name} is defined by the glue's import object`);
  }
});

test('no function the wasm module can call reaches the network', () => {
  const source = importObjectSource();
  const lines = source.split('\n').filter((line) => NETWORK.test(line));
  assert.deepEqual(lines, [], `network-capable APIs in the import object:\n${lines.join('\n')}`);
});

test("the glue's only fetch loads the module's own .wasm file", () => {
  const fetches = glue.split('\n').filter((line) => /\bfetch\s*\(/.test(line)).map((l) => l.trim());
  assert.deepEqual(fetches, ['module_or_path = fetch(module_or_path);']);
  assert.match(glue, /new URL\('finadvice_bg\.wasm', import\.meta\.url\)/);
});

test('the entry point and snippets make no request', () => {
  const index = code(readFileSync(join(pkg, 'index.js'), 'utf8'));
  const dynamicImports = [...index.matchAll(/\bimport\s*\(([^)]*)\)/g)].map((m) => m[1].replace(/\/\*.*?\*\//g, '').trim());
  assert.deepEqual(dynamicImports, ["'node:fs/promises'"], 'only Node reads the .wasm from disk');
  assert.doesNotMatch(index.replace(/\bimport\s*\([^)]*\)/g, ''), NETWORK);
  for (const file of files(join(pkg, 'snippets'))) {
    assert.doesNotMatch(code(readFileSync(file, 'utf8')), NETWORK, file);
  }
});
