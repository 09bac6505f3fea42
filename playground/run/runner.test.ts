import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RunnerEvent, SandboxConnect, SandboxEvent, SandboxRequest } from "../protocol";
import { LIVE_STOP_MS, SandboxRunner, type RunnerChannel, type RunnerPort, type SandboxWorker } from "./runner";

/** One end of a synchronous stand-in for a `MessageChannel`. */
class FakePort implements RunnerPort {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  other: FakePort | undefined;
  closed = false;
  postMessage(message: unknown): void {
    if (!this.closed && this.other && !this.other.closed) this.other.onmessage?.({ data: message });
  }
  close(): void {
    this.closed = true;
  }
}

function fakeChannel(): RunnerChannel {
  const port1 = new FakePort();
  const port2 = new FakePort();
  port1.other = port2;
  port2.other = port1;
  return { port1, port2: port2 as unknown as Transferable };
}

/**
 * A stand-in for the sandbox worker: takes the private port it is handed, records the requests that
 * come through it, answers pings after `pongDelayMs` (as a worker whose event loop is free would), and
 * stops answering while `blocked` (a synchronous loop).
 */
class FakeWorker implements SandboxWorker {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  connects: SandboxConnect[] = [];
  requests: SandboxRequest[] = [];
  port: FakePort | undefined;
  terminated = false;
  blocked = false;
  pongDelayMs = 0;

  postMessage(message: SandboxConnect, transfer: Transferable[]): void {
    this.connects.push(message);
    this.port = transfer[0] as unknown as FakePort;
    this.port.onmessage = ({ data }) => this.request(data as SandboxRequest);
  }

  /** What the program could do: post on the worker's own channel. */
  forge(data: unknown): void {
    if (!this.terminated) this.onmessage?.({ data });
  }

  /** Events as the runtime sends them: one batch. */
  emitBatch(batch: unknown[]): void {
    if (!this.terminated) this.port?.postMessage(batch);
  }

  request(message: SandboxRequest): void {
    this.requests.push(message);
    if (message.type === "ping" && !this.blocked) {
      const seq = message.seq;
      setTimeout(() => {
        if (!this.blocked) this.emit({ type: "pong", seq });
      }, this.pongDelayMs);
    }
  }

  terminate(): void {
    this.terminated = true;
  }

  emit(event: SandboxEvent): void {
    this.emitBatch([event]);
  }

  sent<T extends SandboxRequest["type"]>(type: T) {
    return this.requests.filter((r): r is Extract<SandboxRequest, { type: T }> => r.type === type);
  }
}

const program = { code: "console.log(1)", map: "{}", filename: "bot.ts" };
const storage = { database: "test-db" };
const update = (id: number) => ({ update_id: id, message: { message_id: id, date: 0, chat: { id: 1, type: "private", first_name: "A" }, from: { id: 1, is_bot: false, first_name: "A" }, text: "hi" } }) as Update;

let workers: FakeWorker[];
let events: (SandboxEvent | RunnerEvent)[];
let runner: SandboxRunner;

beforeEach(() => {
  vi.useFakeTimers();
  workers = [];
  events = [];
  runner = new SandboxRunner({
    createChannel: fakeChannel,
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
  });
  runner.onEvent((event) => events.push(event));
});

afterEach(() => {
  runner.stop();
  vi.useRealTimers();
});

const stops = () => events.filter((e): e is Extract<RunnerEvent, { type: "stopped" }> => e.type === "stopped");

