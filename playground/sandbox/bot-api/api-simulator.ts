/**
 * An offline Telegram: answers Bot API calls the way Telegram's servers would, and serves
 * `getUpdates` from a queue so `bot.start()` long-polls the simulated chat. It plugs into grammY as
 * an API transformer, so grammY turns its answers into results or `GrammyError`s exactly as it does
 * in production; no request ever reaches the network.
 *
 * It simulates in full what a sessions playground uses: polling, `sendMessage` (formatting, inline
 * keyboards, replies), editing a message's text or keyboard, and answering callback and inline
 * queries. Every other method of the Bot API (the list is read from grammY's types at build time)
 * gets a generic answer in Telegram's shapes: `send…` methods a plausible Message in the chat, `get…`
 * methods an empty list or Telegram's 400, the rest `true`. Unknown names get Telegram's 404.
 */
import type { Transformer } from "grammy";
import type { ApiResponse, Chat, Message, MessageEntity, Update, User, UserFromGetMe } from "grammy/types";
import { BOT_API_METHODS, type MethodShape } from "virtual:bot-api-schema";
import type { SandboxEvent } from "../../protocol";
import { ApiFailure, badRequest, integerOf, type Payload } from "./api-failure";
import { toWirePayload } from "./wire-payload";
import { inlineMarkupOf } from "./inline-keyboard";
import { parseFormattedText } from "./parse-mode";
import { UpdateQueue, type CancelSignal } from "./update-queue";
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

const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";
const QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid";
const DICE_FACES: Record<string, number> = { "🎲": 6, "🎯": 6, "🎳": 6, "🏀": 5, "⚽": 5, "🎰": 64 };
/** Parameters that say where and how a message is sent, not what it holds. */
const DELIVERY_PARAMS = /^(chat_id|business_connection_id|message_thread_id|direct_messages_topic_id|reply_parameters|reply_to_message_id|allow_sending_without_reply|reply_markup|parse_mode|caption|caption_entities|show_caption_above_media|disable_notification|protect_content|allow_paid_broadcast|message_effect_id|suggested_post_parameters)$/;

type StoredMessage = { message: Payload; fromBot: boolean };
interface ChatState {
  chat: Chat;
  /** Message ids are shared by both sides of a chat, so this follows the user's messages too. */
  lastMessageId: number;
  messages: Map<number, StoredMessage>;
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

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
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
  /** Where each failed call was made, keyed by its payload (grammY's GrammyError keeps the same object). */
  private readonly failedCallSites = new WeakMap<object, Error>();
  private readonly updates: UpdateQueue;
  private callIds = 0;
  private fileIds = 0;

  constructor(options: ApiSimulatorOptions = {}) {
    this.options = options;
    this.botInfo = options.botInfo ?? SIMULATED_BOT_INFO;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.updates = new UpdateQueue(options.onUpdateDropped);
    this.transformer = ((_prev, method, payload, signal) => this.call(method, payload, signal)) as Transformer;
  }

  /** How many updates wait in the queue (delivered but unconfirmed ones included, as on Telegram). */
  get queuedUpdates(): number {
    return this.updates.size;
  }

