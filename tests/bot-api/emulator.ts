/**
 * A local Bot API emulator: a real HTTP server (Node's `http`, nothing else) answering in the Bot API's
 * JSON shapes, so real grammY can long-poll it and a browser page on another origin can call it (CORS).
 * Tests use it instead of api.telegram.org: they queue what a user does (`userSays`, `pressButton`),
 * read what the bot sent (`sent`), and make Telegram fail the way it does (401, 409, 429).
 *
 * Modelled on https://core.telegram.org/bots/api: `/bot<token>/<method>`, GET or POST, JSON, form or
 * query parameters, methods case-insensitive, every answer `{ ok, result }` or
 * `{ ok: false, error_code, description, parameters? }` with the same HTTP status.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Chat, Message, Update, User, UserFromGetMe } from "grammy/types";
import { createCallbackQueryUpdate, createTextMessageUpdate } from "../../playground/telegram/updates";
import { ANA, ANA_CHAT, nowInSeconds } from "./updates";

/** The token the emulator accepts unless told otherwise; its numeric prefix is the bot's id, as in a real token. */
export const DEFAULT_EMULATOR_TOKEN = "123456:TEST-token-for-session-lab";

/** The bot's username unless told otherwise. */
export const DEFAULT_EMULATOR_BOT_USERNAME = "session_lab_emulator_bot";

/** Telegram's words for the errors the emulator gives, so tests (and explanations built on them) see the real ones. */
export const BOT_API_ERRORS = Object.freeze({
  unauthorized: "Unauthorized",
  notFound: "Not Found",
  conflictPoller: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
  conflictWebhook: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
});

/** Options of {@link startBotApiEmulator}. */
export interface BotApiEmulatorOptions {
  /** Port on 127.0.0.1; default 0, a free one. */
  port?: number;
  /** The only token accepted; default {@link DEFAULT_EMULATOR_TOKEN}. */
  token?: string;
  /** What `getMe` answers as the username; default {@link DEFAULT_EMULATOR_BOT_USERNAME}. */
  botUsername?: string;
}

/** A Bot API error the emulator answers with: what Telegram puts in `{ ok: false, … }`. */
export interface BotApiFailure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** What {@link BotApiEmulator.failNext} makes the next call answer: 401, 429 (retry after 3 s) or anything else. */
export type FailureKind = 401 | 429 | BotApiFailure;

/** One call the emulator received, in arrival order. */
export interface ReceivedRequest {
  /** The Bot API method as written in the path (`""` when the path was no `/bot<token>/<method>`). */
  method: string;
  /** Whether the path carried the emulator's token. */
  tokenOk: boolean;
  /** GET or POST (OPTIONS preflights are not calls and are not recorded). */
  httpMethod: string;
  /** The parameters, from the body and the query string, JSON values already parsed. */
  params: Record<string, unknown>;
  /** `Date.now()` when the call arrived. */
  time: number;
  /** The HTTP status it was answered with; undefined while it is held (a long poll) or if the client left first. */
  status?: number;
}

/** A `sendMessage` call as the bot made it, with the message the emulator answered. */
export interface SentMessage {
  chat_id: number | string;
  text: string;
  /** Every parameter as received: `reply_markup`, `parse_mode`, `entities`, `reply_parameters`… */
  params: Record<string, unknown>;
  /** The Message returned to the bot; `pressButton` taps buttons under it. */
  message: Message.TextMessage;
}

/** Options of {@link BotApiEmulator.userSays}. */
export interface UserSaysOptions {
  /** Who writes; default Ana (id 424242). */
  from?: User;
  /** Where; default the writer's private chat. */
  chat?: Chat;
}

