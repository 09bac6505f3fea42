/**
 * Events carry values from user code (API payloads, session data, updates) across `postMessage`,
 * which refuses functions, symbols and some host objects, and overflows the stack on values nested
 * a few thousand levels deep. {@link postCloneable} posts the event as it is when it can (the
 * common, fast case), otherwise a copy whose unclonable parts are replaced by short descriptions and
 * whose deep parts are cut, and as a last resort the event with its unpostable values replaced by a
 * placeholder: the event itself always arrives.
 */
import { copyValue } from "@session-lab/adapters-browser/values";

/** What stands for a value that could not be read or sent at all. */
function unpostable(error: unknown): string {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `[value that could not be sent: ${reason}]`;
}

/** Reads `object[key]`; a getter or Proxy trap that throws gives a placeholder instead. */
function read(object: object, key: string): unknown {
  try {
    return (object as Record<string, unknown>)[key];
  } catch (error) {
    return unpostable(error);
  }
}

/**
 * A copy of `value` that structured clone accepts (the adapter package's `copyValue`, in its mode for
 * posting): what clones is kept as it is, functions and symbols are described, errors keep their
 * name, a part whose read throws becomes a placeholder, shared parts and cycles stay shared, and
 * objects deeper than `MAX_COPY_DEPTH` levels become a marker saying how many levels were left out.
 */
export function toCloneable(value: unknown): unknown {
  return copyValue(value, { forPosting: true, unreadable: unpostable });
}

/**
 * The event with each top-level field that cannot be posted replaced by a placeholder, so that its
 * type and ids still arrive when a value inside it cannot.
 */
function withPlaceholders(message: unknown): unknown {
  if (typeof message !== "object" || message === null) return unpostable(message);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(message)) {
    const value = read(message, key);
    try {
      out[key] = structuredClone(toCloneable(value));
    } catch (error) {
      out[key] = unpostable(error);
    }
  }
  return out;
}

/**
 * Posts `message`. When `post` throws (structured clone refuses a value, the stack overflows on a
 * deep one, a getter throws), it posts a {@link toCloneable} copy, and if that throws too, the
 * message with placeholders. An error that is not about the value (a closed port) throws from the
 * last attempt.
 */
export function postCloneable(post: (message: unknown) => void, message: unknown): void {
  try {
    post(message);
    return;
  } catch {
    // Try a copy that structured clone accepts.
  }
  let copy: unknown;
  try {
    copy = toCloneable(message);
  } catch {
    copy = undefined; // A throwing Proxy trap (ownKeys…): placeholders below.
  }
  if (copy !== undefined) {
    try {
      post(copy);
      return;
    } catch {
      // Placeholders below.
    }
  }
  post(withPlaceholders(message));
}
