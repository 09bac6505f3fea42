import { execFile } from "node:child_process";
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { BotError, type Context, lazySession, type LazySessionFlavor, MemorySessionStorage, session, type SessionFlavor } from "grammy";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { ALICE, BOB, createOfflineBot, PIZZA_GROUP, recordingStorage, UpdateFactory } from "./harness/index.ts";
import { BOT_API_SCHEMA_ID, botApiSchemaPlugin } from "../../../.vitepress/plugins/bot-api-schema-plugin";

interface Pizza {
  pizzaCount: number;
}
type LazyPizzaContext = Context & LazySessionFlavor<Pizza>;

/** A bot with `lazySession()` over a recording in-memory storage; tests add handlers after it. */
function lazyBot(options: { delayMs?: number } = {}) {
  const storage = recordingStorage(new MemorySessionStorage<Pizza>(), options);
  const offline = createOfflineBot<LazyPizzaContext>();
  offline.bot.use(lazySession({ initial: () => ({ pizzaCount: 0 }), storage }));
  return { ...offline, storage, updates: new UpdateFactory() };
}

/** Whether `promise` settles (resolves or rejects) within `ms` milliseconds, without waiting any longer for it. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const settled = promise.then(
    () => true,
    () => true,
  );
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe("lazySession()", () => {
  it("no read and no write when ctx.session is never touched, on first contact too (nothing is written)", async () => {
    const { bot, storage, updates } = lazyBot();
    bot.on("message", () => {});

    await bot.handleUpdate(updates.message(ALICE, "hi", PIZZA_GROUP));
    await bot.handleUpdate(updates.message(ALICE, "anyone?", PIZZA_GROUP));

    expect(storage.calls).toEqual([]);
  });

  it("reading (await ctx.session) costs one read and one write", async () => {
    const { bot, storage, updates } = lazyBot();
    bot.command("hunger", async (ctx) => ctx.reply(`${(await ctx.session).pizzaCount}`));

    await bot.handleUpdate(updates.command(ALICE, "hunger", PIZZA_GROUP));

    expect(storage.calls).toEqual([
      { op: "read", key: String(PIZZA_GROUP.id), value: undefined },
      { op: "write", key: String(PIZZA_GROUP.id), value: { pizzaCount: 0 } },
    ]);
  });

  it("awaiting ctx.session several times in one update is still one read", async () => {
    const { bot, storage, updates } = lazyBot({ delayMs: 2 });
    bot.hears(/🍕/, async (ctx) => {
      const [a, b] = await Promise.all([ctx.session, ctx.session]); // two accesses while the read is in flight
      a.pizzaCount++;
      (await ctx.session).pizzaCount++; // and one after it settled
      expect(b).toBe(a);
    });

    await bot.handleUpdate(updates.message(ALICE, "🍕🍕"));

    expect(storage.calls).toEqual([
      { op: "read", key: String(ALICE.id), value: undefined },
      { op: "write", key: String(ALICE.id), value: { pizzaCount: 2 } },
    ]);
  });

  it("assigning before reading skips the read: 0 reads, 1 write", async () => {
    const { bot, storage, updates } = lazyBot();
    bot.command("reset", async (ctx) => {
      ctx.session = { pizzaCount: 10 };
      (await ctx.session).pizzaCount++; // reading after the assignment returns the assigned value, still no read
    });

    await bot.handleUpdate(updates.command(ALICE, "reset"));

    expect(storage.calls).toEqual([{ op: "write", key: String(ALICE.id), value: { pizzaCount: 11 } }]);
  });

  it("an assigned promise is awaited before the write: the stored value is the resolved value", async () => {
    const { bot, storage, updates } = lazyBot();
    bot.command("reset", (ctx) => {
      ctx.session = new Promise<Pizza>((resolve) => setTimeout(() => resolve({ pizzaCount: 42 }), 2));
    });

    await bot.handleUpdate(updates.command(ALICE, "reset"));

    expect(storage.calls).toEqual([{ op: "write", key: String(ALICE.id), value: { pizzaCount: 42 } }]);
  });

  it("an assigned promise that resolves to null deletes the key", async () => {
    const { bot, storage, updates } = lazyBot();
    bot.command("reset", (ctx) => {
      const chat: LazyPizzaContext = ctx; // command contexts lose the setter's wider type in TypeScript
      chat.session = Promise.resolve(null);
    });

    await bot.handleUpdate(updates.command(ALICE, "reset"));

    expect(storage.trace()).toEqual([`delete ${ALICE.id}`]);
  });

  // Guide: lazy § Assigning a promise
  it("an assigned promise that rejects: nothing is written and the update fails with that error", async () => {
    const { bot, storage, updates } = lazyBot();
    const offline = new Error("old pizza service unreachable");
    bot.command("import", (ctx) => {
      // Rejects later, while grammY is already waiting for it after the handlers.
      ctx.session = new Promise<Pizza>((_, reject) => setTimeout(() => reject(offline), 2));
    });

    const error = await bot.handleUpdate(updates.command(ALICE, "import")).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BotError);
    expect((error as BotError).error).toBe(offline);
    expect(storage.calls).toEqual([]);
  });

  it.each([
    ["a synchronous storage (MemorySessionStorage)", undefined],
    ["a storage that answers after 5 ms", 5],
  ])(
    "building the assigned promise from an unfinished read (ctx.session = ctx.session.then(…)) never settles, with %s",
    async (_, delayMs) => {
      const { bot, storage, updates } = lazyBot({ delayMs });
      bot.command("diet", (ctx) => {
        // The first access starts the read; the promise built from it is assigned before the read has finished.
        ctx.session = Promise.resolve(ctx.session).then((s) => ({ ...s, pizzaCount: 0 }));
      });
      bot.command("hunger", async (ctx) => ctx.reply(`${(await ctx.session).pizzaCount}`));

      const stuck = bot.handleUpdate(updates.command(ALICE, "diet"));
      const normal = bot.handleUpdate(updates.command(BOB, "hunger"));

      expect(await settlesWithin(normal, 200)).toBe(true);
      expect(await settlesWithin(stuck, 200)).toBe(false);
      // The read itself completed; the write that should follow it never comes.
      expect(storage.calls.filter((c) => c.key === String(ALICE.id))).toEqual([{ op: "read", key: String(ALICE.id), value: undefined }]);
    },
  );

  it("awaiting the read first and then assigning a value derived from it settles and writes", async () => {
    const { bot, storage, updates } = lazyBot({ delayMs: 5 });
    bot.command("diet", async (ctx) => {
      const session = await ctx.session;
      ctx.session = Promise.resolve({ ...session, pizzaCount: 0 });
    });

    expect(await settlesWithin(bot.handleUpdate(updates.command(ALICE, "diet")), 200)).toBe(true);
    expect(storage.trace()).toEqual([`read ${ALICE.id}`, `write ${ALICE.id}`]);
  });

  it("an assignment made while the read is in flight wins over the value read", async () => {
    const { bot, storage, updates } = lazyBot({ delayMs: 5 });
    bot.command("reset", async (ctx) => {
      const pending = ctx.session;
      ctx.session = { pizzaCount: 7 };
      expect(await pending).toEqual({ pizzaCount: 7 });
    });

    await bot.handleUpdate(updates.command(ALICE, "reset"));

    expect(storage.trace()).toEqual([`read ${ALICE.id}`, `write ${ALICE.id}`]);
    expect(storage.calls[1].value).toEqual({ pizzaCount: 7 });
  });

  it("lazySession({ type: 'multi' }) throws 'Cannot use lazy multi sessions!'", () => {
    expect(() => lazySession({ type: "multi" } as never)).toThrow(new Error("Cannot use lazy multi sessions!"));
    expect(() => lazySession({ type: "single" })).not.toThrow();
  });

  it("ctx.session is a Promise while not yet loaded, the same Promise on every access during the read, and the plain value once loaded", async () => {
    const { bot, updates } = lazyBot({ delayMs: 2 });
    const seen: unknown[] = [];
    bot.on("message", async (ctx) => {
      seen.push(ctx.session, ctx.session);
      await ctx.session;
      seen.push(ctx.session);
    });

    await bot.handleUpdate(updates.message(ALICE, "hi"));

    expect(seen[0]).toBeInstanceOf(Promise);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).not.toBeInstanceOf(Promise);
    expect(seen[2]).toEqual({ pizzaCount: 0 });
  });
});

/** The guide's ten messages to a new group: two add a pizza, two ask /hunger, six touch nothing. */
const TEN_MESSAGES = ["hi", "hello", "I love 🍕", "what", "/hunger", "ok", "🍕 again", "lol", "/hunger", "bye"];

