import { inspect } from "node:util";
import { BotError, type Context, MemorySessionStorage, session, type SessionFlavor } from "grammy";
import { describe, expect, it, vi } from "vitest";
import {
  ALICE,
  createOfflineBot,
  jsonStorage,
  PIZZA_GROUP,
  recordingStorage,
  spyOnMemorySessionStorage,
  UpdateFactory,
  webhookServer,
} from "./harness/index.ts";

interface Pizza {
  pizzaCount: number;
}
type PizzaContext = Context & SessionFlavor<Pizza>;

/** A bot with strict `session()` over a recording in-memory storage; tests add handlers after it. */
function strictBot(options: { initial?: () => Pizza } = {}) {
  const storage = recordingStorage(new MemorySessionStorage<Pizza>());
  const offline = createOfflineBot<PizzaContext>();
  offline.bot.use(session({ storage, ...options }));
  return { ...offline, storage, updates: new UpdateFactory() };
}

describe("strict session()", () => {
  it("reads the key on every update that has a key, even if no handler touches ctx.session", async () => {
    const { bot, storage, updates } = strictBot({ initial: () => ({ pizzaCount: 0 }) });
    bot.on("message", () => {});

    await bot.handleUpdate(updates.message(ALICE, "hi", PIZZA_GROUP));
    await bot.handleUpdate(updates.message(ALICE, "still not touching the session", PIZZA_GROUP));
    await bot.handleUpdate(updates.message(ALICE, "nor now", PIZZA_GROUP));

    expect(storage.calls.filter((c) => c.op === "read").map((c) => c.key)).toEqual([
      String(PIZZA_GROUP.id),
      String(PIZZA_GROUP.id),
      String(PIZZA_GROUP.id),
    ]);
  });

  it("reads the key even when no handler at all matches the update", async () => {
    const { bot, storage, updates } = strictBot({ initial: () => ({ pizzaCount: 0 }) });
    bot.command("hunger", (ctx) => ctx.reply(`${ctx.session.pizzaCount}`));

    await bot.handleUpdate(updates.message(ALICE, "no command here"));

    expect(storage.counts().read).toBe(1);
  });

  it("on first contact with initial, writes initial() back even if no handler touched ctx.session", async () => {
    const { bot, storage, updates } = strictBot({ initial: () => ({ pizzaCount: 0 }) });
    bot.on("message", () => {});

    await bot.handleUpdate(updates.message(ALICE, "hello", PIZZA_GROUP));

    expect(storage.calls).toEqual([
      { op: "read", key: String(PIZZA_GROUP.id), value: undefined },
      { op: "write", key: String(PIZZA_GROUP.id), value: { pizzaCount: 0 } },
    ]);
  });

  // Guide: usage § What the middleware does, step by step (step 5)
  it("with an existing session, a handler that doesn't touch ctx.session costs exactly one storage call: the read (no write)", async () => {
    const { bot, storage, updates } = strictBot({ initial: () => ({ pizzaCount: 0 }) });
    bot.on("message", () => {});
    await bot.handleUpdate(updates.message(ALICE, "first contact", PIZZA_GROUP));
    storage.reset();

    await bot.handleUpdate(updates.message(ALICE, "just chatting", PIZZA_GROUP));

    expect(storage.trace()).toEqual([`read ${PIZZA_GROUP.id}`]);
  });

  it("a handler that only reads ctx.session causes a write-back of the unchanged value (no 'unchanged' check)", async () => {
    const { bot, storage, updates } = strictBot({ initial: () => ({ pizzaCount: 0 }) });
    bot.command("hunger", (ctx) => ctx.reply(`Your hunger level is ${ctx.session.pizzaCount}!`));
    await bot.handleUpdate(updates.message(ALICE, "first contact", PIZZA_GROUP));
    storage.reset();

    await bot.handleUpdate(updates.command(ALICE, "hunger", PIZZA_GROUP));

    expect(storage.calls).toEqual([
      { op: "read", key: String(PIZZA_GROUP.id), value: { pizzaCount: 0 } },
      { op: "write", key: String(PIZZA_GROUP.id), value: { pizzaCount: 0 } },
    ]);
  });

  it("ctx.session = null after the handlers deletes the key from storage", async () => {
    const { bot, storage, updates } = strictBot({ initial: () => ({ pizzaCount: 0 }) });
    bot.command("reset", (ctx) => {
      // In command/hears/callbackQuery handlers TypeScript 5.9 loses SessionFlavor's wider setter type, so widen first.
      const chat: PizzaContext = ctx;
      chat.session = null;
    });
    await bot.handleUpdate(updates.message(ALICE, "first contact"));
    storage.reset();

    await bot.handleUpdate(updates.command(ALICE, "reset"));

    expect(storage.trace()).toEqual([`read ${ALICE.id}`, `delete ${ALICE.id}`]);
  });

  it("ctx.session = undefined after the handlers deletes the key from storage", async () => {
    const { bot, storage, updates } = strictBot({ initial: () => ({ pizzaCount: 0 }) });
    bot.command("reset", (ctx) => {
      // In command/hears/callbackQuery handlers TypeScript 5.9 loses SessionFlavor's wider setter type, so widen first.
      const chat: PizzaContext = ctx;
      chat.session = undefined;
    });
    await bot.handleUpdate(updates.message(ALICE, "first contact"));
    storage.reset();

    await bot.handleUpdate(updates.command(ALICE, "reset"));

    expect(storage.trace()).toEqual([`read ${ALICE.id}`, `delete ${ALICE.id}`]);
  });

  it("in a bot.command handler TypeScript rejects ctx.session = null unless ctx is widened to the session context; at run time it still deletes", async () => {
    const { bot, storage, updates } = strictBot({ initial: () => ({ pizzaCount: 0 }) });
    bot.command("reset", (ctx) => {
      // tsc pins the typing: if grammY's filtered context types ever accept null here, this directive fails the type-check.
      // @ts-expect-error Type 'null' is not assignable to type 'Pizza'.
      ctx.session = null;
    });
    await bot.handleUpdate(updates.message(ALICE, "first contact"));
    storage.reset();

    await bot.handleUpdate(updates.command(ALICE, "reset"));

    expect(storage.trace()).toEqual([`read ${ALICE.id}`, `delete ${ALICE.id}`]);
  });

  it("a handler that throws prevents the write-back, and handleUpdate rejects with a BotError wrapping the error", async () => {
    const { bot, storage, updates } = strictBot({ initial: () => ({ pizzaCount: 0 }) });
    const failure = new Error("oven on fire");
    bot.hears(/🍕/, (ctx) => {
      ctx.session.pizzaCount++;
      throw failure;
    });

    const result = bot.handleUpdate(updates.message(ALICE, "🍕"));

    await expect(result).rejects.toBeInstanceOf(BotError);
    await expect(result).rejects.toMatchObject({ error: failure });
    // First contact: even the initial() write is skipped, because the handler threw before write-back.
    expect(storage.trace()).toEqual([`read ${ALICE.id}`]);
  });

  // Guide: usage § When a handler throws
  it("a handler that throws while long polling reaches bot.catch as a BotError, and nothing is written", async () => {
    const { bot, storage, updates, poll } = strictBot({ initial: () => ({ pizzaCount: 0 }) });
    const caught: unknown[] = [];
    bot.hears(/🍕/, (ctx) => {
      ctx.session.pizzaCount++;
      throw new Error("oven on fire");
    });
    bot.catch((err) => void caught.push(err));

    await poll([updates.message(ALICE, "🍕")]);

    expect(caught).toHaveLength(1);
    expect(caught[0]).toBeInstanceOf(BotError);
    expect((caught[0] as BotError).error).toEqual(new Error("oven on fire"));
    expect(storage.counts()).toEqual({ read: 1, write: 0, delete: 0 });
  });

  // Guide: usage § When a handler throws
  it("bot.catch is not used by bot.handleUpdate: the BotError goes to the caller instead", async () => {
    const { bot, updates } = strictBot({ initial: () => ({ pizzaCount: 0 }) });
    const caught: unknown[] = [];
    bot.catch((err) => void caught.push(err));
    bot.hears(/🍕/, () => {
      throw new Error("oven on fire");
    });

    await expect(bot.handleUpdate(updates.message(ALICE, "🍕"))).rejects.toBeInstanceOf(BotError);
    expect(caught).toEqual([]);
  });

  it("without initial and with nothing stored, ctx.session is undefined, and after the handler grammY deletes the key", async () => {
    const { bot, storage, updates } = strictBot();
    const seen: unknown[] = [];
    bot.on("message", (ctx) => void seen.push(ctx.session));

    await bot.handleUpdate(updates.message(ALICE, "hi"));

    expect(seen).toEqual([undefined]);
    expect(storage.trace()).toEqual([`read ${ALICE.id}`, `delete ${ALICE.id}`]);
  });

  it("without initial and with nothing stored, a handler that doesn't touch ctx.session causes no delete", async () => {
    const { bot, storage, updates } = strictBot();
    bot.on("message", () => {});

    await bot.handleUpdate(updates.message(ALICE, "hi"));

    expect(storage.trace()).toEqual([`read ${ALICE.id}`]);
  });

  it("without initial, ctx.session.pizzaCount on a new chat throws a TypeError", async () => {
    const { bot, storage, updates } = strictBot();
    bot.hears(/🍕/, (ctx) => {
      ctx.session.pizzaCount++;
    });

    const error = await bot.handleUpdate(updates.message(ALICE, "🍕")).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BotError);
    expect((error as BotError).error).toBeInstanceOf(TypeError);
    expect(String((error as BotError).error)).toMatch(/pizzaCount/);
    expect(storage.trace()).toEqual([`read ${ALICE.id}`]);
  });

  it("in strict mode ctx.session is the plain value, never a Promise", async () => {
    const { bot, updates } = strictBot({ initial: () => ({ pizzaCount: 0 }) });
    const seen: unknown[] = [];
    bot.on("message", (ctx) => void seen.push(ctx.session));

    await bot.handleUpdate(updates.message(ALICE, "hi"));

    expect(seen[0]).not.toBeInstanceOf(Promise);
    expect(seen[0]).toEqual({ pizzaCount: 0 });
  });

  it("the pizza example: four messages to a new chat (hello, hi again, 🍕, /hunger) cause read+write {0}; read; read+write {1}; read+write {1}", async () => {
    // The example passes no storage, so its calls are recorded on grammY's own MemorySessionStorage.
    const spy = spyOnMemorySessionStorage();
    try {
      // playground/examples/pizza-memory: the same options and handlers.
      const { bot } = createOfflineBot<PizzaContext>();
      function initial(): Pizza {
        return { pizzaCount: 0 };
      }
      bot.use(session({ initial }));
      bot.command("hunger", async (ctx) => {
        const count = ctx.session.pizzaCount;
        await ctx.reply(`Your hunger level is ${count}!`);
      });
      bot.hears(/🍕/, (ctx) => {
        ctx.session.pizzaCount++;
      });
      const u = new UpdateFactory();
      const perMessage: unknown[] = [];

      for (const update of [u.message(ALICE, "hello"), u.message(ALICE, "hi again"), u.message(ALICE, "🍕"), u.command(ALICE, "hunger")]) {
        const before = spy.calls.length;
        await bot.handleUpdate(update);
        perMessage.push(spy.calls.slice(before).map(({ op, value }) => (op === "write" ? { write: value } : op)));
      }

      expect(perMessage).toEqual([
        ["read", { write: { pizzaCount: 0 } }],
        ["read"],
        ["read", { write: { pizzaCount: 1 } }],
        ["read", { write: { pizzaCount: 1 } }],
      ]);
      expect(new Set(spy.calls.map((c) => c.key))).toEqual(new Set([String(ALICE.id)]));
    } finally {
      spy.restore();
    }
  });

  it("after a delete, the chat's next update starts again from initial(): a read, then a write of the initial value", async () => {
    const { bot, storage, updates } = strictBot({ initial: () => ({ pizzaCount: 0 }) });
    bot.hears(/🍕/, (ctx) => {
      ctx.session.pizzaCount++;
    });
    bot.command("reset", (ctx: PizzaContext) => {
      ctx.session = null;
    });
    bot.on("message", () => {});
    await bot.handleUpdate(updates.message(ALICE, "🍕"));
    await bot.handleUpdate(updates.command(ALICE, "reset"));
    storage.reset();

    await bot.handleUpdate(updates.message(ALICE, "hello again"));

    expect(storage.calls).toEqual([
      { op: "read", key: String(ALICE.id), value: undefined },
      { op: "write", key: String(ALICE.id), value: { pizzaCount: 0 } },
    ]);
  });

  it("without initial, ctx.session ??= {…} creates the data and it is saved", async () => {
    const storage = recordingStorage(new MemorySessionStorage<Pizza | undefined>());
    const { bot } = createOfflineBot<Context & SessionFlavor<Pizza | undefined>>();
    bot.use(session({ storage }));
    // docs/snippets/usage-no-initial
    bot.hears(/🍕/, (ctx) => {
      ctx.session ??= { pizzaCount: 0 };
      ctx.session.pizzaCount++;
    });
    const u = new UpdateFactory();

    await bot.handleUpdate(u.message(ALICE, "🍕"));
    await bot.handleUpdate(u.message(ALICE, "🍕"));

    expect(storage.calls).toEqual([
      { op: "read", key: String(ALICE.id), value: undefined },
      { op: "write", key: String(ALICE.id), value: { pizzaCount: 1 } },
      { op: "read", key: String(ALICE.id), value: { pizzaCount: 1 } },
      { op: "write", key: String(ALICE.id), value: { pizzaCount: 2 } },
    ]);
  });

  it.each([
    ["MemorySessionStorage", () => new MemorySessionStorage<Pizza>()],
    ["a JSON adapter", () => jsonStorage<Pizza>()],
  ])("after a throw on first contact the initial() value is not saved, and the next update calls initial() again (%s)", async (_, inner) => {
    const storage = recordingStorage(inner());
    const initial = vi.fn((): Pizza => ({ pizzaCount: 0 }));
    const { bot, sentTexts } = createOfflineBot<PizzaContext>();
    bot.use(session({ initial, storage }));
    bot.hears(/🍕/, (ctx) => {
      ctx.session.pizzaCount++;
      throw new Error("oven on fire");
    });
    bot.command("hunger", (ctx) => ctx.reply(`${ctx.session.pizzaCount}`));
    const u = new UpdateFactory();

    await expect(bot.handleUpdate(u.message(ALICE, "🍕"))).rejects.toBeInstanceOf(BotError);
    await bot.handleUpdate(u.command(ALICE, "hunger"));

    expect(initial).toHaveBeenCalledTimes(2);
    expect(sentTexts()).toEqual(["0"]);
    expect(storage.calls).toEqual([
      { op: "read", key: String(ALICE.id), value: undefined },
      { op: "read", key: String(ALICE.id), value: undefined },
      { op: "write", key: String(ALICE.id), value: { pizzaCount: 0 } },
    ]);
  });

  // Guide: usage § When a handler throws
  it("a handler that throws under @grammyjs/runner's run() reaches bot.catch as a BotError, and nothing is written", async () => {
    const { bot, storage, updates, runConcurrently } = strictBot({ initial: () => ({ pizzaCount: 0 }) });
    const caught: unknown[] = [];
    bot.hears(/🍕/, (ctx) => {
      ctx.session.pizzaCount++;
      throw new Error("oven on fire");
    });
    bot.catch((err) => void caught.push(err));

    await runConcurrently([updates.message(ALICE, "🍕")]);

    expect(caught).toEqual([expect.any(BotError)]);
    expect((caught[0] as BotError).error).toEqual(new Error("oven on fire"));
    expect(storage.counts()).toEqual({ read: 1, write: 0, delete: 0 });
  });

  // Guide: usage § When a handler throws
  it("bot.catch is not used by webhookCallback: the request fails (a 500 answer, so Telegram sends the update again) and nothing is written", async () => {
    const { bot, storage, updates } = strictBot({ initial: () => ({ pizzaCount: 0 }) });
    const caught: unknown[] = [];
    bot.hears(/🍕/, (ctx) => {
      ctx.session.pizzaCount++;
      throw new Error("oven on fire");
    });
    bot.catch((err) => void caught.push(err));

    const status = await webhookServer(bot).post(updates.message(ALICE, "🍕"));

    expect(status).toBe(500);
    expect(caught).toEqual([]);
    expect(storage.counts()).toEqual({ read: 1, write: 0, delete: 0 });
  });
});

