// Promise-based access to the engine running in engine-worker.js. Errors thrown in the worker come
// back as FinAdviceError (with the same `errors` list) or Error.
import { FinAdviceError } from "../index.js";

/** Starts the engine worker and returns `call(method, ...args) → Promise`. */
export function startEngine() {
  const worker = new Worker(new URL("./engine-worker.js", import.meta.url), { type: "module" });
  const pending = new Map();
  let nextId = 1;
  worker.onmessage = ({ data: { id, ok, result, error } }) => {
    const request = pending.get(id);
    if (!request) return;
    pending.delete(id);
    if (ok) request.resolve(result);
    else
      request.reject(
        error.name === "FinAdviceError" ? new FinAdviceError(error.message, error.errors) : new Error(error.message),
      );
  };
  worker.onerror = (event) => {
    for (const request of pending.values()) request.reject(new Error(`the engine worker failed: ${event.message}`));
    pending.clear();
  };
  const call = (method, ...args) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, method, args });
    });
  return { call, terminate: () => worker.terminate() };
}
