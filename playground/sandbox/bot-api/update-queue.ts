/**
 * Telegram's side of long polling: the queue `getUpdates` serves, with its offsets, `allowed_updates`,
 * `timeout`, the 409 a newer poll gives an older one, and the webhook switch `bot.start()` clears.
 * Updates it throws away are reported with the reason, because a reader would otherwise wonder
 * where their message went.
 */
import type { Update } from "grammy/types";
import { DEFAULT_UPDATE_KINDS } from "virtual:bot-api-schema";
import { ApiFailure, badRequest, integerOf, type Payload } from "./api-failure";

/** The part of an AbortSignal the long poll uses (grammY's types name a polyfill's signal). */
export interface CancelSignal {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

interface WaitingPoll {
  /** Answers the waiting call with whatever is deliverable now. */
  wake(): void;
  /** Answers it with Telegram's 409, because a newer getUpdates call replaced it. */
  conflict(): void;
}

/** The updates waiting for a bot, and the one `getUpdates` call that may be waiting for them. */
export class UpdateQueue {
  private queue: Update[] = [];
  private confirmedOffset = 0;
  private allowedUpdates = new Set<string>(DEFAULT_UPDATE_KINDS);
  private waiting: WaitingPoll | undefined;
  private webhookUrl = "";

  constructor(private readonly onDropped?: (update: Update, reason: string) => void) {}

  /** How many updates wait (delivered but unconfirmed ones included, as on Telegram). */
  get size(): number {
    return this.queue.length;
  }

  /** Whether a `getUpdates` call is waiting right now. */
  get isPolling(): boolean {
    return this.waiting !== undefined;
  }

  /** Queues an update, waking a waiting poll; one below the confirmed offset is dropped, as Telegram would. */
  enqueue(update: Update): void {
    if (update.update_id < this.confirmedOffset) {
      this.onDropped?.(
        update,
        `Update ${update.update_id} was dropped: the bot already confirmed every update below ${this.confirmedOffset}, ` +
          "and Telegram's update ids only increase.",
      );
      return;
    }
    this.queue.push(update);
    this.waiting?.wake();
  }

  /** What `getWebhookInfo` answers. */
  webhookInfo(): Payload {
    return { url: this.webhookUrl, has_custom_certificate: false, pending_update_count: this.queue.length };
  }

  /** Answers `getUpdates`: at once when updates wait or `timeout` is 0, else when one arrives or the timeout passes. */
  getUpdates(p: Payload, signal?: CancelSignal): Update[] | Promise<Update[]> {
    if (this.webhookUrl !== "") {
      throw new ApiFailure(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    const offset = integerOf(p.offset);
    const limit = Math.min(100, Math.max(1, integerOf(p.limit) ?? 100));
    const timeout = Math.max(0, integerOf(p.timeout) ?? 0);
    if (Array.isArray(p.allowed_updates)) {
      this.allowedUpdates = new Set(p.allowed_updates.length > 0 ? p.allowed_updates.map(String) : DEFAULT_UPDATE_KINDS);
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
      this.onDropped?.(
        update,
        `Telegram did not deliver update ${update.update_id}: "${kind}" updates are not in the allowed_updates of the bot's getUpdates calls` +
          ` (pass allowed_updates to bot.start() to receive them).`,
      );
      return false;
    });
    return this.queue.slice(0, limit);
  }

  /** Sets (or, with an empty url, removes) a webhook; while one is set, `getUpdates` fails with 409. */
  setWebhook(p: Payload): true {
    if (typeof p.url !== "string") throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
    if (p.url !== "" && !p.url.startsWith("https://")) throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
    this.waiting?.conflict();
    this.webhookUrl = p.url;
    if (p.drop_pending_updates === true) this.dropPending("setWebhook");
    return true;
  }

  /** Removes the webhook, as `bot.start()` does first. */
  deleteWebhook(p: Payload): true {
    this.webhookUrl = "";
    if (p.drop_pending_updates === true) this.dropPending("deleteWebhook");
    return true;
  }

  private dropPending(method: string): void {
    for (const update of this.queue) {
      this.onDropped?.(update, `Update ${update.update_id} was dropped by ${method}({ drop_pending_updates: true }).`);
    }
    this.queue = [];
  }
}
