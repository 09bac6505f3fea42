import { run } from "@grammyjs/runner";
import { Bot, type Context } from "grammy";
import type { Chat, Message, Update, UserFromGetMe } from "grammy/types";
import { SIMULATED_BOT_INFO } from "../../../../playground/telegram/updates";

/**
 * What `getMe` returns for the bot the tests run (the playground's simulated bot); handing it to `Bot`
 * means no `getMe` request is ever made.
 */
export const BOT_INFO: UserFromGetMe = SIMULATED_BOT_INFO;

/** One Bot API call the bot made, as the offline transformer received it. */
export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

/** A real grammY `Bot` whose Bot API requests are answered in-process. */
export interface OfflineBot<C extends Context> {
  bot: Bot<C>;
  /** Every Bot API call, in order (`getUpdates` included when polling). */
  apiCalls: ApiCall[];
  /** The texts the bot sent with `sendMessage`, in order. */
  sentTexts(): string[];
  /**
   * Runs `bot.start()` (long polling) over `updates`, then stops the bot once every update was handled.
   * Errors thrown by middleware reach `bot.catch`, which is the only path where grammY uses that handler.
   */
  poll(updates: Update[]): Promise<void>;
  /**
   * Runs `run(bot)` from @grammyjs/runner (long polling, updates handled concurrently) over `updates`, then stops
   * the runner once every update was handled and every error reached `bot.catch`.
   */
  runConcurrently(updates: Update[]): Promise<void>;
}

/**
 * Creates a `Bot` that never touches the network: `botInfo` is given, and an API transformer answers the methods
 * a session test needs the way Telegram would (sendMessage returns a Message with a fresh `message_id`).
 * Any other method fails like an unknown Bot API method would, so a test notices it instead of hanging.
 */
export function createOfflineBot<C extends Context = Context>(): OfflineBot<C> {
  const bot = new Bot<C>(`${BOT_INFO.id}:AAE-session-lab-offline-token`, { botInfo: BOT_INFO });
  const apiCalls: ApiCall[] = [];
  const sentMessageIds = new Map<number, number>();
  const queue: Update[] = [];
  let onDrained: (() => void) | undefined;

  const answer = async (method: string, payload: Record<string, unknown>, signal?: AbortSignalLike): Promise<unknown> => {
    switch (method) {
      case "getMe":
        return BOT_INFO;
      case "deleteWebhook":
      case "answerCallbackQuery":
      case "answerInlineQuery":
        return true;
      case "sendMessage": {
        const chatId = Number(payload.chat_id);
        const messageId = (sentMessageIds.get(chatId) ?? 1_000) + 1;
        sentMessageIds.set(chatId, messageId);
        const message: Message = {
          message_id: messageId,
          date: Math.floor(Date.now() / 1000),
          chat: chatFromId(chatId),
          from: { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name, username: BOT_INFO.username },
          text: String(payload.text),
        };
        return message;
      }
      case "getUpdates":
        return nextUpdates(payload, signal);
      default:
        throw new OfflineMethodError(method);
    }
  };

  // Telegram confirms updates below `offset`; a long poll with nothing pending means the previous batch is fully handled.
  const nextUpdates = (payload: Record<string, unknown>, signal?: AbortSignalLike): Promise<Update[]> => {
    const offset = Number(payload.offset ?? 0);
    queue.splice(0, queue.filter((u) => u.update_id < offset).length);
    const limit = Number(payload.limit ?? 100);
    if (queue.length > 0 || !payload.timeout) return Promise.resolve(queue.slice(0, limit));
    onDrained?.();
    return new Promise((_, reject) => {
      const cancelled = () => reject(new Error("getUpdates cancelled by bot.stop()"));
      if (signal?.aborted) cancelled();
      signal?.addEventListener("abort", cancelled);
    });
  };

  bot.api.config.use(async (_prev, method, payload, signal) => {
    const body = (payload ?? {}) as Record<string, unknown>;
    apiCalls.push({ method, payload: body });
    try {
      return { ok: true, result: await answer(method, body, signal) } as never;
    } catch (error) {
      if (!(error instanceof OfflineMethodError)) throw error;
      return { ok: false, error_code: 404, description: `Not Found: ${method} is not answered offline` } as never;
    }
  });

  return {
    bot,
    apiCalls,
    sentTexts: () => apiCalls.filter((c) => c.method === "sendMessage").map((c) => String(c.payload.text)),
    async poll(updates) {
      queue.push(...updates);
      const drained = new Promise<void>((resolve) => (onDrained = resolve));
      const running = bot.start();
      await Promise.race([drained, running]);
      await bot.stop();
      await running;
    },
    async runConcurrently(updates) {
      queue.push(...updates);
      const drained = new Promise<void>((resolve) => (onDrained = resolve));
      const runner = run(bot);
      await drained;
      // The runner's sink counts an update as done after its error, if any, went through bot.catch.
      while (runner.size() > 0) await new Promise((resolve) => setImmediate(resolve));
      await runner.stop();
    },
  };
}

/** The part of grammY's abort signal the long poll needs (on Node, grammY passes a polyfill's signal type). */
interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void): void;
}

/** Raised inside the transformer for methods the offline bot does not answer. */
class OfflineMethodError extends Error {}

// Telegram's id ranges: users are positive, supergroups and channels are -100…, basic groups are other negatives.
function chatFromId(id: number): Chat {
  if (id > 0) return { id, type: "private", first_name: "User" };
  if (String(id).startsWith("-100")) return { id, type: "supergroup", title: "Supergroup" };
  return { id, type: "group", title: "Group" };
}
