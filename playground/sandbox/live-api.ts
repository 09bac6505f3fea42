/**
 * Live mode's view of the Bot API calls: the real Telegram (or a local Bot API server) answers them, and
 * this grammY transformer only reports each one to the page in the same `api-call` shape the simulator
 * uses, so the chat panel shows what the bot sent and the run's counts stay true. A call that got no
 * answer at all (no network, a wrong API root, a server that refuses the browser) is reported as
 * `api-unreachable` instead, since there is no Telegram answer to show.
 */
import type { Transformer } from "grammy";
import type { ApiResponse } from "grammy/types";
import type { SandboxEvent } from "../protocol";
import { toWirePayload } from "./bot-api/wire-payload";

type ApiCallEvent = Extract<SandboxEvent, { type: "api-call" }>;
type UnreachableEvent = Extract<SandboxEvent, { type: "api-unreachable" }>;

/** Where a {@link liveReporter} sends its reports. */
export interface LiveReporterOptions {
  onCall(event: ApiCallEvent): void;
  onUnreachable(event: UnreachableEvent): void;
  /** The update being handled, to tag each call with. */
  currentUpdateId(): number | undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A transformer that passes every call on unchanged and reports what came back. */
export function liveReporter(options: LiveReporterOptions): Transformer {
  let callIds = 0;
  const transformer = async (prev: Parameters<Transformer>[0], method: string, payload: unknown, signal?: AbortSignal) => {
    const callId = ++callIds;
    const updateId = options.currentUpdateId();
    const started = performance.now();
    let response: ApiResponse<unknown>;
    try {
      response = (await prev(method as never, payload as never, signal as never)) as ApiResponse<unknown>;
    } catch (error) {
      // A long poll that grammY itself cancelled (bot.stop()) is no failure worth telling.
      if (!signal?.aborted) {
        const event: UnreachableEvent = { type: "api-unreachable", method, message: messageOf(error) };
        if (updateId !== undefined) event.updateId = updateId;
        options.onUnreachable(event);
      }
      throw error;
    }
    const event: ApiCallEvent = { type: "api-call", callId, method, payload: toWirePayload(payload), durationMs: performance.now() - started };
    if (response.ok) event.result = response.result;
    else {
      event.error = { error_code: response.error_code, description: response.description };
      const retryAfter = response.parameters?.retry_after;
      if (typeof retryAfter === "number") event.error.retry_after = retryAfter;
    }
    if (updateId !== undefined) event.updateId = updateId;
    options.onCall(event);
    return response;
  };
  return transformer as Transformer;
}