describe("ctx.session is an enumerable getter on the context", () => {
  // Guide: usage § What the middleware does, step by step (looking at the whole ctx)
  it("session is one of the context's own enumerable keys, next to update, api and me", async () => {
    const { bot, updates } = strictBot({ initial: () => ({ pizzaCount: 0 }) });
    const keys: string[][] = [];
    bot.on("message", (ctx) => void keys.push(Object.keys(ctx)));

    await bot.handleUpdate(updates.message(ALICE, "hi"));

    expect(keys[0]).toContain("session");
  });

  // Guide: usage § What the middleware does, step by step (looking at the whole ctx)
  it.each([
    ["JSON.stringify(ctx)", (ctx: PizzaContext) => JSON.stringify(ctx)],
    ["{ ...ctx }", (ctx: PizzaContext) => ({ ...ctx })],
    ["Object.entries(ctx)", (ctx: PizzaContext) => Object.entries(ctx)],
    ["util.inspect(ctx, { getters: true })", (ctx: PizzaContext) => inspect(ctx, { getters: true })],
  ])("%s in a strict session counts as reading ctx.session, so the update writes the session back", async (_, copy) => {
    const { bot, storage, updates } = strictBot({ initial: () => ({ pizzaCount: 0 }) });
    bot.command("debug", (ctx) => void copy(ctx));
    bot.on("message", () => {});
    await bot.handleUpdate(updates.message(ALICE, "first contact"));
    storage.reset();

    await bot.handleUpdate(updates.command(ALICE, "debug"));

    expect(storage.trace()).toEqual([`read ${ALICE.id}`, `write ${ALICE.id}`]);
  });

  // Guide: usage § What the middleware does, step by step (looking at the whole ctx)
  it("console.log(ctx) does not read it: Node's util.inspect shows [Getter/Setter] without calling the getter, so no write", async () => {
    const { bot, storage, updates } = strictBot({ initial: () => ({ pizzaCount: 0 }) });
    const printed: string[] = [];
    bot.command("debug", (ctx) => void printed.push(inspect(ctx))); // what console.log(ctx) prints
    bot.on("message", () => {});
    await bot.handleUpdate(updates.message(ALICE, "first contact"));
    storage.reset();

    await bot.handleUpdate(updates.command(ALICE, "debug"));

    expect(printed[0]).toContain("session: [Getter/Setter]");
    expect(storage.trace()).toEqual([`read ${ALICE.id}`]);
  });

  // Guide: usage § What the middleware does, step by step (looking at the whole ctx)
  it("JSON.stringify(ctx) also prints the bot token (ctx.api.token), one more reason to log ctx.update instead", async () => {
    const { bot, updates } = strictBot({ initial: () => ({ pizzaCount: 0 }) });
    const printed: string[] = [];
    bot.on("message", (ctx) => void printed.push(JSON.stringify(ctx)));

    await bot.handleUpdate(updates.message(ALICE, "hi"));

    expect(printed[0]).toContain(`"token":"${bot.token}"`);
  });

  // Guide: usage § What the middleware does, step by step (looking at the whole ctx)
  it.each([
    ["JSON.stringify(ctx)", (ctx: PizzaContext) => JSON.stringify(ctx)],
    ["{ ...ctx }", (ctx: PizzaContext) => ({ ...ctx })],
  ])("%s throws 'Cannot access session data…' on an update without a session key (an inline query)", async (_, copy) => {
    const { bot, storage, updates } = strictBot({ initial: () => ({ pizzaCount: 0 }) });
    bot.on("inline_query", (ctx) => void copy(ctx));

    const error = await bot.handleUpdate(updates.inlineQuery(ALICE, "margherita")).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BotError);
    expect((error as BotError).error).toEqual(
      new Error("Cannot access session data because this update does not belong to a chat, so the session key is undefined!"),
    );
    expect(storage.calls).toEqual([]);
  });
});