describe("SandboxRunner", () => {
  it("starts a worker, hands it the private port first, pings it through the port before sending the program, and reports started", () => {
    runner.run(program, storage);
    expect(runner.running).toBe(true);
    expect(events[0]).toEqual({ type: "started" });
    expect(workers[0].connects).toEqual([{ type: "connect" }]);
    expect(workers[0].requests.map((r) => r.type)).toEqual(["ping", "run"]);
    expect(workers[0].sent("run")[0]).toEqual({ type: "run", ...program, storage });
  });

  it("queues updates until the program is ready, then sends them in order", () => {
    runner.run(program, storage);
    runner.send(update(1));
    runner.send(update(2));
    expect(workers[0].sent("update")).toEqual([]);
    workers[0].emit({ type: "ready", durationMs: 5 });
    runner.send(update(3));
    expect(workers[0].sent("update").map((r) => r.update.update_id)).toEqual([1, 2, 3]);
  });

  it("passes every worker event to listeners, and unsubscribing stops them", () => {
    runner.run(program, storage);
    const mine: string[] = [];
    const unsubscribe = runner.onEvent((e) => mine.push(e.type));
    workers[0].emit({ type: "console", level: "log", text: "hello", line: 3 });
    unsubscribe();
    workers[0].emit({ type: "console", level: "log", text: "again" });
    expect(mine).toEqual(["console"]);
    expect(events.filter((e) => e.type === "console")).toHaveLength(2);
  });

  it("checks storage-used events: a well-formed one passes with only its known fields, a malformed one becomes a warning", () => {
    runner.run(program, storage);
    const good = { storageIndex: 0, kind: "indexeddb", middleware: "session", database: "db", store: "sessions" } as const;
    workers[0].emit({ type: "storage-used", storage: { ...good, extra: "<img>" } as never });
    workers[0].emit({ type: "storage-used", storage: { storageIndex: -1, kind: "memory", middleware: "session" } });
    workers[0].emit({ type: "storage-used", storage: { storageIndex: 1, kind: "redis", middleware: "session" } as never });
    workers[0].emit({ type: "storage-used", storage: { storageIndex: 2, kind: "indexeddb", middleware: "session" } });
    const seen = events.filter((e) => e.type === "storage-used" || e.type === "console");
    expect(seen[0]).toEqual({ type: "storage-used", storage: good });
    expect(seen.slice(1).map((e) => (e.type === "console" ? e.level : e.type))).toEqual(["warn", "warn", "warn"]);
    expect(seen[1]).toMatchObject({ text: expect.stringContaining("storageIndex is not a non-negative integer") });
    expect(seen[2]).toMatchObject({ text: expect.stringContaining("kind is not one of memory, indexeddb, custom") });
    expect(seen[3]).toMatchObject({ text: expect.stringContaining("needs its database and store") });
  });

  it("keeps a worker that yields, even when it is busy for longer than the watchdog limit in total", () => {
    runner.run(program, storage);
    workers[0].emit({ type: "ready", durationMs: 1 });
    workers[0].pongDelayMs = 2000; // slow, but it answers every ping
    workers[0].emit({ type: "update-received", updateId: 7, update: update(7), at: 0 });
    vi.advanceTimersByTime(20_000);
    expect(runner.running).toBe(true);
    expect(stops()).toEqual([]);
    expect(workers[0].sent("ping").length).toBeGreaterThan(5);
  });

  it("does not blame the worker when the page itself ran late: a starved page looks several times first", () => {
    runner.run(program, storage);
    const worker = workers[0];
    worker.emit({ type: "ready", durationMs: 1 });
    vi.advanceTimersByTime(1000);
    worker.pongDelayMs = 400; // it answers every ping, each a little after the page's next look
    vi.advanceTimersByTime(300); // a ping is out
    // The page got no CPU for 5 s (a busy machine): its clock moved on, its timers did not run.
    vi.setSystemTime(Date.now() + 5000);
    vi.advanceTimersByTime(2000);
    expect(runner.running).toBe(true);
    expect(stops()).toEqual([]);
  });

  it("stops a worker stuck in a synchronous loop and names the update it was handling", () => {
    runner.run(program, storage);
    const worker = workers[0];
    worker.emit({ type: "ready", durationMs: 1 });
    vi.advanceTimersByTime(1000);
    worker.emit({ type: "update-received", updateId: 6, update: update(6), at: 0 });
    worker.emit({ type: "update-handled", updateId: 6, durationMs: 1 });
    worker.emit({ type: "update-received", updateId: 7, update: update(7), at: 0 });
    worker.emit({ type: "update-received", updateId: 8, update: update(8), at: 0 });
    worker.blocked = true; // while (true) {}
    vi.advanceTimersByTime(3000);
    expect(runner.running).toBe(true);
    vi.advanceTimersByTime(300);
    expect(runner.running).toBe(false);
    expect(worker.terminated).toBe(true);
    expect(stops()).toEqual([
      { type: "stopped", reason: "watchdog", updateId: 7, message: "Stopped: the handler for update 7 ran for more than 3 s without yielding" },
    ]);
  });

  it("says so when the program itself loops, outside any update", () => {
    runner = new SandboxRunner({ createChannel: fakeChannel, createWorker: () => (workers[0] = new FakeWorker()), watchdogMs: 1500 });
    runner.onEvent((e) => events.push(e));
    runner.run(program, storage);
    vi.advanceTimersByTime(300); // the first pong arrives: the worker's code has loaded
    workers[0].blocked = true;
    vi.advanceTimersByTime(2000);
    expect(stops()).toEqual([
      { type: "stopped", reason: "watchdog", message: "Stopped: the program ran for more than 1.5 s without yielding" },
    ]);
  });

  it("gives a new worker time to load its own code before the watchdog applies", () => {
    runner.run(program, storage);
    workers[0].blocked = true; // still downloading and evaluating grammY
    vi.advanceTimersByTime(10_000);
    expect(runner.running).toBe(true);
    vi.advanceTimersByTime(21_000);
    expect(stops()).toEqual([{ type: "stopped", reason: "crashed", message: "The sandbox did not start within 30 s." }]);
  });

  it("a new run terminates the previous worker (rerun) and ignores its late events", () => {
    runner.run(program, storage);
    const first = workers[0];
    runner.run(program, storage);
    expect(first.terminated).toBe(true);
    expect(stops()).toEqual([{ type: "stopped", reason: "rerun" }]);
    first.terminated = false;
    first.emit({ type: "console", level: "log", text: "late" });
    expect(events.some((e) => e.type === "console")).toBe(false);
    expect(events.map((e) => e.type)).toEqual(["started", "stopped", "started"]);
    expect(runner.running).toBe(true);
  });

  it("stop() terminates with reason user, then sends go nowhere", () => {
    runner.run(program, storage);
    runner.stop();
    expect(workers[0].terminated).toBe(true);
    expect(stops()).toEqual([{ type: "stopped", reason: "user" }]);
    runner.send(update(1));
    expect(workers[0].sent("update")).toEqual([]);
    runner.stop();
    expect(stops()).toHaveLength(1);
  });

  it("reports a worker that crashes", () => {
    runner.run(program, storage);
    workers[0].onerror?.({ message: "SyntaxError: Unexpected token" });
    expect(stops()).toEqual([{ type: "stopped", reason: "crashed", message: "SyntaxError: Unexpected token" }]);
    expect(runner.running).toBe(false);
  });

  it("reports a worker that cannot even be created", () => {
    runner = new SandboxRunner({
      createWorker: () => {
        throw new TypeError("Module scripts are not supported");
      },
    });
    runner.onEvent((e) => events.push(e));
    runner.run(program, storage);
    expect(runner.running).toBe(false);
    expect(events).toEqual([
      { type: "started" },
      { type: "stopped", reason: "crashed", message: "The sandbox worker could not be created: TypeError: Module scripts are not supported" },
    ]);
  });

  it("reports an update sent while nothing runs as not delivered", () => {
    expect(runner.send(update(1))).toBe(false);
    expect(events).toEqual([{ type: "not-delivered", update: update(1), reason: "no-program" }]);
  });

  it("stops a program that throws while loading, with its error and line, and reports what waited for it", () => {
    runner.run(program, storage);
    expect(runner.send(update(1))).toBe(true);
    workers[0].emit({ type: "error", phase: "load", name: "ReferenceError", message: "foo is not defined", line: 7, column: 1 });
    expect(workers[0].terminated).toBe(true);
    expect(runner.running).toBe(false);
    expect(stops()).toEqual([{ type: "stopped", reason: "load-error", message: "ReferenceError: foo is not defined", line: 7 }]);
    expect(events.at(-1)).toEqual({ type: "not-delivered", update: update(1), reason: "program-failed" });
  });

  it("keeps running after an error that is not a load error", () => {
    runner.run(program, storage);
    workers[0].emit({ type: "ready", durationMs: 1 });
    workers[0].emit({ type: "error", phase: "unhandled", name: "Error", message: "late" });
    workers[0].emit({ type: "error", phase: "update", name: "TypeError", message: "x", updateId: 1 });
    expect(runner.running).toBe(true);
    expect(stops()).toEqual([]);
  });

  it("stops the run when anything arrives on the worker's own channel: only the program could have posted it", () => {
    runner.run(program, storage);
    workers[0].emit({ type: "ready", durationMs: 1 });
    workers[0].forge({ type: "storage", id: 1, op: "write", startedAt: 0, durationMs: 0, storageIndex: 0 });
    expect(workers[0].terminated).toBe(true);
    expect(events.some((e) => e.type === "storage")).toBe(false);
    expect(stops()).toEqual([{ type: "stopped", reason: "refused", message: expect.stringContaining("posted its own messages") }]);
  });

  it("handles a batch in order, and refuses runner-only and malformed events as warnings", () => {
    runner.run(program, storage);
    workers[0].emitBatch([
      { type: "ready", durationMs: 1 },
      { type: "stopped", reason: "user" },
      { type: "storage", id: 1, op: "drop-table", startedAt: 0, durationMs: 0, storageIndex: 0 },
      { type: "console", level: "log", text: "after" },
    ]);
    expect(runner.running).toBe(true);
    expect(stops()).toEqual([]);
    const seen = events.slice(1).map((e) => (e.type === "console" ? `${e.level}: ${e.text}` : e.type));
    expect(seen).toEqual([
      "ready",
      'warn: The sandbox sent an event the page cannot use ("stopped" is not an event the sandbox may send); it was ignored.',
      "warn: The sandbox sent an event the page cannot use (storage.op is not one of read, write, delete, has, readAllKeys, readAllValues, readAllEntries); it was ignored.",
      "log: after",
    ]);
  });

  it("stops a run that keeps sending more events a second than the budget, once its three seconds of allowance are spent", () => {
    runner = new SandboxRunner({ createChannel: fakeChannel, createWorker: () => (workers[0] = new FakeWorker()), floodPerSecond: 100 });
    runner.onEvent((e) => events.push(e));
    runner.run(program, storage);
    const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ type: "console", level: "log", text: String(i) }));
    // 150 a second against a budget of 100 (and the pongs): the 300 of allowance last a few seconds.
    let seconds = 0;
    while (runner.running && seconds < 20) {
      workers[0].emitBatch(lines(150));
      vi.advanceTimersByTime(1000);
      seconds++;
    }
    expect(seconds).toBeGreaterThanOrEqual(4);
    expect(seconds).toBeLessThanOrEqual(7);
    expect(stops()).toEqual([{ type: "stopped", reason: "flood", message: "The program sent the page more than 100 events in one second." }]);
  });

  it("lets through in one lump what a run sent within the budget while the page had no time for it", () => {
    runner = new SandboxRunner({ createChannel: fakeChannel, createWorker: () => (workers[0] = new FakeWorker()), floodPerSecond: 100 });
    runner.onEvent((e) => events.push(e));
    runner.run(program, storage);
    const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ type: "console", level: "log", text: String(i) }));
    // 90 a second for three seconds, read by a page that was busy all that time, then back to 90 a second.
    workers[0].emitBatch(lines(270));
    for (let second = 0; second < 10; second++) {
      vi.advanceTimersByTime(1000);
      workers[0].emitBatch(lines(90));
    }
    expect(runner.running).toBe(true);
    expect(stops()).toEqual([]);
  });

  it("does not hold the events of the reader's own updates against the program", () => {
    runner = new SandboxRunner({ createChannel: fakeChannel, createWorker: () => (workers[0] = new FakeWorker()), floodPerSecond: 50 });
    runner.onEvent((e) => events.push(e));
    runner.run(program, storage);
    workers[0].emit({ type: "ready", durationMs: 1 });
    for (let id = 1; id <= 20; id++) runner.send(update(id));
    const handled = (id: number) => [
      { type: "update-received", updateId: id, update: update(id), at: 0 },
      { type: "storage", id, op: "read", key: "1", startedAt: 0, durationMs: 0, storageIndex: 0, updateId: id },
      { type: "storage", id, op: "write", key: "1", startedAt: 0, durationMs: 0, storageIndex: 0, updateId: id },
      { type: "update-handled", updateId: id, durationMs: 1 },
    ];
    // 20 updates, 80 events in one second, over the budget of 50: paid for by the updates.
    workers[0].emitBatch(Array.from({ length: 20 }, (_, i) => handled(i + 1)).flat());
    expect(runner.running).toBe(true);
  });

  it("no longer pings after stopping", () => {
    runner.run(program, storage);
    runner.stop();
    const pings = workers[0].sent("ping").length;
    vi.advanceTimersByTime(5000);
    expect(workers[0].sent("ping").length).toBe(pings);
  });
});