/** Alice and Bob take turns sending `texts` to a new group; `/hunger` is sent as a command. */
function groupUpdates(texts: string[]): Update[] {
  const u = new UpdateFactory();
  return texts.map((text, i) => {
    const from = i % 2 === 0 ? ALICE : BOB;
    return text === "/hunger" ? u.command(from, "hunger", PIZZA_GROUP) : u.message(from, text, PIZZA_GROUP);
  });
}

/** Runs the pizza counter (🍕 adds one, /hunger replies with the count) over `texts` and counts the storage calls. */
async function countCalls(kind: "strict" | "lazy", texts: string[]) {
  const storage = recordingStorage(new MemorySessionStorage<Pizza>());
  if (kind === "strict") {
    const { bot } = createOfflineBot<Context & SessionFlavor<Pizza>>();
    bot.use(session({ initial: () => ({ pizzaCount: 0 }), storage }));
    bot.hears(/🍕/, (ctx) => void ctx.session.pizzaCount++);
    bot.command("hunger", (ctx) => ctx.reply(`${ctx.session.pizzaCount}`));
    for (const update of groupUpdates(texts)) await bot.handleUpdate(update);
  } else {
    const { bot } = createOfflineBot<LazyPizzaContext>();
    bot.use(lazySession({ initial: () => ({ pizzaCount: 0 }), storage }));
    bot.hears(/🍕/, async (ctx) => void (await ctx.session).pizzaCount++);
    bot.command("hunger", async (ctx) => ctx.reply(`${(await ctx.session).pizzaCount}`));
    for (const update of groupUpdates(texts)) await bot.handleUpdate(update);
  }
  const { read, write } = storage.counts();
  return { read, write };
}

