// The worker: loads the module once, then answers each profile with a report (or its problems).
import init, { Advisor, FinAdviceError } from "../../pkg/index.js";

const ready = init().then(() => new Advisor());

self.onmessage = async ({ data }) => {
  const advisor = await ready;
  try {
    self.postMessage({ report: advisor.advise(data) });
  } catch (error) {
    if (!(error instanceof FinAdviceError)) throw error;
    self.postMessage({ errors: error.errors });
  }
};
