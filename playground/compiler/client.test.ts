import { afterEach, describe, expect, it, vi } from "vitest";
import type { CompilerRequest, CompilerResponse } from "../protocol";
import { createCompiler, getCompiler } from "./client";

/** A worker double: records what the client posts and lets the test answer as the compiler worker would. */
class FakeWorker extends EventTarget {
  readonly received: CompilerRequest[] = [];
  terminated = false;
  postMessage(message: CompilerRequest) {
    this.received.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(message: CompilerResponse) {
    this.dispatchEvent(new MessageEvent("message", { data: message }));
  }
  crash(message: string) {
    this.dispatchEvent(Object.assign(new Event("error"), { message }));
  }
  compiles() {
    return this.received.filter((m): m is Extract<CompilerRequest, { type: "compile" }> => m.type === "compile");
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const compiler = createCompiler(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
  return { compiler, workers };
}

/** Lets the client's awaits run. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("getCompiler", () => {
  it("is one compiler per tab, and getting it starts nothing (Node, like SSR, has no Worker)", () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe("undefined");
    expect(getCompiler()).toBe(getCompiler());
  });
});

describe("createCompiler", () => {
  it("creates no worker until it is used", () => {
    const { workers } = setup();
    expect(workers).toHaveLength(0);
  });

  it("starts esbuild once, sharing the promise and the progress", async () => {
    const { compiler, workers } = setup();
    const first: number[][] = [];
    const second: number[][] = [];
    const a = compiler.init((loaded, total) => first.push([loaded, total]));
    const b = compiler.init((loaded, total) => second.push([loaded, total]));
    expect(b).toBe(a);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.received).toEqual([{ type: "init" }]);

    workers[0]!.reply({ type: "init-progress", loaded: 5, total: 10 });
    workers[0]!.reply({ type: "init-done", durationMs: 3 });
    await expect(a).resolves.toBeUndefined();
    expect(first).toEqual([[5, 10]]);
    expect(second).toEqual([[5, 10]]);
    expect(compiler.init()).toBe(a);
    expect(workers[0]!.received).toHaveLength(1);
  });

  it("matches concurrent compiles to their answers by id", async () => {
    const { compiler, workers } = setup();
    const one = compiler.compile("one");
    const two = compiler.compile("two", "two.js");
    workers[0]!.reply({ type: "init-done", durationMs: 1 });
    await tick();
    const [first, second] = workers[0]!.compiles();
    expect(first).toMatchObject({ code: "one", filename: "bot.ts" });
    expect(second).toMatchObject({ code: "two", filename: "two.js" });
    expect(first!.id).not.toBe(second!.id);

    const diagnostic = { message: "nope", line: 1, column: 1, severity: "error" as const };
    workers[0]!.reply({ type: "compile-failed", id: second!.id, diagnostics: [diagnostic], durationMs: 2 });
    workers[0]!.reply({ type: "compiled", id: first!.id, code: "js", map: "{}", durationMs: 4, warnings: [] });
    await expect(one).resolves.toEqual({ ok: true, code: "js", map: "{}", durationMs: 4, warnings: [] });
    await expect(two).resolves.toEqual({ ok: false, diagnostics: [diagnostic], durationMs: 2 });
  });

  it("asks for the compile's messages in the page's language, or in the one given", async () => {
    const { compiler, workers } = setup();
    const page = globalThis as { document?: unknown };
    void compiler.compile("no page");
    page.document = { documentElement: { lang: "es" } };
    try {
      void compiler.compile("Spanish page");
      void compiler.compile("asked for English", "bot.ts", "en");
      workers[0]!.reply({ type: "init-done", durationMs: 1 });
      await tick();
      expect(workers[0]!.compiles().map(({ code, locale }) => [code, locale])).toEqual([
        ["no page", "en"],
        ["Spanish page", "es"],
        ["asked for English", "en"],
      ]);
      // Answered, so no compile is left waiting on the client's 60 s deadline: the unit tests share one
      // process, and on a slow machine that deadline would fire while another file runs.
      for (const { id } of workers[0]!.compiles()) workers[0]!.reply({ type: "compiled", id, code: "", map: "{}", durationMs: 1, warnings: [] });
    } finally {
      delete page.document;
    }
  });

  it("says on a Spanish page that the compiler could not start, in Spanish", async () => {
    const { compiler, workers } = setup();
    const page = globalThis as { document?: unknown };
    page.document = { documentElement: { lang: "es" } };
    try {
      const compile = compiler.compile("x");
      workers[0]!.reply({ type: "init-failed", message: "HTTP 404" });
      await expect(compile).rejects.toThrow("El compilador no pudo arrancar: HTTP 404");
    } finally {
      delete page.document;
    }
  });

  it("rejects a failed start, and tries again on the next call", async () => {
    const { compiler, workers } = setup();
    const compile = compiler.compile("x");
    workers[0]!.reply({ type: "init-failed", message: "HTTP 404" });
    await expect(compile).rejects.toThrow("The compiler could not start: HTTP 404");

    const retry = compiler.init();
    expect(workers[0]!.received).toEqual([{ type: "init" }, { type: "init" }]);
    workers[0]!.reply({ type: "init-done", durationMs: 1 });
    await expect(retry).resolves.toBeUndefined();
  });

  it("rejects everything pending when the worker crashes, then starts a fresh one", async () => {
    const { compiler, workers } = setup();
    const starting = compiler.init();
    workers[0]!.reply({ type: "init-done", durationMs: 1 });
    await starting;
    const a = compiler.compile("a");
    const b = compiler.compile("b");
    await tick();
    workers[0]!.crash("out of memory");
    await expect(a).rejects.toThrow("The compiler worker crashed: out of memory");
    await expect(b).rejects.toThrow("The compiler worker crashed: out of memory");
    expect(workers[0]!.terminated).toBe(true);

    const again = compiler.compile("c");
    expect(workers).toHaveLength(2);
    workers[0]!.reply({ type: "init-done", durationMs: 1 }); // the dead worker is no longer heard
    workers[1]!.reply({ type: "init-done", durationMs: 1 });
    await tick();
    const [request] = workers[1]!.compiles();
    workers[1]!.reply({ type: "compiled", id: request!.id, code: "c", map: "{}", durationMs: 1, warnings: [] });
    await expect(again).resolves.toMatchObject({ ok: true, code: "c" });
  });

  it("fails, not throws, where workers cannot be created", async () => {
    const compiler = createCompiler(() => {
      throw new Error("Worker is not defined");
    });
    await expect(compiler.init()).rejects.toThrow("Worker is not defined");
  });
});

describe("createCompiler with a compile cache", () => {
  it("answers a program compiled before from the cache, without starting a worker", async () => {
    const stored = new Map<string, { code: string; map: string }>();
    const cache = {
      get: (source: string, filename: string) => stored.get(`${filename}:${source}`),
      set: (source: string, filename: string, bundle: { code: string; map: string }) => void stored.set(`${filename}:${source}`, bundle),
    };
    const workers: FakeWorker[] = [];
    const compiler = createCompiler(() => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    }, cache);

    expect(compiler.isCached("let a = 1;")).toBe(false);
    const first = compiler.compile("let a = 1;");
    await tick();
    workers[0].reply({ type: "init-done", durationMs: 1 });
    await tick();
    const [request] = workers[0].compiles();
    workers[0].reply({ type: "compiled", id: request.id, code: "let a = 1;\n", map: "{}", durationMs: 5, warnings: [] });
    await expect(first).resolves.toMatchObject({ ok: true, code: "let a = 1;\n" });

    expect(compiler.isCached("let a = 1;")).toBe(true);
    const again = await compiler.compile("let a = 1;");
    expect(again).toMatchObject({ ok: true, code: "let a = 1;\n", map: "{}" });
    expect(workers[0].compiles()).toHaveLength(1);
    expect(compiler.isCached("let a = 2;")).toBe(false);
  });
});

describe("createCompiler deadlines", () => {
  afterEach(() => vi.useRealTimers());

  function setupWith(deadlines: { initStallMs?: number; compileMs?: number }) {
    const workers: FakeWorker[] = [];
    const compiler = createCompiler(
      () => {
        const worker = new FakeWorker();
        workers.push(worker);
        return worker as unknown as Worker;
      },
      undefined,
      deadlines,
    );
    return { compiler, workers };
  }

  it("retries a start that stalls in a fresh worker without esbuild's nested worker", async () => {
    vi.useFakeTimers();
    const { compiler, workers } = setupWith({ initStallMs: 1000 });
    const starting = compiler.init();
    // The download moves: each chunk is a sign of life, so a slow but moving start is never cut short.
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(900);
      workers[0].reply({ type: "init-progress", loaded: i, total: 5 });
    }
    expect(workers).toHaveLength(1);
    // Then silence, as when Firefox never delivers the nested worker's first message.
    vi.advanceTimersByTime(1000);
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1].received).toEqual([{ type: "init", nestedWorker: false }]);
    workers[1].reply({ type: "init-done", durationMs: 5 });
    await expect(starting).resolves.toBeUndefined();
    vi.advanceTimersByTime(5000);
    expect(workers[1].terminated).toBe(false);
  });

  it("gives up with a clear message after the second stall, and starts afresh on the next call", async () => {
    vi.useFakeTimers();
    const { compiler, workers } = setupWith({ initStallMs: 1000 });
    const starting = compiler.init();
    const outcome = starting.catch((error: Error) => error.message);
    vi.advanceTimersByTime(2000);
    expect(await outcome).toBe("The compiler could not start: it stopped answering for 1 s, twice. Try again, or reload the page.");
    expect(workers.map((w) => w.terminated)).toEqual([true, true]);
    const again = compiler.init();
    expect(workers).toHaveLength(3);
    expect(workers[2].received).toEqual([{ type: "init" }]);
    workers[2].reply({ type: "init-done", durationMs: 5 });
    await expect(again).resolves.toBeUndefined();
  });

  it("replaces a worker that does not answer a compile, failing that compile with a message", async () => {
    vi.useFakeTimers();
    const { compiler, workers } = setupWith({ compileMs: 3000 });
    const starting = compiler.init();
    workers[0].reply({ type: "init-done", durationMs: 1 });
    await starting;
    const compiling = compiler.compile("let a = 1;");
    const outcome = compiling.catch((error: Error) => error.message);
    await vi.advanceTimersByTimeAsync(2999);
    expect(workers[0].terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBe("The compiler did not answer within 3 s. Try again: it starts afresh.");
    expect(workers[0].terminated).toBe(true);
    const next = compiler.compile("let b = 2;");
    await vi.advanceTimersByTimeAsync(0);
    expect(workers).toHaveLength(2);
    workers[1].reply({ type: "init-done", durationMs: 1 });
    await vi.advanceTimersByTimeAsync(0);
    const id = workers[1].compiles()[0].id;
    workers[1].reply({ type: "compiled", id, code: "let b = 2;\n", map: "{}", durationMs: 1, warnings: [] });
    await expect(next).resolves.toMatchObject({ ok: true });
  });
});
