/**
 * An offline Telegram: answers Bot API calls the way Telegram's servers would, from state kept
 * per chat, and serves `getUpdates` from a queue so `bot.start()` long-polls the simulated chat.
 * It plugs into grammY as an API transformer, so grammY turns its answers into results or
 * `GrammyError`s exactly as it does in production; no request ever reaches the network.
 */
import type { Transformer } from "grammy";
import type { ApiResponse, BotCommand, Chat, Message, MessageEntity, Update, User, UserFromGetMe } from "grammy/types";
import type { SandboxEvent } from "../../protocol";
import { BOT_API_METHODS } from "./bot-api-methods";
import { isButtonUrlAllowed } from "../../telegram/button-url";
import { parseFormattedText } from "./parse-mode";
import { UPDATE_KINDS } from "../../telegram/update-validator";
import { detectEntities, SIMULATED_BOT_INFO } from "../../telegram/updates";

/** The report of one answered call, as the sandbox posts it. */
export type ApiCallEvent = Extract<SandboxEvent, { type: "api-call" }>;

/** How an {@link ApiSimulator} reports and where it gets time and chance from. */
export interface ApiSimulatorOptions {
  /** The bot it pretends to be. Default {@link SIMULATED_BOT_INFO}. */
  botInfo?: UserFromGetMe;
  /** Called once per answered call (calls cancelled through their abort signal are not answered). */
  onCall?: (event: ApiCallEvent) => void;
  /** Called when an update is thrown away instead of being delivered, with the reason in a sentence. */
  onUpdateDropped?: (update: Update, reason: string) => void;
  /** The update being handled, to tag each call with. */
  currentUpdateId?: () => number | undefined;
  /** Clock in ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Source of dice values. Default `Math.random`. */
  random?: () => number;
}

/** Telegram's answer to a call that failed, carried through `answer()` as an exception. */
class ApiFailure extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
  ) {
    super(description);
  }
}

const badRequest = (description: string) => new ApiFailure(400, `Bad Request: ${description}`);

const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";
const QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid";
const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);
/** Kinds Telegram delivers when `allowed_updates` is empty or was never set. */
const DEFAULT_ALLOWED = UPDATE_KINDS.filter((k) => k !== "chat_member" && k !== "message_reaction" && k !== "message_reaction_count");
const DICE_FACES: Record<string, number> = { "🎲": 6, "🎯": 6, "🎳": 6, "🏀": 5, "⚽": 5, "🎰": 64 };
const INLINE_BUTTON_ACTIONS = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
];

type Payload = Record<string, unknown>;
/** The part of an AbortSignal the long poll uses (grammY's types name a polyfill's signal). */
interface CancelSignal {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void): void;
  removeEventListener(type: "abort", listener: () => void): void;
}
type StoredMessage = { message: Payload; fromBot: boolean };
interface ChatState {
  chat: Chat;
  /** Message ids are shared by both sides of a chat, so this follows the user's messages too. */
  lastMessageId: number;
  messages: Map<number, StoredMessage>;
}
interface WaitingPoll {
  /** Answers the waiting call with whatever is deliverable now. */
  wake(): void;
  /** Answers it with Telegram's 409, because a newer getUpdates call replaced it. */
  conflict(): void;
}

/**
 * Serialises a payload the way grammY does before sending it (nulls and undefined dropped,
 * `InputFile`s become `attach://` references), so the simulator sees what Telegram would.
 */
function toWirePayload(payload: unknown): Payload {
  if (payload === undefined || payload === null) return {};
  const json = JSON.stringify(payload, (_key, value: unknown) => {
    if (value === null) return undefined;
    if (typeof value === "object" && typeof (value as { toRaw?: unknown }).toRaw === "function") {
      return `attach://${(value as { filename?: string }).filename ?? "file"}`;
    }
    return value;
  });
  return json === undefined ? {} : (JSON.parse(json) as Payload);
}

/**
 * The current call stack, deep enough to get past grammY's frames (Api → client → transformers)
 * to the caller. Engines format `stack` only when it is read, so an unread call site is cheap.
 */
function captureCallSite(): Error {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 40;
  const site = new Error("API call made here");
  Error.stackTraceLimit = limit;
  return site;
}