describe("lazy § Ten updates, counted", () => {
  // Guide: lazy § Ten updates, counted
  it("the ten messages cost strict 10 reads and 5 writes, lazy 4 reads and 4 writes", async () => {
    expect(await countCalls("strict", TEN_MESSAGES)).toEqual({ read: 10, write: 5 });
    expect(await countCalls("lazy", TEN_MESSAGES)).toEqual({ read: 4, write: 4 });
  });

  // Guide: lazy § Ten updates, counted
  it("replacing the first message with a 🍕 still costs strict 10 reads and 5 writes: one more update touches the session", async () => {
    const pizzaFirst = ["🍕", ...TEN_MESSAGES.slice(1)];
    expect(await countCalls("strict", pizzaFirst)).toEqual({ read: 10, write: 5 });
  });

  // Guide: lazy § Ten updates, counted
  it("swapping messages 1 and 3 (the 🍕 comes first) costs strict 10 reads and 4 writes", async () => {
    const swapped = [TEN_MESSAGES[2], TEN_MESSAGES[1], TEN_MESSAGES[0], ...TEN_MESSAGES.slice(3)];
    expect(await countCalls("strict", swapped)).toEqual({ read: 10, write: 4 });
  });

  // Guide: lazy § Ten updates, counted
  it("for any messages to a new chat: strict writes = updates that touch the session + 1 if the first update touches nothing; lazy reads = writes = touching updates", async () => {
    const message = fc.constantFrom("🍕", "/hunger", "hi", "lol");
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 8 }), async (texts) => {
        const touching = texts.filter((t) => t !== "hi" && t !== "lol").length;
        const firstTouchesNothing = texts[0] === "hi" || texts[0] === "lol" ? 1 : 0;
        expect(await countCalls("strict", texts)).toEqual({ read: texts.length, write: touching + firstTouchesNothing });
        expect(await countCalls("lazy", texts)).toEqual({ read: touching, write: touching });
      }),
      { numRuns: 40 },
    );
  });
});

describe("lazy § Advice for plugin authors", () => {
  // Guide: lazy § Advice for plugin authors
  it("in a strict session, await ctx.session marks the session read, so the update writes it back (not free)", async () => {
    const storage = recordingStorage(new MemorySessionStorage<Pizza>());
    const { bot } = createOfflineBot<Context & SessionFlavor<Pizza>>();
    bot.use(session({ initial: () => ({ pizzaCount: 0 }), storage }));
    // Plugin-style code that works with both kinds of session: awaiting a plain value gives the value.
    bot.command("hunger", async (ctx) => ctx.reply(`${(await ctx.session).pizzaCount}`));
    bot.on("message", () => {});
    const u = new UpdateFactory();
    await bot.handleUpdate(u.message(ALICE, "first contact", PIZZA_GROUP));
    storage.reset();

    await bot.handleUpdate(u.command(ALICE, "hunger", PIZZA_GROUP));
    await bot.handleUpdate(u.message(ALICE, "untouched", PIZZA_GROUP));

    expect(storage.trace()).toEqual([`read ${PIZZA_GROUP.id}`, `write ${PIZZA_GROUP.id}`, `read ${PIZZA_GROUP.id}`]);
  });
});

