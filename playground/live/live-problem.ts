/**
 * What went wrong with live mode, as data the page explains in its language (see `LiveStrings.problems`).
 * Telegram's answers that concern the bot as a whole are problems here (a wrong token, another poller, a
 * webhook, a flood wait, no answer at all); a refused `sendMessage` to one chat is the program's business
 * and stays in the console.
 */
import type { SandboxEvent } from "../protocol";
import type { ApiRootProblem } from "./api-root";

/** One live-mode problem. */
export type LiveProblem =
  /** Run was pressed in live mode with no token. */
  | { kind: "no-token" }
  /** The API root field holds no usable root. */
  | { kind: "bad-root"; problem: ApiRootProblem }
  /** 401: the token is wrong or was revoked. */
  | { kind: "unauthorized" }
  /** 404 on getMe or getUpdates: the token is malformed, or the root is no Bot API server. */
  | { kind: "not-found" }
  /** 409: a webhook is set, so getUpdates is refused. */
  | { kind: "conflict-webhook" }
  /** 409: another program polls this bot (Telegram ended this poll). */
  | { kind: "conflict-poller" }
  /** 429: too many requests; grammY waits `retryAfter` seconds (when Telegram says) and tries again. */
  | { kind: "flood"; method: string; retryAfter?: number }
  /** A call got no answer: no network, a wrong root, or a server that does not let the page in. */
  | { kind: "unreachable"; method: string };

/** Methods whose failure means the bot as a whole cannot run. */
const BOT_WIDE = new Set(["getMe", "getUpdates", "deleteWebhook", "getWebhookInfo"]);

/**
 * What `event` says about live mode: a new problem, `"clear"` when a call succeeded that ends a passing one
 * (a flood wait is over, the server answers again), or `undefined` when it says nothing.
 */
export function liveProblemOf(event: SandboxEvent): LiveProblem | "clear" | undefined {
  if (event.type === "api-unreachable") return { kind: "unreachable", method: event.method };
  if (event.type !== "api-call") return undefined;
  const error = event.error;
  if (!error) return BOT_WIDE.has(event.method) ? "clear" : undefined;
  switch (error.error_code) {
    case 401:
      return { kind: "unauthorized" };
    case 404:
      return BOT_WIDE.has(event.method) ? { kind: "not-found" } : undefined;
    case 409:
      return /webhook/i.test(error.description) ? { kind: "conflict-webhook" } : { kind: "conflict-poller" };
    case 429:
      return error.retry_after === undefined ? { kind: "flood", method: event.method } : { kind: "flood", method: event.method, retryAfter: error.retry_after };
    default:
      return undefined;
  }
}

/** Problems that end the bot: they stay until the next Run, whatever follows. */
export function isLasting(problem: LiveProblem): boolean {
  return problem.kind !== "flood" && problem.kind !== "unreachable";
}
