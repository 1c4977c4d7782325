import { InputError } from "../../src/errors.js";

/** The InputError `fn` throws; any other outcome (no error, another error) fails the test. */
export function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected an InputError");
}
