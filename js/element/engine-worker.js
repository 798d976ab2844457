// The finadvice engine inside a module Web Worker, so a page never freezes while it computes.
// Protocol: {id, method, args} → {id, ok: true, result} | {id, ok: false, error: {name, message, errors}}.
// `configure` (re)creates the Advisor with its options; any other method is called on it, or on
// the module when the Advisor has no such method (validateProfile, factCatalog, version, ...).
import init, * as finadvice from "../index.js";

let advisor;
const ready = init();

self.onmessage = async ({ data: { id, method, args = [] } }) => {
  try {
    await ready;
    let result;
    if (method === "configure") {
      advisor = new finadvice.Advisor(args[0] ?? undefined);
      result = finadvice.version();
    } else if (advisor && typeof advisor[method] === "function") {
      result = advisor[method](...args);
    } else if (typeof finadvice[method] === "function" && method !== "default" && method !== "init") {
      result = finadvice[method](...args);
    } else {
      throw new Error(`unknown engine method ${method}`);
    }
    self.postMessage({ id, ok: true, result });
  } catch (error) {
    self.postMessage({
      id,
      ok: false,
      error: { name: error?.name ?? "Error", message: String(error?.message ?? error), errors: error?.errors },
    });
  }
};