/** What the assigned-promise program did: its exit code, stderr, and the JSON events it printed. */
interface ProgramRun {
  code: number;
  stderr: string;
  events: { event: string; error?: string; storage?: string[] }[];
}

/**
 * programs/assigned-promise.ts as one ES module for plain Node: bundled once with esbuild (grammY and the runner
 * stay imports of the real installed packages), so each case starts a bare `node` in a fraction of a second instead of a
 * TypeScript toolchain. It is written under node_modules/.cache, where those imports resolve.
 */
let bundled: Promise<string> | undefined;
function bundleAssignedPromise(): Promise<string> {
  bundled ??= (async () => {
    const program = fileURLToPath(new URL("./programs/assigned-promise.ts", import.meta.url));
    const outfile = fileURLToPath(new URL("../../../node_modules/.cache/session-lab-tests/assigned-promise.mjs", import.meta.url));
    const schema = botApiSchemaPlugin();
    await build({
      entryPoints: [program],
      outfile,
      bundle: true,
      platform: "node",
      format: "esm",
      // grammY and the runner are the installed packages; the workspace's own code is bundled from source, as
      // the unit tests see it (a fresh clone has no built dist/ of the adapter package).
      external: ["grammy", "grammy/*", "@grammyjs/*"],
      conditions: ["source"],
      logLevel: "silent",
      plugins: [
        {
          // The one virtual module the harness's imports use, from the same Vite plugin the unit tests use.
          name: "bot-api-schema",
          setup(esbuild) {
            esbuild.onResolve({ filter: /^virtual:bot-api-schema$/ }, (args) => ({ path: args.path, namespace: "virtual" }));
            esbuild.onLoad({ filter: /.*/, namespace: "virtual" }, () => {
              const resolveId = schema.resolveId as (id: string) => string;
              const load = schema.load as (id: string) => string;
              return { contents: load(resolveId(BOT_API_SCHEMA_ID)), loader: "js" };
            });
          },
        },
      ],
    });
    return outfile;
  })();
  return bundled;
}

/** Runs programs/assigned-promise.ts in its own Node process (see that file for the `when` cases). */
async function runAssignedPromise(when: string): Promise<ProgramRun> {
  const program = await bundleAssignedPromise();
  return new Promise((resolve) => {
    execFile(process.execPath, [program, when], (error, stdout, stderr) => {
      const events = stdout.split("\n").filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as ProgramRun["events"][number]);
      resolve({ code: typeof error?.code === "number" ? error.code : 0, stderr, events });
    });
  });
}

describe("lazy § Assigning a promise (each case in its own Node process)", { timeout: 30_000 }, () => {
  const rejected = { event: "bot.catch", error: "old pizza service unreachable" };
  const nothingStored = { event: "done", storage: [] };

  // Guide: lazy § Assigning a promise
  it("a promise that rejects after the handlers returned: nothing is written and the update fails with its error (bot.catch gets it)", async () => {
    const run = await runAssignedPromise("after-handlers");
    expect(run).toMatchObject({ code: 0, events: [rejected, nothingStored] });
  });

  // Guide: lazy § Assigning a promise
  it("a promise that rejects while the handler still awaits something else is an unhandled rejection: Node exits with code 1 and bot.catch never runs", async () => {
    const run = await runAssignedPromise("while-awaiting");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Error: old pizza service unreachable");
    expect(run.events).toEqual([]);
  });

  // Guide: lazy § Assigning a promise
  it("promise.catch(() => {}) before assigning prevents the crash: grammY still fails the update with the error and writes nothing", async () => {
    const run = await runAssignedPromise("while-awaiting-caught");
    expect(run).toMatchObject({ code: 0, events: [rejected, nothingStored] });
  });

  // Guide: lazy § Assigning a promise
  it("starting the import and assigning it as the handler's last step prevents the crash: the update fails with the error, nothing is written", async () => {
    const run = await runAssignedPromise("assigned-last");
    expect(run).toMatchObject({ code: 0, events: [rejected, nothingStored] });
  });
});
