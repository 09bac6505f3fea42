import { afterEach, describe, expect, it, vi } from "vitest";
import type { ConcurrencyResult } from "./concurrency";
import { DeadlineError } from "./deadline";
import type { ConcurrencyRequest, ConcurrencyResponse } from "../protocol";
import { runConcurrencyInWorker, type ConcurrencyWorker } from "./concurrency-client";

const request: ConcurrencyRequest = { updates: [], schedule: "concurrent", key: "user", database: "db", store: "s" };
const result: ConcurrencyResult = { schedule: "concurrent", sessions: { "1": { pizzaCount: 1 } }, log: [], overlappingReads: [], errors: [] };

/** A worker that records what it was sent and answers when the test says so. */
class FakeWorker implements ConcurrencyWorker {
  sent: ConcurrencyRequest[] = [];
  terminated = 0;
  onmessage: ((event: { data: ConcurrencyResponse }) => void) | null = null;
  onerror: ((event: { message?: string; preventDefault?(): void }) => void) | null = null;
  postMessage(message: ConcurrencyRequest) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated++;
  }
  answer(data: ConcurrencyResponse) {
    this.onmessage?.({ data });
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe("runConcurrencyInWorker", () => {
  it("sends the request to a fresh worker, resolves with its result and terminates it", async () => {
    const worker = new FakeWorker();
    const running = runConcurrencyInWorker(request, { createWorker: () => worker });
    expect(worker.sent).toEqual([request]);
    worker.answer({ type: "result", result });
    await expect(running).resolves.toEqual(result);
    expect(worker.terminated).toBe(1);
  });

  it("rejects with the worker's error message", async () => {
    const worker = new FakeWorker();
    const running = runConcurrencyInWorker(request, { createWorker: () => worker });
    worker.answer({ type: "error", message: "IndexedDBUnavailableError: denied" });
    await expect(running).rejects.toThrow("IndexedDBUnavailableError: denied");
    expect(worker.terminated).toBe(1);
  });

  it("rejects when the worker crashes, and keeps the browser from reporting it twice", async () => {
    const worker = new FakeWorker();
    const running = runConcurrencyInWorker(request, { createWorker: () => worker });
    const preventDefault = vi.fn();
    worker.onerror?.({ message: "SyntaxError: boom", preventDefault });
    await expect(running).rejects.toThrow("SyntaxError: boom");
    expect(preventDefault).toHaveBeenCalledOnce();
    expect(worker.terminated).toBe(1);
  });

  it("gives up after the timeout and ignores a late answer", async () => {
    vi.useFakeTimers();
    const worker = new FakeWorker();
    const running = runConcurrencyInWorker(request, { createWorker: () => worker, timeoutMs: 5000 });
    const outcome = running.catch((error: unknown) => error);
    vi.advanceTimersByTime(4999);
    expect(worker.terminated).toBe(0);
    vi.advanceTimersByTime(1);
    expect(await outcome).toEqual(new DeadlineError("worker-run", 5000));
    expect(worker.terminated).toBe(1);
    expect(worker.onmessage).toBeNull();
  });

  it("stops the worker when the caller aborts, and does not start one when already aborted", async () => {
    const worker = new FakeWorker();
    const controller = new AbortController();
    const running = runConcurrencyInWorker(request, { createWorker: () => worker, signal: controller.signal });
    controller.abort(new Error("unmounted"));
    await expect(running).rejects.toThrow("unmounted");
    expect(worker.terminated).toBe(1);

    const create = vi.fn(() => new FakeWorker());
    await expect(runConcurrencyInWorker(request, { createWorker: create, signal: controller.signal })).rejects.toThrow("unmounted");
    expect(create).not.toHaveBeenCalled();
  });

  it("rejects when no worker can be created", async () => {
    const failing = () => {
      throw new Error("Workers are blocked");
    };
    await expect(runConcurrencyInWorker(request, { createWorker: failing })).rejects.toThrow("The worker could not be created: Error: Workers are blocked");
  });
});
