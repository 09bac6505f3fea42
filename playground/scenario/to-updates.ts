/**
 * Turns parsed steps into the updates Telegram would send, with the runtime's update factory, so
 * a scenario feeds the sandbox exactly what the chat simulator would.
 */
import type { Chat, Message, Update } from "grammy/types";
import {
  createCallbackQueryUpdate,
  createInlineQueryUpdate,
  createPollAnswerUpdate,
  createTextMessageUpdate,
  createUpdateIdSequence,
  SIMULATED_BOT_INFO,
} from "../telegram/updates";
import { CAST, chatOf, type Step } from "./format";

/** The poll every `poll` step answers, unless {@link StepsToUpdatesOptions.pollId} names another. */
export const SCENARIO_POLL_ID = "5500000000000000001";

/** How {@link stepsToUpdates} numbers things; everything is optional. */
export interface StepsToUpdatesOptions {
  /** Hands out update ids. Default: a fresh sequence starting at 1, so each call gets ids 1, 2, 3… */
  nextUpdateId?: () => number;
  /**
   * Hands out the next message id of a chat. Default: a counter per chat starting at 1 (the
   * chat simulator passes its own, which also counts the bot's replies).
   */
  nextMessageId?: (chat: Chat) => number;
  /**
   * The bot's last message in a chat, which a `[button …]` step presses. When there is none (or
   * no function is given), the press is on a bot message made up to carry just that button.
   */
  lastBotMessage?: (chat: Chat) => Message | undefined;
  /** The poll `poll` steps answer. Default {@link SCENARIO_POLL_ID}. */
  pollId?: string;
  /** Unix time in seconds of every message. Default: now. */
  date?: number;
}

/** One update per step, in order: `updates[i]` is what `steps[i]` sends. */
export function stepsToUpdates(steps: readonly Step[], options: StepsToUpdatesOptions = {}): Update[] {
  const nextUpdateId = options.nextUpdateId ?? createUpdateIdSequence(1);
  const nextMessageId = options.nextMessageId ?? perChatCounter();
  const date = options.date ?? Math.floor(Date.now() / 1000);
  return steps.map((step) => {
    const from = CAST[step.person];
    const updateId = nextUpdateId();
    switch (step.kind) {
      case "message": {
        const chat = chatOf(step.place, step.person);
        return createTextMessageUpdate({ from, chat, text: step.text, updateId, messageId: nextMessageId(chat), date });
      }
      case "button": {
        const chat = chatOf(step.place, step.person);
        const message = options.lastBotMessage?.(chat) ?? botMessageWithButton(chat, step.data, nextMessageId(chat), date);
        return createCallbackQueryUpdate({ from, message, data: step.data, updateId });
      }
      case "inline":
        return createInlineQueryUpdate({ from, query: step.query, updateId });
      case "poll":
        return createPollAnswerUpdate({ from, pollId: options.pollId ?? SCENARIO_POLL_ID, optionIds: step.options, updateId });
    }
  });
}

function perChatCounter(): (chat: Chat) => number {
  const last = new Map<number, number>();
  return (chat) => {
    const next = (last.get(chat.id) ?? 0) + 1;
    last.set(chat.id, next);
    return next;
  };
}

/** A bot message as `sendMessage` would have returned it, with one inline button carrying `data`. */
function botMessageWithButton(chat: Chat, data: string, messageId: number, date: number): Message {
  const { id, is_bot, first_name, username } = SIMULATED_BOT_INFO;
  return {
    message_id: messageId,
    from: { id, is_bot, first_name, username },
    chat,
    date,
    text: "🔘",
    reply_markup: { inline_keyboard: [[{ text: data, callback_data: data }]] },
  } as Message;
}
