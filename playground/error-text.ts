/**
 * A thrown value as text. Every side of the playground (page, compiler worker, sandbox worker) catches
 * values that may not be `Error`s (user code can `throw 42`), and shows them through these two.
 */

/** The message alone: `error.message` for an `Error`, the value as a string otherwise. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One line with the class name (`TypeError: x is not a function`), for event fields that must be strings. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error === "string" ? error : String(error);
}