it("can be imported and constructed where there is no Worker (SSR)", async () => {
  vi.useRealTimers();
  expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe("undefined");
  const module = await import("./runner");
  const ssrRunner = new module.SandboxRunner();
  expect(ssrRunner.running).toBe(false);
  ssrRunner.stop();
});

describe("SandboxRunner in live mode", () => {
  const live = { token: "123456:secret-token-value", apiRoot: "http://127.0.0.1:8081" };

  it("hands the worker the live settings with the program", () => {
    runner.run(program, storage, live);
    expect(workers[0].sent("run")[0]).toEqual({ type: "run", ...program, storage, live });
  });

  it("on Stop, asks the worker to stop polling and terminates it once it has, with the page told at once", async () => {
    runner.run(program, storage, live);
    workers[0].emit({ type: "ready", durationMs: 1 });
    runner.stop();
    expect(stops()).toEqual([{ type: "stopped", reason: "user" }]);
    expect(runner.running).toBe(false);
    expect(workers[0].sent("stop-polling")).toHaveLength(1);
    expect(workers[0].terminated).toBe(false);
    let drained = false;
    void runner.drained().then(() => (drained = true));
    await Promise.resolve();
    expect(drained).toBe(false);
    // Its last events (the confirming getUpdates) no longer reach the page.
    workers[0].emitBatch([{ type: "console", level: "log", text: "late" }, { type: "polling-stopped" }]);
    expect(workers[0].terminated).toBe(true);
    await vi.runAllTimersAsync();
    expect(drained).toBe(true);
    expect(events.some((e) => e.type === "console")).toBe(false);
  });

  it("terminates a worker that does not stop polling in time", async () => {
    runner.run(program, storage, live);
    runner.stop("rerun");
    expect(stops()).toEqual([{ type: "stopped", reason: "rerun" }]);
    await vi.advanceTimersByTimeAsync(LIVE_STOP_MS - 1);
    expect(workers[0].terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(workers[0].terminated).toBe(true);
    await runner.drained();
  });

  it("terminates at once a live run the runner ends itself (here: the program speaks on its own channel)", () => {
    runner.run(program, storage, live);
    workers[0].forge({ type: "ready" });
    expect(stops()[0].reason).toBe("refused");
    expect(workers[0].terminated).toBe(true);
    expect(workers[0].sent("stop-polling")).toEqual([]);
  });
});
