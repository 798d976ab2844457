// The error class every finadvice entry point throws on bad input. `errors` holds every problem
// found, each `{code, path, message}` with `path` a JSON pointer (e.g. "/debts/1/aprPercent").
export class FinAdviceError extends Error {
  constructor(message, errors) {
    super(message);
    this.name = "FinAdviceError";
    this.errors = Array.isArray(errors) ? errors : [];
    this.code = this.errors.length > 0 ? this.errors[0].code : "invalid";
  }
}
