/**
 * The pizza counter of `programs.ts` as a real grammY bot built in code, for the places that run
 * grammY outside the sandbox: the concurrency demo and the tests that check the sandbox's counts.
 * Its handlers must touch the session exactly as the generated programs do; the comparison tests
 * run both on the same updates and fail on any difference in storage calls.
 */
import { Bot, Context, lazySession, session, type LazySessionFlavor, type SessionFlavor, type StorageAdapter } from "grammy";
import type { Update } from "grammy/types";
import { ApiSimulator } from "../sandbox/bot-api/api-simulator";
import { ADD_PIZZA_DATA, type KeyStrategy, type SessionMode } from "./programs";

/** What each session remembers. */
export interface PizzaSession {
  pizzaCount: number;
}

type PizzaContext = Context & SessionFlavor<PizzaSession>;
type LazyPizzaContext = Context & LazySessionFlavor<PizzaSession>;

/** The session key of each {@link KeyStrategy}, as the generated programs compute it. */
export const SESSION_KEYS: Readonly<Record<KeyStrategy, (ctx: Context) => string | undefined>> = {
  chat: (ctx) => ctx.chatId?.toString(),
  user: (ctx) => ctx.from?.id.toString(),
  "user-chat": (ctx) => (ctx.from === undefined || ctx.chatId === undefined ? undefined : `${ctx.from.id}/${ctx.chatId}`),
};

/** How to build a {@link PizzaBot}. */
export interface PizzaBotOptions {
  mode: SessionMode;
  key: KeyStrategy;
  /**
   * The storage an update's session middleware uses. It is asked once per update, so a storage
   * can tell which update each call belongs to even when updates are handled concurrently
   * (browsers have no AsyncLocalStorage). Returning the same adapter every time is fine.
   */
  storageFor(update: Update): StorageAdapter<PizzaSession>;
}

/** A pizza counter whose API calls the playground's simulated Telegram answers offline. */
export interface PizzaBot {
  bot: Bot<Context>;
  /** Hand an update to the bot as Telegram would: the simulator learns its chats and queries first. */
  handle(update: Update): Promise<void>;
}

/** Builds the pizza counter with real grammY; nothing reaches the network. */
export function createPizzaBot(options: PizzaBotOptions): PizzaBot {
  const simulator = new ApiSimulator();
  const bot = new Bot<Context>("7350123456:offline", { botInfo: simulator.botInfo });
  bot.api.config.use(simulator.transformer);
  const getSessionKey = options.key === "chat" ? undefined : SESSION_KEYS[options.key];
  const initial = (): PizzaSession => ({ pizzaCount: 0 });
  // session()/lazySession() keep no state between updates (only their options), so making one
  // per update behaves exactly like installing one; it lets every update have its own storage view.
  bot.use((ctx, next) => {
    const storage = options.storageFor(ctx.update);
    const middleware =
      options.mode === "strict"
        ? session<PizzaSession, PizzaContext>({ initial, storage, getSessionKey })
        : lazySession<PizzaSession, LazyPizzaContext>({ initial, storage, getSessionKey });
    return (middleware as (ctx: Context, next: () => Promise<void>) => Promise<void>)(ctx, next);
  });
  if (options.mode === "strict") installStrict(bot as unknown as Bot<PizzaContext>);
  else installLazy(bot as unknown as Bot<LazyPizzaContext>);
  return {
    bot,
    handle: (update) => {
      simulator.observeUpdate(update);
      return bot.handleUpdate(update);
    },
  };
}

function installStrict(bot: Bot<PizzaContext>): void {
  bot.command("hunger", async (ctx) => {
    const count = ctx.session.pizzaCount;
    await ctx.reply(`Your hunger level is ${count}!`);
  });
  bot.hears(/🍕/, (ctx) => {
    ctx.session.pizzaCount++;
  });
  bot.callbackQuery(ADD_PIZZA_DATA, async (ctx) => {
    ctx.session.pizzaCount++;
    await ctx.answerCallbackQuery(`🍕 × ${ctx.session.pizzaCount}`);
  });
  bot.on("inline_query", (ctx) => ctx.answerInlineQuery([]));
}

function installLazy(bot: Bot<LazyPizzaContext>): void {
  bot.command("hunger", async (ctx) => {
    const session = await ctx.session;
    await ctx.reply(`Your hunger level is ${session.pizzaCount}!`);
  });
  bot.hears(/🍕/, async (ctx) => {
    const session = await ctx.session;
    session.pizzaCount++;
  });
  bot.callbackQuery(ADD_PIZZA_DATA, async (ctx) => {
    const session = await ctx.session;
    session.pizzaCount++;
    await ctx.answerCallbackQuery(`🍕 × ${session.pizzaCount}`);
  });
  bot.on("inline_query", (ctx) => ctx.answerInlineQuery([]));
}