function integerOf(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function withoutReply(message: Payload): Payload {
  const { reply_to_message: _nested, ...rest } = message;
  return rest;
}

/**
 * The simulated Telegram Bot API of one sandbox run. Install {@link transformer} on a bot
 * (`bot.api.config.use(simulator.transformer)`), feed it the updates users "send" with
 * {@link enqueueUpdate} (or {@link observeUpdate} when they go to `handleUpdate` directly).
 */
export class ApiSimulator {
  /** What `getMe` answers. */
  readonly botInfo: UserFromGetMe;
  /** The grammY API transformer that answers every call without calling the network. */
  readonly transformer: Transformer;

  private readonly options: ApiSimulatorOptions;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly chats = new Map<number, ChatState>();
  private readonly openCallbackQueries = new Set<string>();
  private readonly openInlineQueries = new Set<string>();
  private readonly files = new Map<string, Payload>();
  private readonly commands = new Map<string, BotCommand[]>();
  /** Where each failed call was made, keyed by its payload (grammY's GrammyError keeps the same object). */
  private readonly failedCallSites = new WeakMap<object, Error>();
  private queue: Update[] = [];
  private confirmedOffset = 0;
  private allowedUpdates = new Set<string>(DEFAULT_ALLOWED);
  private waiting: WaitingPoll | undefined;
  private webhookUrl = "";
  private callIds = 0;
  private fileIds = 0;
  private pollIds = 0;

  constructor(options: ApiSimulatorOptions = {}) {
    this.options = options;
    this.botInfo = options.botInfo ?? SIMULATED_BOT_INFO;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.transformer = ((_prev, method, payload, signal) => this.call(method, payload, signal)) as Transformer;
  }

  /** How many updates wait in the queue (delivered but unconfirmed ones included, as on Telegram). */
  get queuedUpdates(): number {
    return this.queue.length;
  }

  /** Whether a `getUpdates` call is waiting for updates right now (a bot is long polling). */
  get isPolling(): boolean {
    return this.waiting !== undefined;
  }

  /**
   * Learns what an update tells Telegram's side: its chats, its messages (which advance the chat's
   * message ids) and its open callback and inline queries. {@link enqueueUpdate} does this itself.
   */
  observeUpdate(update: Update): void {
    for (const [kind, value] of Object.entries(update)) {
      if (kind === "update_id" || typeof value !== "object" || value === null) continue;
      const item = value as Payload;
      if (kind === "callback_query") {
        this.openCallbackQueries.add(String(item.id));
        if (isMessage(item.message)) this.learnMessage(item.message as Payload, false);
        continue;
      }
      if (kind === "inline_query") {
        this.openInlineQueries.add(String(item.id));
        continue;
      }
      if (isMessage(item)) this.learnMessage(item, kind.startsWith("edited_"));
      else if (isChat(item.chat)) this.learnChat(item.chat);
    }
  }

  /** Queues an update for `getUpdates`, waking a waiting long poll. */
  enqueueUpdate(update: Update): void {
    this.observeUpdate(update);
    if (update.update_id < this.confirmedOffset) {
      this.options.onUpdateDropped?.(
        update,
        `Update ${update.update_id} was dropped: the bot already confirmed every update below ${this.confirmedOffset}, ` +
          "and Telegram's update ids only increase.",
      );
      return;
    }
    this.queue.push(update);
    this.waiting?.wake();
  }

  /**
   * The stack of the code that made a call Telegram refused, for a `GrammyError`'s `payload`.
   * A handler that returns `ctx.reply(…)` without awaiting it leaves no trace of itself in the
   * error's own stack; the stack taken when the call was made still has it.
   */
  callSiteOf(payload: unknown): string | undefined {
    return typeof payload === "object" && payload !== null ? this.failedCallSites.get(payload)?.stack : undefined;
  }

  /** Answers one Bot API call as Telegram would, and reports it. */
  async call(method: string, payload: unknown, signal?: CancelSignal): Promise<ApiResponse<unknown>> {
    const callSite = method === "getUpdates" ? undefined : captureCallSite();
    const callId = ++this.callIds;
    const updateId = this.options.currentUpdateId?.();
    const wire = toWirePayload(payload);
    const started = performance.now();
    let response: ApiResponse<unknown>;
    try {
      // A copy, as a fresh HTTP response would be: the bot mutating a result must not edit history.
      response = { ok: true, result: structuredClone(await this.answer(method, wire, signal)) };
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error; // cancelled long poll: nobody gets an answer
      response = { ok: false, error_code: error.errorCode, description: error.description };
      if (typeof payload === "object" && payload !== null && callSite !== undefined) this.failedCallSites.set(payload, callSite);
    }
    const event: ApiCallEvent = { type: "api-call", callId, method, payload: wire, durationMs: performance.now() - started };
    if (response.ok) event.result = response.result;
    else event.error = { error_code: response.error_code, description: response.description };
    if (updateId !== undefined) event.updateId = updateId;
    this.options.onCall?.(event);
    return response;
  }

  private answer(method: string, p: Payload, signal?: CancelSignal): unknown {
    switch (method) {
      case "getMe":
        return this.botInfo;
      case "getUpdates":
        return this.getUpdates(p, signal);
      case "setWebhook":
        return this.setWebhook(p);
      case "deleteWebhook":
        return this.deleteWebhook(p);
      case "getWebhookInfo":
        return { url: this.webhookUrl, has_custom_certificate: false, pending_update_count: this.queue.length };
      case "logOut":
      case "close":
        return true;
      case "sendMessage":
        return this.sendMessage(p);
      case "sendPhoto":
        return this.sendPhoto(p);
      case "sendDocument":
        return this.sendDocument(p);
      case "sendSticker":
        return this.sendSticker(p);
      case "sendDice":
        return this.sendDice(p);
      case "sendPoll":
        return this.sendPoll(p);
      case "sendChatAction":
        return this.sendChatAction(p);
      case "editMessageText":
        return this.editMessageText(p);
      case "editMessageCaption":
        return this.editMessageCaption(p);
      case "editMessageReplyMarkup":
        return this.editMessageReplyMarkup(p);
      case "deleteMessage":
        return this.deleteMessage(p);
      case "deleteMessages":
        return this.deleteMessages(p);
      case "setMessageReaction":
        return this.setMessageReaction(p);
      case "answerCallbackQuery":
        return this.answerQuery(this.openCallbackQueries, p.callback_query_id);
      case "answerInlineQuery":
        return this.answerInlineQuery(p);
      case "setMyCommands":
        return this.setMyCommands(p);
      case "getMyCommands":
        return this.commands.get(commandScopeKey(p)) ?? [];
      case "deleteMyCommands":
        this.commands.delete(commandScopeKey(p));
        return true;
      case "getChat":
        return this.getChat(p);
      default:
        if (BOT_API_METHODS.has(method)) {
          throw new ApiFailure(501, `Not Implemented: the playground's simulated Telegram does not answer ${method}`);
        }
        throw new ApiFailure(404, "Not Found: method not found");
    }
  }

  // ── Updates ───────────────────────────────────────────────────────────────────────────────

  private getUpdates(p: Payload, signal?: CancelSignal): Update[] | Promise<Update[]> {
    if (this.webhookUrl !== "") {
      throw new ApiFailure(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    const offset = integerOf(p.offset);
    const limit = Math.min(100, Math.max(1, integerOf(p.limit) ?? 100));
    const timeout = Math.max(0, integerOf(p.timeout) ?? 0);
    if (Array.isArray(p.allowed_updates)) {
      this.allowedUpdates = new Set(p.allowed_updates.length > 0 ? p.allowed_updates.map(String) : DEFAULT_ALLOWED);
    }
    if (offset !== undefined) this.confirm(offset);
    this.waiting?.conflict();
    const ready = this.deliverable(limit);
    if (ready.length > 0 || timeout === 0) return ready;
    return new Promise<Update[]>((resolve, reject) => {
      const finish = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", abort);
        if (this.waiting === poll) this.waiting = undefined;
      };
      const abort = () => {
        finish();
        reject(new DOMException("The long poll was cancelled.", "AbortError"));
      };
      const poll: WaitingPoll = {
        wake: () => {
          const updates = this.deliverable(limit);
          if (updates.length === 0) return;
          finish();
          resolve(updates);
        },
        conflict: () => {
          finish();
          reject(new ApiFailure(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"));
        },
      };
      const timer = setTimeout(() => {
        finish();
        resolve([]);
      }, timeout * 1000);
      if (signal?.aborted) return abort();
      signal?.addEventListener("abort", abort);
      this.waiting = poll;
    });
  }

  /** Forgets updates below `offset` (they are confirmed), or keeps the last `-offset` ones. */
  private confirm(offset: number): void {
    if (offset < 0) {
      this.queue = this.queue.slice(offset);
      return;
    }
    this.queue = this.queue.filter((u) => u.update_id >= offset);
    this.confirmedOffset = Math.max(this.confirmedOffset, offset);
  }

  /** The first `limit` queued updates, after dropping kinds the bot did not ask for. */
  private deliverable(limit: number): Update[] {
    this.queue = this.queue.filter((update) => {
      const kind = Object.keys(update).find((k) => k !== "update_id") ?? "";
      if (this.allowedUpdates.has(kind)) return true;
      this.options.onUpdateDropped?.(
        update,
        `Telegram did not deliver update ${update.update_id}: "${kind}" updates are not in the allowed_updates of the bot's getUpdates calls` +
          ` (pass allowed_updates to bot.start() to receive them).`,
      );
      return false;
    });
    return this.queue.slice(0, limit);
  }

  private setWebhook(p: Payload): true {
    if (typeof p.url !== "string") throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
    if (p.url !== "" && !p.url.startsWith("https://")) throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
    this.waiting?.conflict();
    this.webhookUrl = p.url;
    if (p.drop_pending_updates === true) this.dropPending("setWebhook");
    return true;
  }

  private deleteWebhook(p: Payload): true {
    this.webhookUrl = "";
    if (p.drop_pending_updates === true) this.dropPending("deleteWebhook");
    return true;
  }

  private dropPending(method: string): void {
    for (const update of this.queue) {
      this.options.onUpdateDropped?.(update, `Update ${update.update_id} was dropped by ${method}({ drop_pending_updates: true }).`);
    }
    this.queue = [];
  }

  // ── Chats and messages ─────────────────────────────────────────────────────────────────────

  private learnChat(chat: Chat): ChatState {
    const known = this.chats.get(chat.id);
    if (known) {
      known.chat = chat;
      return known;
    }
    const state: ChatState = { chat, lastMessageId: 0, messages: new Map() };
    this.chats.set(chat.id, state);
    return state;
  }

  private learnMessage(message: Payload, replace: boolean): void {
    const state = this.learnChat(message.chat as Chat);
    const id = message.message_id as number;
    state.lastMessageId = Math.max(state.lastMessageId, id);
    const fromBot = (message.from as User | undefined)?.id === this.botInfo.id;
    // Our own record of a bot message is the truth; an update only replaces it when it is an edit.
    if (replace || !state.messages.has(id)) state.messages.set(id, { message, fromBot });
  }

  /** The chat a call addresses, by id, numeric string or `@username`. */
  private chatOf(p: Payload): ChatState {
    const raw = p.chat_id;
    if (raw === undefined || raw === "") throw badRequest("chat_id is empty");
    const id = integerOf(raw);
    const state =
      id !== undefined
        ? this.chats.get(id)
        : typeof raw === "string" && raw.startsWith("@")
          ? [...this.chats.values()].find((s) => s.chat.username?.toLowerCase() === raw.slice(1).toLowerCase())
          : undefined;
    if (!state) throw badRequest("chat not found");
    return state;
  }

  private storedMessage(state: ChatState, p: Payload, notFound: string): StoredMessage {
    const id = integerOf(p.message_id);
    if (id === undefined) throw badRequest("message identifier is not specified");
    const stored = state.messages.get(id);
    if (!stored) throw badRequest(notFound);
    return stored;
  }

  private botAsUser(): User {
    const { id, is_bot, first_name, username } = this.botInfo;
    return { id, is_bot, first_name, username };
  }

  /** A new bot message in `state`'s chat, with the next message id, stored for later edits. */
  private newMessage(state: ChatState, p: Payload, content: Payload): Message {
    const replyTo = this.replyTarget(state, p);
    const markup = inlineMarkupOf(p.reply_markup);
    const message: Payload = { message_id: state.lastMessageId + 1 };
    if (state.chat.type === "channel") message.sender_chat = state.chat;
    else message.from = this.botAsUser();
    message.chat = state.chat;
    message.date = Math.floor(this.now() / 1000);
    if (replyTo) message.reply_to_message = replyTo;
    Object.assign(message, content);
    if (markup) message.reply_markup = markup;
    state.lastMessageId += 1;
    state.messages.set(state.lastMessageId, { message, fromBot: true });
    return message as unknown as Message;
  }

  private replyTarget(state: ChatState, p: Payload): Payload | undefined {
    const params = (typeof p.reply_parameters === "object" ? p.reply_parameters : {}) as Payload;
    const id = integerOf(params.message_id ?? p.reply_to_message_id);
    if (id === undefined) return undefined;
    const target = state.messages.get(id);
    if (target) return withoutReply(target.message);
    if (params.allow_sending_without_reply === true || p.allow_sending_without_reply === true) return undefined;
    throw badRequest("message to be replied not found");
  }

  /** Text (or caption) and its entities: given entities, parsed `parse_mode`, or detected ones. */
  private formatted(p: Payload, field: "text" | "caption"): { text: string; entities?: MessageEntity[] } {
    const text = String(p[field] ?? "");
    const entitiesField = field === "text" ? "entities" : "caption_entities";
    const given = p[entitiesField];
    let entities: MessageEntity[];
    let plain = text;
    if (Array.isArray(given)) {
      entities = given as MessageEntity[];
    } else if (typeof p.parse_mode === "string" && p.parse_mode !== "") {
      const parsed = parseFormattedText(text, p.parse_mode);
      if (!parsed.ok) throw new ApiFailure(400, parsed.description);
      plain = parsed.text;
      entities = parsed.entities;
      const detected = detectEntities(plain).filter((d) => !entities.some((e) => d.offset < e.offset + e.length && e.offset < d.offset + d.length));
      if (detected.length > 0) entities = [...entities, ...detected].sort((a, b) => a.offset - b.offset || b.length - a.length);
    } else {
      entities = detectEntities(text);
    }
    return entities.length > 0 ? { text: plain, entities } : { text: plain };
  }

  private messageText(p: Payload): { text: string; entities?: MessageEntity[] } {
    if (p.text === undefined || p.text === "") throw badRequest("message text is empty");
    const result = this.formatted(p, "text");
    if (result.text.trim() === "") throw badRequest("message text is empty");
    if (result.text.length > 4096) throw badRequest("message is too long");
    return result;
  }

  private caption(p: Payload): Payload {
    if (p.caption === undefined || p.caption === "") return {};
    const { text, entities } = this.formatted(p, "caption");
    if (text.length > 1024) throw badRequest("message caption is too long");
    return entities ? { caption: text, caption_entities: entities } : { caption: text };
  }

  private sendMessage(p: Payload): Message {
    const state = this.chatOf(p);
    return this.newMessage(state, p, this.messageText(p));
  }

  /**
   * A file the bot sends: a file id it got before, an HTTP URL (Telegram would download it), or an
   * upload (`attach://`). Anything else is an id Telegram does not know for this bot.
   */
  private fileFrom(value: unknown, kind: string, make: (fileId: string, uniqueId: string) => Payload): Payload {
    if (value === undefined || value === "") throw badRequest(`there is no ${kind} in the request`);
    if (typeof value === "string" && this.files.has(value)) return this.files.get(value)!;
    if (typeof value !== "string" || !/^(https?|attach):\/\//.test(value)) {
      throw badRequest("wrong file identifier/HTTP URL specified");
    }
    const n = ++this.fileIds;
    const file = make(`Sim${kind}${n}`, `Sim${kind}Unique${n}`);
    const ids = Array.isArray(file) ? (file as Payload[]).map((f) => String(f.file_id)) : [String(file.file_id)];
    for (const id of ids) this.files.set(id, file);
    return file;
  }

  private sendPhoto(p: Payload): Message {
    const state = this.chatOf(p);
    const sizes = this.fileFrom(p.photo, "photo", (fileId, uniqueId) =>
      [
        [90, 68],
        [320, 240],
        [800, 600],
      ].map(([width, height], i) => ({
        file_id: `${fileId}_${i}`,
        file_unique_id: `${uniqueId}_${i}`,
        file_size: Math.round(width * height * 0.12),
        width,
        height,
      })) as unknown as Payload,
    );
    return this.newMessage(state, p, { photo: sizes, ...this.caption(p) });
  }

  private sendDocument(p: Payload): Message {
    const state = this.chatOf(p);
    const document = this.fileFrom(p.document, "document", (file_id, file_unique_id) => {
      const name = typeof p.document === "string" ? (p.document.split(/[/?#]/).filter(Boolean).pop() ?? "file") : "file";
      return { file_name: name.replace(/^attach:/, ""), mime_type: "application/octet-stream", file_id, file_unique_id, file_size: 2048 };
    });
    return this.newMessage(state, p, { document, ...this.caption(p) });
  }

  private sendSticker(p: Payload): Message {
    const state = this.chatOf(p);
    const sticker = this.fileFrom(p.sticker, "sticker", (file_id, file_unique_id) => ({
      width: 512,
      height: 512,
      emoji: typeof p.emoji === "string" ? p.emoji : "🙂",
      is_animated: false,
      is_video: false,
      type: "regular",
      file_id,
      file_unique_id,
      file_size: 24_576,
    }));
    return this.newMessage(state, p, { sticker });
  }

  private sendDice(p: Payload): Message {
    const state = this.chatOf(p);
    const emoji = typeof p.emoji === "string" && p.emoji in DICE_FACES ? p.emoji : "🎲";
    const value = 1 + Math.floor(this.random() * DICE_FACES[emoji]);
    return this.newMessage(state, p, { dice: { emoji, value } });
  }

  private sendPoll(p: Payload): Message {
    const state = this.chatOf(p);
    if (typeof p.question !== "string" || p.question.trim() === "") throw badRequest("poll question must be non-empty");
    const options = Array.isArray(p.options) ? p.options.map((o) => (typeof o === "string" ? o : String((o as Payload)?.text ?? ""))) : [];
    if (options.length < 2) throw badRequest("poll must have at least 2 option");
    if (options.length > 12) throw badRequest("poll can't have more than 12 options");
    if (options.some((o) => o.trim() === "")) throw badRequest("poll options must be non-empty");
    const poll = {
      id: String(5_000_000_000_000_000_000n + BigInt(++this.pollIds)),
      question: p.question,
      options: options.map((text, i) => ({ persistent_id: String(i), text, voter_count: 0 })),
      total_voter_count: 0,
      is_closed: false,
      is_anonymous: p.is_anonymous !== false,
      type: p.type === "quiz" ? "quiz" : "regular",
      allows_multiple_answers: p.allows_multiple_answers === true,
      allows_revoting: p.type !== "quiz",
      members_only: false,
    };
    return this.newMessage(state, p, { poll });
  }

  private sendChatAction(p: Payload): true {
    this.chatOf(p);
    if (typeof p.action !== "string" || !CHAT_ACTIONS.has(p.action)) throw badRequest("wrong parameter action in request");
    return true;
  }

  private editable(p: Payload): StoredMessage {
    const state = this.chatOf(p);
    const stored = this.storedMessage(state, p, "message to edit not found");
    if (!stored.fromBot) throw badRequest("message can't be edited");
    return stored;
  }

  /** Replaces a stored message's content; Telegram refuses an edit that changes nothing. */
  private edit(stored: StoredMessage, content: Payload, markup: Payload | undefined): Message {
    const current = stored.message;
    const unchanged = Object.entries(content).every(([k, v]) => sameJson(current[k], v)) && sameJson(current.reply_markup, markup);
    if (unchanged) throw badRequest(NOT_MODIFIED);
    const next: Payload = { ...current, ...content, edit_date: Math.floor(this.now() / 1000) };
    for (const [k, v] of Object.entries(content)) if (v === undefined) delete next[k];
    // An edit without reply_markup removes the inline keyboard, as on Telegram.
    if (markup) next.reply_markup = markup;
    else delete next.reply_markup;
    stored.message = next;
    return next as unknown as Message;
  }

  private editMessageText(p: Payload): Message | true {
    const text = this.messageText(p);
    const markup = inlineMarkupOf(p.reply_markup);
    if (p.inline_message_id !== undefined) return true; // inline messages live in other chats
    const stored = this.editable(p);
    if (typeof stored.message.text !== "string") throw badRequest("there is no text in the message to edit");
    return this.edit(stored, { text: text.text, entities: text.entities }, markup);
  }

  private editMessageCaption(p: Payload): Message | true {
    const markup = inlineMarkupOf(p.reply_markup);
    if (p.inline_message_id !== undefined) return true;
    const stored = this.editable(p);
    if (typeof stored.message.text === "string") throw badRequest("there is no caption in the message to edit");
    const caption = this.caption(p);
    return this.edit(stored, { caption: caption.caption, caption_entities: caption.caption_entities }, markup);
  }

  private editMessageReplyMarkup(p: Payload): Message | true {
    const markup = inlineMarkupOf(p.reply_markup);
    if (p.inline_message_id !== undefined) return true;
    return this.edit(this.editable(p), {}, markup);
  }

  private deleteMessage(p: Payload): true {
    const state = this.chatOf(p);
    const stored = this.storedMessage(state, p, "message to delete not found");
    // Bots may delete incoming messages only in private chats unless they are admins (this one is not).
    if (!stored.fromBot && state.chat.type !== "private") throw badRequest("message can't be deleted for everyone");
    state.messages.delete(integerOf(p.message_id)!);
    return true;
  }

  private deleteMessages(p: Payload): true {
    const state = this.chatOf(p);
    if (!Array.isArray(p.message_ids) || p.message_ids.length === 0) throw badRequest("message identifiers are not specified");
    for (const raw of p.message_ids) {
      const id = integerOf(raw);
      const stored = id === undefined ? undefined : state.messages.get(id);
      if (stored && (stored.fromBot || state.chat.type === "private")) state.messages.delete(id!);
    }
    return true;
  }

  private setMessageReaction(p: Payload): true {
    const state = this.chatOf(p);
    this.storedMessage(state, p, "message to react not found");
    return true;
  }

  private answerQuery(open: Set<string>, id: unknown): true {
    if (typeof id !== "string" || !open.delete(id)) throw badRequest(QUERY_TOO_OLD);
    return true;
  }

  private answerInlineQuery(p: Payload): true {
    if (!Array.isArray(p.results)) throw badRequest("can't parse inline query results JSON object");
    return this.answerQuery(this.openInlineQueries, p.inline_query_id);
  }

  private setMyCommands(p: Payload): true {
    if (!Array.isArray(p.commands)) throw badRequest("can't parse commands JSON object");
    if (p.commands.length > 100) throw badRequest("too many commands specified");
    for (const c of p.commands as Payload[]) {
      if (typeof c?.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command)) throw badRequest("BOT_COMMAND_INVALID");
      if (typeof c.description !== "string" || c.description.length < 1 || c.description.length > 256) {
        throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
      }
    }
    this.commands.set(commandScopeKey(p), (p.commands as Payload[]).map((c) => ({ command: String(c.command), description: String(c.description) })));
    return true;
  }

  private getChat(p: Payload): Payload {
    const { chat } = this.chatOf(p);
    return {
      ...chat,
      accent_color_id: Math.abs(chat.id) % 7,
      max_reaction_count: 11,
      accepted_gift_types: {
        unlimited_gifts: false,
        limited_gifts: false,
        unique_gifts: false,
        premium_subscription: false,
        gifts_from_channels: false,
      },
    };
  }
}

/** Commands are stored per scope and language, as `setMyCommands` documents. */
function commandScopeKey(p: Payload): string {
  return JSON.stringify([p.scope ?? { type: "default" }, p.language_code ?? ""]);
}

/**
 * The markup a sent message keeps: Telegram's `Message.reply_markup` only ever holds an inline
 * keyboard (reply keyboards belong to the client, not the message), after the checks Telegram makes.
 */
function inlineMarkupOf(markup: unknown): Payload | undefined {
  if (markup === undefined) return undefined;
  if (typeof markup !== "object" || markup === null) throw badRequest("can't parse reply keyboard markup JSON object");
  const rows = (markup as Payload).inline_keyboard;
  if (rows === undefined) return undefined;
  if (!Array.isArray(rows) || rows.some((row) => !Array.isArray(row))) {
    throw badRequest("can't parse reply keyboard markup JSON object");
  }
  for (const button of rows.flat() as Payload[]) {
    if (typeof button !== "object" || button === null) throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
    if (typeof button.text !== "string" || button.text === "") throw badRequest("can't parse inline keyboard button: Text must be non-empty");
    if (!INLINE_BUTTON_ACTIONS.some((action) => button[action] !== undefined)) {
      throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
    }
    // Telegram's answer to any url it would not open (blob:, data:, javascript:…).
    if (button.url !== undefined && !isButtonUrlAllowed(button.url)) throw badRequest("BUTTON_URL_INVALID");
    if (button.callback_data !== undefined) {
      const bytes = utf8Length(String(button.callback_data));
      if (bytes < 1 || bytes > 64) throw badRequest("BUTTON_DATA_INVALID");
    }
  }
  return { inline_keyboard: rows };
}

function isChat(value: unknown): value is Chat {
  return typeof value === "object" && value !== null && typeof (value as Payload).id === "number" && typeof (value as Payload).type === "string";
}

function isMessage(value: unknown): boolean {
  return typeof value === "object" && value !== null && typeof (value as Payload).message_id === "number" && isChat((value as Payload).chat);
}