/** A running emulator; see {@link startBotApiEmulator}. */
export interface BotApiEmulator {
  /** The API root, e.g. `http://127.0.0.1:PORT`: grammY's `client.apiRoot`. */
  readonly url: string;
  /** The token the emulator accepts. */
  readonly token: string;
  /** The bot `getMe` answers with. */
  readonly botInfo: UserFromGetMe;
  /** Every `sendMessage` the bot made, in order. */
  readonly sent: readonly SentMessage[];
  /** Every call received (with a right token or not), in order. */
  readonly requests: readonly ReceivedRequest[];
  /** Queues a text message from a user (default Ana, in her private chat) and returns the update. */
  userSays(text: string, options?: UserSaysOptions): Update;
  /**
   * Queues a tap on the inline button with `callbackData` under the bot's message `messageId`
   * (default: the last message the bot sent). Throws if there is no such message.
   */
  pressButton(callbackData: string, messageId?: number, from?: User): Update;
  /** Queues any update as is; an update_id it brings raises the ids handed out later. */
  pushUpdate(update: Update): Update;
  /** Updates queued and not yet confirmed by an `offset`. */
  pendingUpdates(): readonly Update[];
  /** How many `getUpdates` calls are held open right now (0 or 1: a second one ends the first). */
  activePollers(): number;
  /** Sets (a URL) or removes (undefined) the webhook; while one is set, `getUpdates` answers 409. */
  setWebhook(url: string | undefined): void;
  /** The next call of `method` fails with `kind` instead of running. Several calls queue several failures. */
  failNext(method: string, kind: FailureKind): void;
  /** Calls `listener` with each message the bot sends; returns a function that stops it. */
  onSent(listener: (sent: SentMessage) => void): () => void;
  /**
   * Resolves once `condition()` holds, checked now and after every change (a call, an answer, an update,
   * a poller leaving); rejects after `timeoutMs` (default 10 s) saying what it waited for.
   */
  waitFor(condition: () => boolean, description?: string, timeoutMs?: number): Promise<void>;
  /** Resolves with `sent` once the bot has sent at least `count` messages. */
  waitForSent(count: number, timeoutMs?: number): Promise<readonly SentMessage[]>;
  /** Ends held polls, closes every connection and stops listening. */
  close(): Promise<void>;
}

/** The `getUpdates` call being held open until an update arrives or its timeout passes. */
interface HeldPoll {
  res: ServerResponse;
  request: ReceivedRequest;
  limit: number;
  timer: ReturnType<typeof setTimeout>;
}

/** Update kinds Telegram leaves out unless `allowed_updates` names them. */
const OPT_IN_UPDATE_KINDS = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

/**
 * Starts an emulator on 127.0.0.1 (a free port unless `options.port`) and resolves once it listens.
 * Close it with `close()`.
 */
