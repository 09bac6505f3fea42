// Runs in headless Chromium for `npm run bench -- adapters` (bundled by bench/adapters.bench.ts).
// Each variant gets its own database so that the variants do not share caches or locks.
import { createStore, entries, get, setMany, set, clear, type UseStore } from "idb-keyval";
import { IndexedDBAdapter, observeStorage, type StorageEvent } from "../../src/index.js";
import type { StorageAdapter } from "grammy";

/** The session shape measured: small, like most bots' sessions, with a Date so cloning is not trivial. */
interface BenchSession {
  chat: string;
  pizzas: string[];
  count: number;
  lastSeen: Date;
}

/** Which implementation a measurement goes through. */
export type BenchVariant = "raw" | "adapter" | "observed";

/** What the page offers to the bench runner. */
export interface AdapterBench {
  /**
   * Milliseconds each variant takes for `n` sequential write-then-read pairs, per turn of `chunk`
   * pairs. The variants take turns every `chunk` pairs (in an order that rotates), so a burst of
   * machine noise lands on all of them rather than on whichever happened to be running.
   */
  pairsRound(n: number, chunk: number, rotation: number): Promise<Record<BenchVariant, number[]>>;
  /** Fills every variant's store with `n` entries (outside of any measurement). */
  fill(n: number): Promise<void>;
  /** Milliseconds each variant takes to read every entry (one after the other, in a rotating order), and how many it read. */
  readAllRound(rotation: number): Promise<Record<BenchVariant, { ms: number; count: number }>>;
  /** How many events the observer reported so far, and the last one's op (proves it really ran). */
  observed(): { events: number; lastOp: string | undefined };
}

const rawStore: UseStore = createStore("bench-raw", "sessions");
const adapter = new IndexedDBAdapter<BenchSession>({ database: "bench-adapter" });
const observedInner = new IndexedDBAdapter<BenchSession>({ database: "bench-observed" });
let events = 0;
let last: StorageEvent | undefined;
const observed = observeStorage(observedInner, (event) => {
  events++;
  last = event; // keep a reference, as a real consumer would
});

function session(i: number): BenchSession {
  return { chat: `chat-${i % 100}`, pizzas: ["margherita", "funghi"].slice(0, (i % 2) + 1), count: i, lastSeen: new Date(1_700_000_000_000 + i) };
}

const VARIANTS: BenchVariant[] = ["raw", "adapter", "observed"];

async function pairsRound(n: number, chunk: number, rotation: number): Promise<Record<BenchVariant, number[]>> {
  const turns: Record<BenchVariant, number[]> = { raw: [], adapter: [], observed: [] };
  for (let done = 0, turn = rotation; done < n; done += chunk, turn++) {
    const size = Math.min(chunk, n - done);
    for (let k = 0; k < VARIANTS.length; k++) {
      const variant = VARIANTS[(turn + k) % VARIANTS.length];
      turns[variant].push(await pairs(variant, done, size));
    }
  }
  return turns;
}

/** Milliseconds for pairs number `from` to `from + n - 1` through `variant`; checks what it reads. */
async function pairs(variant: BenchVariant, from: number, n: number): Promise<number> {
  let checksum = 0;
  const start = performance.now();
  if (variant === "raw") {
    for (let i = from; i < from + n; i++) {
      const key = String(-1001 - (i % 100));
      await set(key, session(i), rawStore);
      checksum += (await get<BenchSession>(key, rawStore))!.count;
    }
  } else {
    const storage: StorageAdapter<BenchSession> = variant === "adapter" ? adapter : observed;
    for (let i = from; i < from + n; i++) {
      const key = String(-1001 - (i % 100));
      await storage.write(key, session(i));
      checksum += (await storage.read(key))!.count;
    }
  }
  const ms = performance.now() - start;
  if (checksum !== (n * (2 * from + n - 1)) / 2) throw new Error(`${variant}: read back the wrong values`);
  return ms;
}

async function fill(n: number): Promise<void> {
  const all: [string, BenchSession][] = Array.from({ length: n }, (_, i) => [String(-1_000_000 - i), session(i)]);
  await clear(rawStore);
  await setMany(all, rawStore);
  for (const target of [adapter, observedInner]) {
    await target.clear();
    for (let i = 0; i < all.length; i += 1000) {
      await Promise.all(all.slice(i, i + 1000).map(([k, v]) => target.write(k, v)));
    }
  }
}

async function readAll(variant: BenchVariant): Promise<{ ms: number; count: number }> {
  let count = 0;
  const start = performance.now();
  if (variant === "raw") {
    for (const [, value] of await entries<string, BenchSession>(rawStore)) count += value.count >= 0 ? 1 : 0;
  } else {
    const source = (variant === "adapter" ? adapter : observed).readAllEntries!();
    for await (const [, value] of source) count += value.count >= 0 ? 1 : 0;
  }
  return { ms: performance.now() - start, count };
}

async function readAllRound(rotation: number) {
  const result = {} as Record<BenchVariant, { ms: number; count: number }>;
  for (let k = 0; k < VARIANTS.length; k++) {
    const variant = VARIANTS[(rotation + k) % VARIANTS.length];
    result[variant] = await readAll(variant);
  }
  return result;
}

const bench: AdapterBench = { pairsRound, fill, readAllRound, observed: () => ({ events, lastOp: last?.op }) };
(globalThis as unknown as { adapterBench: AdapterBench }).adapterBench = bench;
