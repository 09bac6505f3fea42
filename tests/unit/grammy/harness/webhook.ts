import { type Bot, type Context, webhookCallback } from "grammy";
import type { Update } from "grammy/types";

/** Options for {@link webhookServer}, passed on to grammY's `webhookCallback`. */
export interface WebhookServerOptions {
  /** How long grammY lets an update run before it answers the request anyway (grammY's default: 10 000 ms). */
  timeoutMilliseconds?: number;
  /** What grammY does on timeout: `"throw"` (its default) fails the request, `"return"` answers 200 OK. */
  onTimeout?: "throw" | "return";
}

/** A web server in front of a bot's `webhookCallback`, as Telegram's webhook requests reach it. */
export interface WebhookServer {
  /**
   * POSTs `update` the way Telegram does and resolves with the HTTP status the server answered. A status other
   * than 2xx is what makes Telegram send the same update again.
   */
  post(update: Update): Promise<number>;
}

/**
 * Serves `bot` with grammY's `webhookCallback` and its "std/http" adapter (Fetch API `Request` in, `Response`
 * out). A handler that throws becomes a 500 response, which is what Deno.serve, Bun.serve and the usual Node
 * frameworks answer when the request handler rejects.
 */
export function webhookServer<C extends Context>(bot: Bot<C>, options: WebhookServerOptions = {}): WebhookServer {
  const handle = webhookCallback(bot, "std/http", { onTimeout: options.onTimeout, timeoutMilliseconds: options.timeoutMilliseconds });
  return {
    async post(update) {
      const request = new Request("https://bot.example/webhook", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(update),
      });
      try {
        const response = await handle(request);
        return response.status;
      } catch {
        return 500;
      }
    },
  };
}
