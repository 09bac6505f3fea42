/**
 * The page's check of every event from the sandbox before anything uses it. The sandbox's events come
 * only from the runtime's own code over a private port, but that code runs next to untrusted code, so
 * each event's type and fields are checked: a runner-only event ("started", "stopped"), an unknown type
 * or a field of the wrong kind is refused, never repaired.
 */
import type { SandboxEvent } from "../protocol";
import { checkStorageUsed } from "./storage-used-check";

type Kind = "string" | "number" | "boolean" | "object";
type Shape = Record<string, Kind | readonly string[]>;

const OPS = ["read", "write", "delete", "has", "readAllKeys", "readAllValues", "readAllEntries"] as const;
const LEVELS = ["log", "info", "warn", "error", "debug"] as const;

/** Required fields of each event type the sandbox may send. */
const REQUIRED: Record<SandboxEvent["type"], Shape> = {
  ready: { durationMs: "number" },
  "bot-started": {},
  "bot-stopped": {},
  "not-delivered": { update: "object", reason: ["no-program", "program-failed", "bot-stopped", "dropped"] },
  "update-waiting": { updateId: "number", waitedMs: "number", queued: "number" },
  "storage-used": { storage: "object" },
  "update-received": { updateId: "number", update: "object", at: "number" },
  "update-handled": { updateId: "number", durationMs: "number" },
  storage: { id: "number", op: OPS, startedAt: "number", durationMs: "number", storageIndex: "number" },
  "api-call": { callId: "number", method: "string", payload: "object", durationMs: "number" },
  "api-unreachable": { method: "string", message: "string" },
  "polling-stopped": {},
  console: { level: LEVELS, text: "string" },
  "console-skipped": { count: "number" },
  error: { phase: ["load", "update", "unhandled"], name: "string", message: "string" },
  pong: { seq: "number" },
};

/** Optional fields that, when present, must have this kind. */
const OPTIONAL: Partial<Record<SandboxEvent["type"], Shape>> = {
  "bot-stopped": { updateId: "number", error: "object" },
  "not-delivered": { message: "string" },
  "update-waiting": { pending: "object", lastCall: "object" },
  "update-handled": { error: "string" },
  storage: { key: "string", found: "boolean", error: "string", updateId: "number", startSeq: "number", endSeq: "number" },
  "api-call": { error: "object", updateId: "number" },
  "api-unreachable": { updateId: "number" },
  console: { line: "number" },
  error: { line: "number", column: "number", updateId: "number" },
};

function fits(value: unknown, kind: Kind | readonly string[]): boolean {
  if (typeof kind !== "string") return typeof value === "string" && kind.includes(value);
  if (kind === "object") return typeof value === "object" && value !== null;
  if (kind === "number") return typeof value === "number" && !Number.isNaN(value);
  return typeof value === kind;
}

function describe(kind: Kind | readonly string[]): string {
  return typeof kind === "string" ? `a ${kind}` : `one of ${kind.join(", ")}`;
}

/** The event as the page may use it, or why it is refused. */
export function checkEvent(event: unknown): { ok: true; event: SandboxEvent } | { ok: false; reason: string } {
  if (typeof event !== "object" || event === null) return { ok: false, reason: "it is not an object" };
  const record = event as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== "string" || !Object.hasOwn(REQUIRED, type)) {
    return { ok: false, reason: `${JSON.stringify(String(type)).slice(0, 60)} is not an event the sandbox may send` };
  }
  const known = type as SandboxEvent["type"];
  for (const [field, kind] of Object.entries(REQUIRED[known])) {
    if (!fits(record[field], kind)) return { ok: false, reason: `${type}.${field} is not ${describe(kind)}` };
  }
  for (const [field, kind] of Object.entries(OPTIONAL[known] ?? {})) {
    if (record[field] !== undefined && !fits(record[field], kind)) return { ok: false, reason: `${type}.${field} is not ${describe(kind)}` };
  }
  if (known === "storage-used") {
    const result = checkStorageUsed(event);
    return result.ok ? { ok: true, event: { type: "storage-used", storage: result.storage } } : result;
  }
  return { ok: true, event: event as SandboxEvent };
}
