import { type Bot, type Context, lazySession, type LazySessionFlavor, MemorySessionStorage, session, type SessionFlavor } from "grammy";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { ALICE, createOfflineBot, recordingStorage, SUPERGROUP, UpdateFactory } from "./harness/index.ts";

/*
 * `SessionFlavor` declares `session` as an accessor whose setter also takes null and undefined. The handlers that
 * narrow `ctx.match` (grammY's `NarrowMatch`, a mapped type) turn that accessor into a plain property of the getter's
 * type, so TypeScript rejects `ctx.session = null` there. `npm run typecheck` checks every `@ts-expect-error` below:
 * if grammY ever accepts null in one of these handlers, the unused directive fails the type-check, and if it starts
 * rejecting null in one of the accepting handlers, the bare assignment does.
 */

interface Pizza {
  pizzaCount: number;
}
type PizzaContext = Context & SessionFlavor<Pizza>;
/** Registers one handler that sets `ctx.session = null`. */
type Register = (bot: Bot<PizzaContext>) => void;
/** A handler kind, the handler, and an update it matches. */
type Case = [string, Register, (u: UpdateFactory) => Update];

const rejecting: Case[] = [
  [
    "command",
    (bot) =>
      bot.command("reset", (ctx) => {
        // @ts-expect-error Type 'null' is not assignable to type 'Pizza'.
        ctx.session = null;
      }),
    (u) => u.command(ALICE, "reset"),
  ],
  [
    "hears",
    (bot) =>
      bot.hears("reset", (ctx) => {
        // @ts-expect-error Type 'null' is not assignable to type 'Pizza'.
        ctx.session = null;
      }),
    (u) => u.message(ALICE, "reset"),
  ],
  [
    "callbackQuery",
    (bot) =>
      bot.callbackQuery("reset", (ctx) => {
        // @ts-expect-error Type 'null' is not assignable to type 'Pizza'.
        ctx.session = null;
      }),
    (u) => u.callbackQuery(ALICE, "reset"),
  ],
  [
    "gameQuery",
    (bot) =>
      bot.gameQuery("pizza_run", (ctx) => {
        // @ts-expect-error Type 'null' is not assignable to type 'Pizza'.
        ctx.session = null;
      }),
    (u) => u.gameQuery(ALICE, "pizza_run"),
  ],
  [
    "inlineQuery",
    (bot) =>
      bot.inlineQuery("reset", (ctx) => {
        // @ts-expect-error Type 'null' is not assignable to type 'Pizza'.
        ctx.session = null;
      }),
    (u) => u.inlineQuery(ALICE, "reset"),
  ],
  [
    "chosenInlineResult",
    (bot) =>
      bot.chosenInlineResult("margherita", (ctx) => {
        // @ts-expect-error Type 'null' is not assignable to type 'Pizza'.
        ctx.session = null;
      }),
    (u) => u.chosenInlineResult(ALICE, "margherita"),
  ],
  [
    "preCheckoutQuery",
    (bot) =>
      bot.preCheckoutQuery("pizza-order-1", (ctx) => {
        // @ts-expect-error Type 'null' is not assignable to type 'Pizza'.
        ctx.session = null;
      }),
    (u) => u.preCheckoutQuery(ALICE),
  ],
  [
    "shippingQuery",
    (bot) =>
      bot.shippingQuery("pizza-order-1", (ctx) => {
        // @ts-expect-error Type 'null' is not assignable to type 'Pizza'.
        ctx.session = null;
      }),
    (u) => u.shippingQuery(ALICE),
  ],
];

const accepting: Case[] = [
  ["on('message')", (bot) => bot.on("message", (ctx) => void (ctx.session = null)), (u) => u.message(ALICE, "reset")],
  ["on('message:text')", (bot) => bot.on("message:text", (ctx) => void (ctx.session = null)), (u) => u.message(ALICE, "reset")],
  ["on('callback_query:data')", (bot) => bot.on("callback_query:data", (ctx) => void (ctx.session = null)), (u) => u.callbackQuery(ALICE, "reset")],
  ["use", (bot) => bot.use((ctx) => void (ctx.session = null)), (u) => u.message(ALICE, "reset")],
  ["filter", (bot) => bot.filter((ctx) => ctx.msg?.text === "reset", (ctx) => void (ctx.session = null)), (u) => u.message(ALICE, "reset")],
  ["chatType", (bot) => bot.chatType("supergroup", (ctx) => void (ctx.session = null)), (u) => u.message(ALICE, "reset", SUPERGROUP)],
  ["reaction", (bot) => bot.reaction("👍", (ctx) => void (ctx.session = null)), (u) => u.reaction(ALICE, SUPERGROUP, 7, "👍")],
];

/**
 * Runs `register`'s handler on a user whose session holds data. The key is per user (`ctx.from?.id`), so inline
 * queries, payments and reactions have a session too, and the run-time effect can be compared across kinds.
 */
async function nullAssignment(register: Register, update: (u: UpdateFactory) => Update) {
  const storage = recordingStorage(new MemorySessionStorage<Pizza>());
  await storage.write(String(ALICE.id), { pizzaCount: 3 });
  storage.reset();
  const { bot } = createOfflineBot<PizzaContext>();
  bot.use(session({ initial: () => ({ pizzaCount: 0 }), storage, getSessionKey: (ctx) => ctx.from?.id.toString() }));
  register(bot);
  await bot.handleUpdate(update(new UpdateFactory()));
  return storage.trace();
}

describe("usage § Deleting a session: where TypeScript accepts ctx.session = null", () => {
  // Guide: usage § Deleting a session
  it.each(rejecting)("TypeScript rejects ctx.session = null in bot.%s handlers; at run time the assignment still deletes", async (_, register, update) => {
    expect(await nullAssignment(register, update)).toEqual([`read ${ALICE.id}`, `delete ${ALICE.id}`]);
  });

  // Guide: usage § Deleting a session
  it.each(accepting)("TypeScript accepts ctx.session = null in bot.%s handlers, and it deletes", async (_, register, update) => {
    expect(await nullAssignment(register, update)).toEqual([`read ${ALICE.id}`, `delete ${ALICE.id}`]);
  });

  // Guide: usage § Deleting a session
  it("widening the context (ctx: PizzaContext) makes TypeScript accept null in a command handler", async () => {
    const widened: Register = (bot) =>
      bot.command("reset", (ctx: PizzaContext) => {
        ctx.session = null;
      });
    expect(await nullAssignment(widened, (u) => u.command(ALICE, "reset"))).toEqual([`read ${ALICE.id}`, `delete ${ALICE.id}`]);
  });

  // Guide: usage § Deleting a session (lazy sessions)
  it("lazy sessions behave alike: null is rejected in bot.command and accepted in bot.on('message')", async () => {
    const storage = recordingStorage(new MemorySessionStorage<Pizza>());
    const { bot } = createOfflineBot<Context & LazySessionFlavor<Pizza>>();
    bot.use(lazySession({ initial: () => ({ pizzaCount: 0 }), storage }));
    bot.command("reset", (ctx) => {
      // @ts-expect-error Type 'null' is not assignable to type 'MaybePromise<Pizza>'.
      ctx.session = null;
    });
    bot.on("message", (ctx) => {
      ctx.session = null;
    });
    const u = new UpdateFactory();

    await bot.handleUpdate(u.command(ALICE, "reset"));
    await bot.handleUpdate(u.message(ALICE, "reset"));

    expect(storage.trace()).toEqual([`delete ${ALICE.id}`, `delete ${ALICE.id}`]);
  });
});
