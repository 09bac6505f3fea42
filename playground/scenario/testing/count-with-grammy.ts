/**
 * The reference the comparison views are checked against: a scenario's updates through the pizza
 * counter on real grammY in Node, one after another, with a storage that counts every call and keeps
 * JSON copies (as a database would). It shares no code with the sandbox the views run in.
 */
import type { StorageAdapter } from "grammy";
import type { Update } from "grammy/types";
import { parseScenario } from "../parse";
import { createPizzaBot, type PizzaSession } from "../pizza-bot";
import type { ProgramSpec } from "../programs";
import { stepsToUpdates } from "../to-updates";

/** One storage call grammY made. */
export interface CountedOp {
  updateId: number;
  op: "read" | "write" | "delete";
  key: string;
  /** For reads: whether the key held a value. */
  found?: boolean;
  /** For writes: the UTF-8 length of the value's JSON; 0 otherwise. */
  bytes: number;
}

/** What grammY did with a scenario. */
export interface CountedRun {
  ops: CountedOp[];
  /** The store afterwards, by key. */
  sessions: Record<string, PizzaSession>;
}

/** The updates a scenario text sends; throws on a refused line. */
export function scenarioUpdates(text: string): Update[] {
  const result = parseScenario(text);
  if (!result.ok) throw new Error(`The scenario does not parse: ${JSON.stringify(result.errors)}`);
  return stepsToUpdates(result.steps, { date: 1_700_000_000 });
}

/** Runs `updates` through the pizza counter of `spec` on real grammY and reports every storage call. */
export async function countWithGrammy(spec: Pick<ProgramSpec, "mode" | "key">, updates: readonly Update[]): Promise<CountedRun> {
  const data = new Map<string, string>();
  const ops: CountedOp[] = [];
  const storageFor = (update: Update): StorageAdapter<PizzaSession> => ({
    read: async (key) => {
      const json = data.get(key);
      ops.push({ updateId: update.update_id, op: "read", key, found: json !== undefined, bytes: 0 });
      return json === undefined ? undefined : (JSON.parse(json) as PizzaSession);
    },
    write: async (key, value) => {
      const json = JSON.stringify(value);
      ops.push({ updateId: update.update_id, op: "write", key, bytes: new TextEncoder().encode(json).length });
      data.set(key, json);
    },
    delete: async (key) => {
      ops.push({ updateId: update.update_id, op: "delete", key, bytes: 0 });
      data.delete(key);
    },
  });
  const { handle } = createPizzaBot({ mode: spec.mode, key: spec.key, storageFor });
  for (const update of updates) await handle(structuredClone(update));
  const sessions: Record<string, PizzaSession> = {};
  for (const [key, json] of data) sessions[key] = JSON.parse(json) as PizzaSession;
  return { ops, sessions };
}

/** How many calls of `op` are among `ops`. */
export function countOps(ops: readonly CountedOp[], op: CountedOp["op"]): number {
  return ops.filter((o) => o.op === op).length;
}