  /** Whether a `getUpdates` call is waiting for updates right now (a bot is long polling). */
  get isPolling(): boolean {
    return this.updates.isPolling;
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
    this.updates.enqueue(update);
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
        return this.updates.getUpdates(p, signal);
      case "setWebhook":
        return this.updates.setWebhook(p);
      case "deleteWebhook":
        return this.updates.deleteWebhook(p);
      case "getWebhookInfo":
        return this.updates.webhookInfo();
      case "sendMessage":
        return this.newMessage(this.chatOf(p), p, this.messageText(p));
      case "editMessageText":
        return this.editMessageText(p);
      case "editMessageReplyMarkup":
        return this.editMessageReplyMarkup(p);
      case "answerCallbackQuery":
        return this.answerQuery(this.openCallbackQueries, p.callback_query_id);
      case "answerInlineQuery":
        if (!Array.isArray(p.results)) throw badRequest("can't parse inline query results JSON object");
        return this.answerQuery(this.openInlineQueries, p.inline_query_id);
      case "getChat":
        return this.chatOf(p).chat;
      default:
        return this.answerGenerically(method, p);
    }
  }

  /**
   * Every other Bot API method, answered in the shape its declared return type has: a `send…` method
   * that returns a Message sends one into the chat; a `get…` method returns an empty list or, having
   * nothing to look up, Telegram's 400; the rest return `true`.
   */
  private answerGenerically(method: string, p: Payload): unknown {
    const shape: MethodShape | undefined = Object.hasOwn(BOT_API_METHODS, method) ? BOT_API_METHODS[method] : undefined;
    if (!shape) throw new ApiFailure(404, "Not Found: method not found");
    if (method.startsWith("send")) {
      if (shape.returns === "message") return this.newMessage(this.chatOf(p), p, { ...this.content(shape.content ?? [], p), ...this.caption(p) });
      if (method === "sendMediaGroup") return this.sendMediaGroup(p);
    }
    if (p.chat_id !== undefined) this.chatOf(p);
    if (method.startsWith("get")) {
      if (shape.returns === "array") return [];
      throw badRequest(`the simulated Telegram has no data to answer ${method} with`);
    }
    return true;
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

  /**
   * What a generic `send…` call puts in its Message: for each field its return type requires (`photo`,
   * `dice`, `location`…), a file Telegram would have stored when the bot sent one (an id, URL or
   * upload), a rolled die, or else the call's own parameters (a location's latitude and longitude).
   */
  private content(fields: readonly string[], p: Payload): Payload {
    // An animation is also its document, one file under both fields, as Telegram describes it.
    const file = fields.some((field) => typeof p[field] === "string") ? this.newFile() : undefined;
    const own = Object.fromEntries(Object.entries(p).filter(([key]) => !DELIVERY_PARAMS.test(key)));
    const content: Payload = {};
    for (const field of fields) {
      if (file) content[field] = asField(field, file);
      else if (field === "dice") content.dice = this.dice(p.emoji);
      else content[field] = own;
    }
    return content;
  }

  /** A file as Telegram describes one it stored. */
  private newFile(): Payload {
    const n = ++this.fileIds;
    return { file_id: `SimFile${n}`, file_unique_id: `SimUnique${n}`, file_size: 24_576 };
  }

  private dice(emoji: unknown): Payload {
    const face = typeof emoji === "string" && emoji in DICE_FACES ? emoji : "🎲";
    return { emoji: face, value: 1 + Math.floor(this.random() * DICE_FACES[face]) };
  }

  /** One message per item of `media`, as Telegram sends an album. */
  private sendMediaGroup(p: Payload): Message[] {
    const state = this.chatOf(p);
    if (!Array.isArray(p.media) || p.media.length < 2 || p.media.length > 10) throw badRequest("wrong number of media specified");
    const album = `SimAlbum${this.fileIds + 1}`;
    return (p.media as Payload[]).map((item) => {
      const kind = String(item?.type ?? "document");
      return this.newMessage(state, p, { media_group_id: album, [kind]: asField(kind, this.newFile()), ...this.caption(item ?? {}) });
    });
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

  private editMessageReplyMarkup(p: Payload): Message | true {
    const markup = inlineMarkupOf(p.reply_markup);
    if (p.inline_message_id !== undefined) return true;
    return this.edit(this.editable(p), {}, markup);
  }

  private answerQuery(open: Set<string>, id: unknown): true {
    if (typeof id !== "string" || !open.delete(id)) throw badRequest(QUERY_TOO_OLD);
    return true;
  }
}

/** A stored file under a Message field: photos come as a list of sizes. */
function asField(field: string, file: Payload): Payload | Payload[] {
  return field === "photo" ? [{ ...file, width: 800, height: 600 }] : file;
}

function isChat(value: unknown): value is Chat {
  return typeof value === "object" && value !== null && typeof (value as Payload).id === "number" && typeof (value as Payload).type === "string";
}

function isMessage(value: unknown): boolean {
  return typeof value === "object" && value !== null && typeof (value as Payload).message_id === "number" && isChat((value as Payload).chat);
}
