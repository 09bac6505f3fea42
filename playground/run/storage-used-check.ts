/**
 * The page's check of a `storage-used` event before anything shows it. The sandbox runs untrusted code
 * that could post its own messages, so the shape is checked field by field and anything unexpected is
 * refused rather than repaired: the inspector reads IndexedDB by the names this event carries.
 */
import type { SessionStorageInfo, SessionStorageKind } from "../protocol";

const KINDS: readonly SessionStorageKind[] = ["memory", "indexeddb", "custom"];
const MIDDLEWARES: readonly SessionStorageInfo["middleware"][] = ["session", "lazySession"];
/** Longest name accepted (fragment, database, store, class). */
const MAX_NAME = 200;

/** The storage the event describes, or the reason it is refused. */
export function checkStorageUsed(event: unknown): { ok: true; storage: SessionStorageInfo } | { ok: false; reason: string } {
  if (!isRecord(event) || event.type !== "storage-used") return { ok: false, reason: "it is not a storage-used event" };
  const s = event.storage;
  if (!isRecord(s)) return { ok: false, reason: "storage is not an object" };
  if (typeof s.storageIndex !== "number" || !Number.isSafeInteger(s.storageIndex) || s.storageIndex < 0) {
    return { ok: false, reason: "storageIndex is not a non-negative integer" };
  }
  if (!KINDS.includes(s.kind as SessionStorageKind)) return { ok: false, reason: `kind is not one of ${KINDS.join(", ")}` };
  if (!MIDDLEWARES.includes(s.middleware as SessionStorageInfo["middleware"])) {
    return { ok: false, reason: `middleware is not one of ${MIDDLEWARES.join(", ")}` };
  }
  const storage: SessionStorageInfo = {
    storageIndex: s.storageIndex,
    kind: s.kind as SessionStorageKind,
    middleware: s.middleware as SessionStorageInfo["middleware"],
  };
  for (const field of ["fragment", "database", "store", "className"] as const) {
    const value = s[field];
    if (value === undefined) continue;
    if (typeof value !== "string" || value.length > MAX_NAME) return { ok: false, reason: `${field} is not a string of at most ${MAX_NAME} characters` };
    storage[field] = value;
  }
  for (const field of ["default", "enhanced"] as const) {
    const value = s[field];
    if (value === undefined) continue;
    if (typeof value !== "boolean") return { ok: false, reason: `${field} is not a boolean` };
    if (value) storage[field] = true;
  }
  if (storage.kind === "indexeddb" && (storage.database === undefined || storage.store === undefined)) {
    return { ok: false, reason: "an indexeddb storage needs its database and store" };
  }
  return { ok: true, storage };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
