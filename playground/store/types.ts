/**
 * The shapes the playground store holds. They carry data, not text: views turn them into words in the
 * reader's language, so one store serves both locales.
 */
import type { InlineKeyboardButton, Message, Update } from "grammy/types";
import type { LiveProblem } from "../live/live-problem";
import type { TelegramMode } from "../live/live-settings";
import type { Diagnostic, ErrorSummary, NotDeliveredReason, RunnerEvent, SandboxEvent, SessionStorageInfo, StopReason, StorageOpEvent, UpdateWaitingEvent } from "../protocol";

/** Anything the store ingests from a run. */
export type RunEvent = SandboxEvent | RunnerEvent;

/** Where the compiler is. `loading` covers the esbuild wasm download. */
export interface CompileState {
  status: "idle" | "loading" | "compiling" | "ok" | "failed";
  /** Bytes of the compiler downloaded so far, while `loading`. */
  progress?: { loaded: number; total: number };
  /** Errors (and warnings) of the last failed compile, or warnings of the last good one. */
  diagnostics: Diagnostic[];
  durationMs?: number;
  /** The compiler itself could not start (not the user's fault). */
  initError?: string;
}

/** Where the program is. */
export interface RunState {
  status: "idle" | "compiling" | "starting" | "running" | "stopped";
  /** Counts runs in this tab; a new run resets the traffic, console and totals. */
  runNumber: number;
  stop?: { reason: StopReason; updateId?: number; message?: string; line?: number };
  /**
   * The program still runs, but its bot no longer polls: `bot.start()` settled (with `error`, grammY's
   * default error handler stopped it after update `updateId` failed; without, the program called `bot.stop()`).
   */
  botStopped?: { updateId?: number; error?: ErrorSummary };
  /** `performance.now()` when Run was clicked, and when the sandbox said it was ready. */
  requestedAt?: number;
  readyAt?: number;
}

/** Live mode as the views show it: never the token itself, only its masked form. */
export interface LiveState {
  mode: TelegramMode;
  /** The token as it may be shown (`123456:•••`), "" when there is none. */
  maskedToken: string;
  /** The API root as typed. */
  apiRoot: string;
  /** The current (or last) run talks to the real Bot API. */
  running: boolean;
  /** What went wrong in this run (or at Run), until the next Run or until it passes. */
  problem?: LiveProblem;
  /** The bot `getMe` answered with in this run. */
  bot?: { username?: string; firstName: string };
}

/** Locale-free facts about an update, enough to describe it in a sentence. */
export interface UpdateSummary {
  kind: "message" | "edited_message" | "callback_query" | "inline_query" | "poll_answer" | "other";
  /** The update's first field, e.g. `chosen_inline_result`, for `other`. */
  field: string;
  fromName?: string;
  /** The chat's title or, for private chats, undefined (views say "private chat"). */
  chatTitle?: string;
  chatType?: string;
  text?: string;
}

/** A row of the traffic log: either the head of an update's group or one storage call. */
export type TrafficRow = TrafficGroupRow | TrafficOpRow;

/** The first row of a run of calls made while handling one update. */
export interface TrafficGroupRow {
  kind: "group";
  /** Unique within the store, stable: used as the list key. */
  id: number;
  updateId?: number;
  summary?: UpdateSummary;
  /**
   * The group's calls in order (the same events as the op rows after it), and where they lie in time:
   * ms since the epoch on the sandbox's clock, like `StorageOpEvent.startedAt`. Mutated as calls arrive.
   */
  calls: StorageOpEvent[];
  firstStart: number;
  lastEnd: number;
  /** What is known of the update's own timing (shared by every group of the same update). */
  timing?: UpdateTiming;
}

/** When an update arrived and how long grammY took over it, as far as the sandbox said. */
export interface UpdateTiming {
  /** `update-received`'s `at`: ms since the epoch, the clock of `StorageOpEvent.startedAt`. */
  receivedAt?: number;
  /** `update-handled`'s `durationMs`. */
  handledMs?: number;
}

/** One storage call. */
export interface TrafficOpRow {
  kind: "op";
  id: number;
  event: StorageOpEvent;
}

/** Storage calls so far in this run, by kind. */
export interface TrafficTotals {
  read: number;
  write: number;
  delete: number;
  /** `has` and the `readAll*` iterations. */
  other: number;
}

/** A message bubble or a notice in the chat view. */
export type ChatEntry = ChatUserMessage | ChatBotMessage | ChatNotice;

/** A message a simulated user sent. */
export interface ChatUserMessage {
  kind: "user";
  id: number;
  chatId: number;
  messageId: number;
  senderName: string;
  text: string;
  updateId: number;
  /** Never reached the bot, and why. */
  notDelivered?: NotDeliveredReason;
}

/** A message the bot sent, as the Bot API simulator answered it (edits and deletions applied). */
export interface ChatBotMessage {
  kind: "bot";
  id: number;
  chatId: number;
  messageId: number;
  text: string;
  /** The Bot API method that created it, for messages without text (sendPhoto, sendDice…). */
  method: string;
  keyboard?: InlineKeyboardButton[][];
  /** The message as Telegram would hand it back; a button press quotes it in its callback query. */
  message: Message;
  edited: boolean;
  deleted: boolean;
}

/** A line that is not a message: the bot restarted, a user pressed a button, the bot answered a press. */
export interface ChatNotice {
  kind: "notice";
  id: number;
  /** Undefined: shown in every chat. */
  chatId?: number;
  notice: "restarted" | "pressed" | "answer";
  name?: string;
  text?: string;
  /** A button press that never reached the bot, and why. */
  notDelivered?: NotDeliveredReason;
}

/** A line of the console panel. */
export interface ConsoleEntry {
  id: number;
  /** "skipped": `count` lines the worker left out (the program logged faster than the page shows). */
  kind: "console" | "error" | "skipped";
  level: "log" | "info" | "warn" | "error" | "debug";
  text: string;
  /** 1-based line in the user's code. */
  line?: number;
  updateId?: number;
  /** For errors: the error's class name (TypeError…). */
  name?: string;
  phase?: "load" | "update" | "unhandled";
  count?: number;
}

export type { LiveProblem, TelegramMode };
export type { Diagnostic, ErrorSummary, NotDeliveredReason, SessionStorageInfo, StorageOpEvent, Update, UpdateWaitingEvent };