export async function startBotApiEmulator(options: BotApiEmulatorOptions = {}): Promise<BotApiEmulator> {
  const token = options.token ?? DEFAULT_EMULATOR_TOKEN;
  const botInfo = makeBotInfo(token, options.botUsername ?? DEFAULT_EMULATOR_BOT_USERNAME);
  const sent: SentMessage[] = [];
  const requests: ReceivedRequest[] = [];
  const queue: Update[] = [];
  const failures = new Map<string, BotApiFailure[]>();
  const sentListeners = new Set<(sent: SentMessage) => void>();
  const changeListeners = new Set<() => void>();
  const lastMessageIdByChat = new Map<string, number>();
  const knownChats = new Map<string, Chat>();
  let nextUpdateId = 1;
  let nextQueryId = 1;
  let held: HeldPoll | undefined;
  let webhookUrl: string | undefined;
  // Telegram keeps the last allowed_updates a bot gave; [] (or never given) means "all but the opt-in kinds".
  let allowedUpdates: string[] = [];

  const changed = () => {
    for (const listener of [...changeListeners]) listener();
  };

  function nextMessageId(chatId: number | string): number {
    const next = (lastMessageIdByChat.get(String(chatId)) ?? 0) + 1;
    lastMessageIdByChat.set(String(chatId), next);
    return next;
  }

  function enqueue(update: Update): Update {
    if (update.update_id >= nextUpdateId) nextUpdateId = update.update_id + 1;
    const chat = chatOf(update);
    if (chat) {
      knownChats.set(String(chat.id), chat);
      const messageId = messageIdOf(update);
      if (messageId !== undefined && messageId > (lastMessageIdByChat.get(String(chat.id)) ?? 0)) {
        lastMessageIdByChat.set(String(chat.id), messageId);
      }
    }
    queue.push(update);
    if (held) answerHeld();
    changed();
    return update;
  }

  /** The updates a poll may receive now: Telegram never stores the kinds the bot did not allow. */
  function deliverable(limit: number): Update[] {
    for (let i = queue.length - 1; i >= 0; i--) {
      if (!isAllowed(queue[i], allowedUpdates)) queue.splice(i, 1);
    }
    return queue.slice(0, limit);
  }

  function answerHeld(): void {
    if (!held) return;
    const poll = held;
    held = undefined;
    clearTimeout(poll.timer);
    reply(poll.res, poll.request, { ok: true, result: deliverable(poll.limit) });
  }

  function reply(res: ServerResponse, request: ReceivedRequest | undefined, body: ApiAnswer): void {
    const status = body.ok ? 200 : body.error_code;
    if (request) request.status = status;
    // A client that left (aborted fetch, closed tab) cannot be answered; writing would only raise.
    if (!res.destroyed && !res.writableEnded) {
      res.writeHead(status, { ...CORS_HEADERS, "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    }
    changed();
  }

  function fail(res: ServerResponse, request: ReceivedRequest | undefined, failure: BotApiFailure): void {
    reply(res, request, { ok: false, ...failure });
  }

  function getUpdates(res: ServerResponse, request: ReceivedRequest): void {
    const { params } = request;
    if (webhookUrl !== undefined) return fail(res, request, { error_code: 409, description: BOT_API_ERRORS.conflictWebhook });
    // Telegram allows one poller per token: the newer request wins, the held one learns why it lost.
    if (held) {
      const earlier = held;
      held = undefined;
      clearTimeout(earlier.timer);
      fail(earlier.res, earlier.request, { error_code: 409, description: BOT_API_ERRORS.conflictPoller });
    }
    const offset = integerParam(params.offset, 0);
    if (offset > 0) {
      // An offset confirms every update below it: they are never sent again.
      while (queue.length > 0 && queue[0].update_id < offset) queue.shift();
    } else if (offset < 0) {
      // A negative offset keeps the last -offset updates and forgets the rest.
      queue.splice(0, Math.max(0, queue.length + offset));
    }
    if (Array.isArray(params.allowed_updates)) allowedUpdates = params.allowed_updates.map(String);
    const limit = Math.min(100, Math.max(1, integerParam(params.limit, 100)));
    const timeout = Math.max(0, integerParam(params.timeout, 0));
    const ready = deliverable(limit);
    if (ready.length > 0 || timeout === 0) return reply(res, request, { ok: true, result: ready });
    const poll: HeldPoll = {
      res,
      request,
      limit,
      timer: setTimeout(() => {
        if (held === poll) answerHeld();
      }, timeout * 1000),
    };
    held = poll;
    // The client leaving (grammY's bot.stop() aborting, a closed tab) ends the poll at once.
    res.on("close", () => {
      if (held !== poll) return;
      held = undefined;
      clearTimeout(poll.timer);
      changed();
    });
    changed();
  }

  function sendMessage(res: ServerResponse, request: ReceivedRequest): void {
    const { params } = request;
    const chatId = params.chat_id;
    if (chatId === undefined || chatId === "") return fail(res, request, { error_code: 400, description: "Bad Request: chat_id is empty" });
    const text = typeof params.text === "string" ? params.text : params.text === undefined ? "" : String(params.text);
    if (text.trim() === "") return fail(res, request, { error_code: 400, description: "Bad Request: message text is empty" });
    const chat = knownChats.get(String(chatId)) ?? fallbackChat(chatId);
    const message = {
      message_id: nextMessageId(chat.id),
      from: botUser(botInfo),
      chat,
      date: nowInSeconds(),
      text,
      ...(Array.isArray(params.entities) ? { entities: params.entities } : {}),
      // Telegram returns a message's inline keyboard; other keyboards belong to the chat, not the message.
      ...(isInlineKeyboard(params.reply_markup) ? { reply_markup: params.reply_markup } : {}),
    } as Message.TextMessage;
    const record: SentMessage = { chat_id: chatId as number | string, text, params, message };
    sent.push(record);
    for (const listener of [...sentListeners]) listener(record);
    reply(res, request, { ok: true, result: message });
  }

  function run(method: string, res: ServerResponse, request: ReceivedRequest): void {
    const { params } = request;
    switch (method.toLowerCase()) {
      case "getme":
        return reply(res, request, { ok: true, result: botInfo });
      case "getupdates":
        return getUpdates(res, request);
      case "sendmessage":
        return sendMessage(res, request);
      case "answercallbackquery":
      case "answerinlinequery":
        return reply(res, request, { ok: true, result: true });
      case "deletewebhook":
        webhookUrl = undefined;
        if (params.drop_pending_updates === true || params.drop_pending_updates === "true") queue.length = 0;
        return reply(res, request, { ok: true, result: true });
      case "setwebhook": {
        const url = typeof params.url === "string" ? params.url : "";
        webhookUrl = url === "" ? undefined : url;
        if (params.drop_pending_updates === true || params.drop_pending_updates === "true") queue.length = 0;
        return reply(res, request, { ok: true, result: true });
      }
      case "getwebhookinfo":
        return reply(res, request, {
          ok: true,
          result: { url: webhookUrl ?? "", has_custom_certificate: false, pending_update_count: queue.length },
        });
      default:
        return fail(res, request, { error_code: 404, description: BOT_API_ERRORS.notFound });
    }
  }

  const server = createServer((req, res) => {
    if (req.method === "OPTIONS") {
      res.writeHead(204, { ...CORS_HEADERS, ...PREFLIGHT_HEADERS });
      res.end();
      return;
    }
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const match = /^\/bot([^/]*)\/([^/]+)$/.exec(url.pathname);
    const request: ReceivedRequest = {
      method: match ? decodeURIComponent(match[2]) : "",
      tokenOk: match !== null && decodeURIComponent(match[1]) === token,
      httpMethod: req.method ?? "GET",
      params: {},
      time: Date.now(),
    };
    requests.push(request);
    let params: Record<string, unknown>;
    try {
      params = { ...queryParams(url), ...(await bodyParams(req)) };
    } catch (error) {
      return fail(res, request, { error_code: 400, description: `Bad Request: ${(error as Error).message}` });
    }
    request.params = params;
    if (!match) return fail(res, request, { error_code: 404, description: BOT_API_ERRORS.notFound });
    if (!request.tokenOk) return fail(res, request, { error_code: 401, description: BOT_API_ERRORS.unauthorized });
    const failure = failures.get(request.method.toLowerCase())?.shift();
    if (failure) return fail(res, request, failure);
    run(request.method, res, request);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  const emulator: BotApiEmulator = {
    url: `http://127.0.0.1:${port}`,
    token,
    botInfo,
    sent,
    requests,
    userSays(text, options = {}) {
      const from = options.from ?? ANA;
      const chat = options.chat ?? privateChatOf(from);
      return enqueue(createTextMessageUpdate({ updateId: nextUpdateId, messageId: nextMessageId(chat.id), from, chat, text }));
    },
    pressButton(callbackData, messageId, from = ANA) {
      const target = messageId === undefined ? sent.at(-1) : sent.find((s) => s.message.message_id === messageId);
      if (!target) {
        throw new Error(messageId === undefined ? "pressButton: the bot has sent no message yet" : `pressButton: the bot sent no message ${messageId}`);
      }
      return enqueue(
        createCallbackQueryUpdate({ updateId: nextUpdateId, id: String(nextQueryId++), from, message: target.message, data: callbackData }),
      );
    },
    pushUpdate(update) {
      return enqueue(update);
    },
    pendingUpdates() {
      return [...queue];
    },
    activePollers() {
      return held ? 1 : 0;
    },
    setWebhook(url) {
      webhookUrl = url;
      changed();
    },
    failNext(method, kind) {
      const failure: BotApiFailure =
        kind === 401
          ? { error_code: 401, description: BOT_API_ERRORS.unauthorized }
          : kind === 429
            ? { error_code: 429, description: "Too Many Requests: retry after 3", parameters: { retry_after: 3 } }
            : kind;
      const key = method.toLowerCase();
      failures.set(key, [...(failures.get(key) ?? []), failure]);
    },
    onSent(listener) {
      sentListeners.add(listener);
      return () => sentListeners.delete(listener);
    },
    waitFor(condition, description = "a condition", timeoutMs = 10_000) {
      return new Promise<void>((resolve, reject) => {
        if (condition()) return resolve();
        const check = () => {
          if (!condition()) return;
          cleanup();
          resolve();
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`Bot API emulator: waited ${timeoutMs} ms for ${description}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          changeListeners.delete(check);
        };
        changeListeners.add(check);
      });
    },
    async waitForSent(count, timeoutMs) {
      await emulator.waitFor(() => sent.length >= count, `${count} sent message(s), got ${sent.length}`, timeoutMs);
      return sent;
    },
    close() {
      if (held) answerHeld();
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
  return emulator;
}

/** What the emulator answers: the Bot API's envelope. */
type ApiAnswer = { ok: true; result: unknown } | ({ ok: false } & BotApiFailure);

/** On every answer: a browser page on another origin (the playground's live mode) reads them. */
const CORS_HEADERS = { "Access-Control-Allow-Origin": "*" };

/**
 * A preflight's answer: JSON bodies need `content-type` allowed; a day's cache spares one OPTIONS per call;
 * Chromium's Private Network Access asks before a page reaches 127.0.0.1 from a less private address.
 */
const PREFLIGHT_HEADERS = {
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "content-type",
  "Access-Control-Allow-Private-Network": "true",
  "Access-Control-Max-Age": "86400",
};

function makeBotInfo(token: string, username: string): UserFromGetMe {
  const id = Number(/^(\d+):/.exec(token)?.[1] ?? 1);
  return {
    id,
    is_bot: true,
    first_name: "Session Lab (emulator)",
    username,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
  } as UserFromGetMe;
}

/** The bot as a message's `from`: `getMe` also carries capabilities that a message's sender never does. */
function botUser(info: UserFromGetMe): User {
  return { id: info.id, is_bot: true, first_name: info.first_name, username: info.username };
}

function privateChatOf(user: User): Chat.PrivateChat {
  if (user.id === ANA.id) return ANA_CHAT;
  return { id: user.id, type: "private", first_name: user.first_name, ...(user.username ? { username: user.username } : {}) };
}

/** A chat the emulator never saw an update from: a private chat with that id, which is what a user id names. */
function fallbackChat(chatId: unknown): Chat {
  const id = Number(chatId);
  return Number.isFinite(id) ? { id, type: "private", first_name: "User" } : { id: 0, type: "channel", title: String(chatId) };
}

function chatOf(update: Update): Chat | undefined {
  return (update.message ?? update.edited_message ?? update.channel_post ?? update.callback_query?.message)?.chat;
}

function messageIdOf(update: Update): number | undefined {
  return (update.message ?? update.edited_message ?? update.channel_post)?.message_id;
}

/** The update's kind is its one key besides `update_id`. */
function isAllowed(update: Update, allowed: string[]): boolean {
  const kind = Object.keys(update).find((key) => key !== "update_id");
  if (kind === undefined) return true;
  return allowed.length === 0 ? !OPT_IN_UPDATE_KINDS.has(kind) : allowed.includes(kind);
}

function isInlineKeyboard(markup: unknown): boolean {
  return typeof markup === "object" && markup !== null && "inline_keyboard" in markup;
}

function integerParam(value: unknown, fallback: number): number {
  if (value === undefined || value === null || value === "") return fallback;
  const number = Number(value);
  return Number.isFinite(number) ? Math.trunc(number) : fallback;
}

/** Form and query values are strings; the Bot API reads JSON-serialized objects and arrays out of them. */
function fromFormValue(value: string): unknown {
  if (/^\s*[[{]/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  if (value === "true" || value === "false") return value === "true";
  return value;
}

function queryParams(url: URL): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of url.searchParams) params[key] = fromFormValue(value);
  return params;
}

async function bodyParams(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString("utf8");
  if (body.trim() === "") return {};
  const type = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded") {
    const params: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(body)) params[key] = fromFormValue(value);
    return params;
  }
  if (type === "application/json" || type === "") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new Error("can't parse JSON body");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("JSON body must be an object");
    return parsed as Record<string, unknown>;
  }
  throw new Error(`unsupported content type ${type} (the emulator reads JSON, forms and query strings)`);
}
