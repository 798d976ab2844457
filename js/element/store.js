// Kept on the device, opt-in: the profile, the imported transactions and the category corrections
// in this browser's IndexedDB (database "finadvice", one record), never sent anywhere. With a
// passphrase the record is encrypted with AES-GCM (256-bit key from PBKDF2-SHA-256, 600,000
// iterations — OWASP Password Storage Cheat Sheet, 2023 — and a random 16-byte salt and 12-byte IV
// per save); without the passphrase the record cannot be read, and nothing else can recover it.

const DB = "finadvice";
const STORE = "saved";
const KEY = "current";
const PBKDF2_ITERATIONS = 600_000;

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function transact(mode, run) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = run(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request?.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

async function deriveKey(passphrase, salt) {
  const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false, [
    "deriveKey",
  ]);
  return crypto.subtle.deriveKey(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations: PBKDF2_ITERATIONS },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

/** Saves `data` (any JSON value), encrypted when a passphrase is given. */
export async function save(data, passphrase) {
  const json = JSON.stringify(data);
  let record;
  if (passphrase) {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const key = await deriveKey(passphrase, salt);
    const ciphertext = new Uint8Array(
      await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, new TextEncoder().encode(json)),
    );
    record = { version: 1, encrypted: true, salt, iv, ciphertext, savedAt: new Date().toISOString() };
  } else {
    record = { version: 1, encrypted: false, json, savedAt: new Date().toISOString() };
  }
  await transact("readwrite", (store) => store.put(record, KEY));
}

/** What is saved, without reading it: null, or {encrypted, savedAt}. */
export async function peek() {
  const record = await transact("readonly", (store) => store.get(KEY));
  return record ? { encrypted: record.encrypted, savedAt: record.savedAt } : null;
}

/** The saved data, or null when nothing is saved; throws "wrong passphrase" when it cannot be decrypted. */
export async function load(passphrase) {
  const record = await transact("readonly", (store) => store.get(KEY));
  if (!record) return null;
  if (!record.encrypted) return JSON.parse(record.json);
  if (!passphrase) throw new Error("the saved numbers are locked with a passphrase");
  const key = await deriveKey(passphrase, record.salt);
  let plain;
  try {
    plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: record.iv }, key, record.ciphertext);
  } catch {
    throw new Error("wrong passphrase");
  }
  return JSON.parse(new TextDecoder().decode(plain));
}

/** Deletes everything this page saved in IndexedDB. */
export async function remove() {
  await transact("readwrite", (store) => store.delete(KEY));
}
