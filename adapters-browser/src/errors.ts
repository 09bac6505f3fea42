/** The storage call an error came from. */
export type StorageOperation = "open" | "read" | "write" | "delete" | "has" | "readAll" | "clear";

/**
 * Base class of the errors the IndexedDB adapter reports when IndexedDB fails a call (a key that is
 * not a string is the caller's mistake, and stays a `TypeError`: {@link InvalidKeyError}). `key` names
 * the session the call was about (when there is one) and `cause` holds the browser's original error,
 * so nothing is hidden.
 */
export class StorageAdapterError extends Error {
  /** The session key the failed call was about, if the call had one. */
  readonly key: string | undefined;
  /** The call that failed. */
  readonly operation: StorageOperation;

  constructor(message: string, options: { key?: string; operation: StorageOperation; cause?: unknown }) {
    super(message, { cause: options.cause });
    // A literal: minifiers rename classes, so a name taken from the class would read "X: …".
    this.name = "StorageAdapterError";
    this.key = options.key;
    this.operation = options.operation;
  }
}

/**
 * The value given to `write` cannot be stored: IndexedDB's structured clone refused it
 * (`DataCloneError`: functions, symbols, DOM nodes, class instances holding them…; `RangeError`:
 * nested thousands of levels deep, past the stack structured clone recurses on), or it was
 * `undefined` (grammY deletes a session set to `undefined`; call `delete` instead).
 * The value stored before under that key is left untouched.
 */
export class UnstorableValueError extends StorageAdapterError {
  constructor(message: string, options: { key?: string; operation: StorageOperation; cause?: unknown }) {
    super(message, options);
    this.name = "UnstorableValueError";
  }
}

/**
 * The browser refused a write because the origin ran out of storage (`QuotaExceededError`).
 * The write is rolled back as a whole; everything stored before is still there.
 */
export class StorageQuotaError extends StorageAdapterError {
  constructor(message: string, options: { key?: string; operation: StorageOperation; cause?: unknown }) {
    super(message, options);
    this.name = "StorageQuotaError";
  }
}

/** Why IndexedDB could not be opened. */
export type UnavailableReason =
  /** There is no `indexedDB` global (Node without a polyfill, some embedded web views). */
  | "missing"
  /** The context may not use IndexedDB (opaque origin, sandboxed iframe, storage disabled): a `SecurityError`. */
  | "denied"
  /** Another connection to the same database kept it from opening within the timeout (usually another tab). */
  | "blocked"
  /** Opening failed for another reason; see `cause`. */
  | "failed";

/**
 * IndexedDB cannot be used here. Raised by the first call that needs the database, instead of
 * letting the bot hang; the next call tries again, so a blocked database can recover.
 */
export class IndexedDBUnavailableError extends StorageAdapterError {
  /** What went wrong, for callers that want to offer a fallback (such as `MemorySessionStorage`). */
  readonly reason: UnavailableReason;

  constructor(message: string, options: { reason: UnavailableReason; cause?: unknown }) {
    super(message, { operation: "open", cause: options.cause });
    this.name = "IndexedDBUnavailableError";
    this.reason = options.reason;
  }
}

/**
 * A session key that is not a string. grammY's keys are always strings (`ctx.chatId.toString()`
 * by default); numbers, arrays or dates would be stored under IndexedDB keys that a string read
 * never finds again, so they are refused up front.
 */
export class InvalidKeyError extends TypeError {
  /** The rejected key, as given. */
  readonly key: unknown;

  constructor(key: unknown, operation: StorageOperation) {
    super(`Session keys must be strings, but ${operation} got ${describeKey(key)}.`);
    this.name = "InvalidKeyError";
    this.key = key;
  }
}

function describeKey(key: unknown): string {
  if (key === null) return "null";
  if (typeof key === "string") return JSON.stringify(key);
  if (typeof key === "number" || typeof key === "bigint" || typeof key === "boolean") {
    return `the ${typeof key} ${String(key)}`;
  }
  if (Array.isArray(key)) return "an array";
  return typeof key === "object" ? `an object (${Object.prototype.toString.call(key)})` : `a ${typeof key}`;
}

/** Turns an error from IndexedDB into one of the classes above, naming the key involved. */
export function explainError(error: unknown, operation: StorageOperation, key?: string): StorageAdapterError {
  if (error instanceof StorageAdapterError) return error;
  const name = errorName(error);
  const detail = errorDetail(error);
  const subject = key === undefined ? "the session store" : `session ${JSON.stringify(key)}`;
  if (name === "DataCloneError") {
    return new UnstorableValueError(
      `Cannot ${operation} ${subject}: IndexedDB cannot store this value (${detail}). ` +
        "Session data must be structured-cloneable: no functions, symbols or DOM nodes. The previous value was kept.",
      { key, operation, cause: error },
    );
  }
  if (name === "RangeError" && operation === "write") {
    // Structured clone recurses once per level: a value thousands of levels deep overflows the stack.
    return new UnstorableValueError(
      `Cannot ${operation} ${subject}: IndexedDB cannot store this value, it is nested too deeply (${detail}). ` +
        "The previous value was kept.",
      { key, operation, cause: error },
    );
  }
  if (name === "QuotaExceededError") {
    return new StorageQuotaError(
      `Cannot ${operation} ${subject}: the browser's storage quota for this origin is exhausted (${detail}). ` +
        "Nothing was changed; free space (delete old sessions) and try again.",
      { key, operation, cause: error },
    );
  }
  return new StorageAdapterError(`Cannot ${operation} ${subject}: ${detail}`, { key, operation, cause: error });
}

/** The `name` of an Error or DOMException, or undefined for anything else. */
export function errorName(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && typeof (error as { name?: unknown }).name === "string"
    ? (error as { name: string }).name
    : undefined;
}

function errorDetail(error: unknown): string {
  // idb-keyval rejects with `transaction.error`, which is null when the transaction was aborted without one.
  if (error == null) return "the IndexedDB transaction was aborted";
  const name = errorName(error);
  const message =
    typeof error === "object" && error !== null ? String((error as { message?: unknown }).message ?? "") : String(error);
  return name && message ? `${name}: ${message}` : name || message || "unknown error";
}
