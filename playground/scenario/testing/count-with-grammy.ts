/**
 * The reference the comparison views are checked against: a scenario's updates through the pizza
 * counter on real grammY in Node, one after another, with a storage that counts every call and keeps
 * JSON copies (as a database would). It shares no code with the sandbox the views run in: its bot is
 * written here, in code, from the handlers `programs.ts` generates, so a mistake in the generated
 * programs or in the sandbox shows up as a difference instead of being copied into the reference.
 */
import { Bot, lazySession, session, type Context, type LazySessionFlavor, type SessionFlavor, type StorageAdapter } from "grammy";
import type { Update } from "grammy/types";
import { ApiSimulator } from "../../sandbox/bot-api/api-simulator";
import type { PizzaSession } from "../concurrency";
import { parseScenario } from "../parse";
import { ADD_PIZZA_DATA, type KeyStrategy, type ProgramSpec } from "../programs";
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
  const handle = referencePizzaBot(spec, storageFor);
  for (const update of updates) await handle(structuredClone(update));
  const sessions: Record<string, PizzaSession> = {};
  for (const [key, json] of data) sessions[key] = JSON.parse(json) as PizzaSession;
  return { ops, sessions };
}

/** How many calls of `op` are among `ops`. */
export function countOps(ops: readonly CountedOp[], op: CountedOp["op"]): number {
  return ops.filter((o) => o.op === op).length;
}

/** The session key of each {@link KeyStrategy}, as the generated programs compute it. */
const SESSION_KEYS: Readonly<Record<KeyStrategy, ((ctx: Context) => string | undefined) | undefined>> = {
  chat: undefined, // grammY's default: ctx.chatId
  user: (ctx) => ctx.from?.id.toString(),
  "user-chat": (ctx) => (ctx.from === undefined || ctx.chatId === undefined ? undefined : `${ctx.from.id}/${ctx.chatId}`),
};

/**
 * The pizza counter of `spec`, handling updates one after another; `storageFor` gives the storage each
 * update's session uses (made per update, which grammY's session middleware allows: it keeps nothing
 * between updates but its options), so every call is known to be that update's.
 */
function referencePizzaBot(
  spec: Pick<ProgramSpec, "mode" | "key">,
  storageFor: (update: Update) => StorageAdapter<PizzaSession>,
): (update: Update) => Promise<void> {
  type Strict = Context & SessionFlavor<PizzaSession>;
  type Lazy = Context & LazySessionFlavor<PizzaSession>;
  const simulator = new ApiSimulator();
  const bot = new Bot<Context>("7350123456:offline", { botInfo: simulator.botInfo });
  bot.api.config.use(simulator.transformer);
  const initial = (): PizzaSession => ({ pizzaCount: 0 });
  const getSessionKey = SESSION_KEYS[spec.key];
  bot.use((ctx, next) => {
    const storage = storageFor(ctx.update);
    const middleware =
      spec.mode === "strict"
        ? session<PizzaSession, Strict>({ initial, storage, getSessionKey })
        : lazySession<PizzaSession, Lazy>({ initial, storage, getSessionKey });
    return (middleware as (ctx: Context, next: () => Promise<void>) => Promise<void>)(ctx, next);
  });
  // The handlers of the generated programs; a lazy session is awaited first, as lazy sessions require.
  const pizzas = async (ctx: Context): Promise<PizzaSession> =>
    spec.mode === "strict" ? (ctx as Strict).session : await (ctx as Lazy).session;
  bot.command("hunger", async (ctx) => {
    const count = (await pizzas(ctx)).pizzaCount;
    await ctx.reply(`Your hunger level is ${count}!`);
  });
  bot.hears(/🍕/, async (ctx) => {
    (await pizzas(ctx)).pizzaCount++;
  });
  bot.callbackQuery(ADD_PIZZA_DATA, async (ctx) => {
    const session = await pizzas(ctx);
    session.pizzaCount++;
    await ctx.answerCallbackQuery(`🍕 × ${session.pizzaCount}`);
  });
  bot.on("inline_query", (ctx) => ctx.answerInlineQuery([]));
  return (update) => {
    simulator.observeUpdate(update);
    return bot.handleUpdate(update);
  };
}
