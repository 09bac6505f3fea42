/**
 * Runs one schedule of the lost-update demo in its own module worker, from the main thread, and
 * hands back what real grammY did there on real IndexedDB. Framework-free and light: grammY, the
 * adapter and the runner's `sequentialize` load inside the worker only. Safe to import during SSR:
 * nothing touches `Worker` until {@link runConcurrencyInWorker} is called.
 */
import type { ConcurrencyRequest, ConcurrencyResponse } from "../protocol";
import type { ConcurrencyResult } from "./concurrency";
import { DeadlineError } from "./deadline";

/** The part of a `Worker` the client uses; tests inject fakes. */
export interface ConcurrencyWorker {
  postMessage(message: ConcurrencyRequest): void;
  terminate(): void;
  onmessage: ((event: { data: ConcurrencyResponse }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?(): void }) => void) | null;
}

/** Tuning and test seams for {@link runConcurrencyInWorker}. */
export interface ConcurrencyRunOptions {
  /** How long the run may take, worker start-up included, before it fails with a {@link DeadlineError}. Default 20,000 ms. */
  timeoutMs?: number;
  /** Stops the run (the worker is terminated and the promise rejects with the signal's reason). */
  signal?: AbortSignal;
  /** Default: the real module worker. */
  createWorker?: () => ConcurrencyWorker;
}

/** The real worker; Vite bundles it because of this exact `new Worker(new URL(…))` shape. */
export function createConcurrencyWorker(): ConcurrencyWorker {
  return new Worker(new URL("./concurrency.worker.ts", import.meta.url), { type: "module" }) as unknown as ConcurrencyWorker;
}

/**
 * Runs `request` in a fresh worker and resolves with its result. The worker is terminated when the
 * run ends for any reason, so every run starts from nothing (no grammY state, no open connection).
 */
export function runConcurrencyInWorker(request: ConcurrencyRequest, options: ConcurrencyRunOptions = {}): Promise<ConcurrencyResult> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const { signal } = options;
  return new Promise<ConcurrencyResult>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    let worker: ConcurrencyWorker;
    try {
      worker = (options.createWorker ?? createConcurrencyWorker)();
    } catch (error) {
      reject(new Error(`The worker could not be created: ${String(error)}`));
      return;
    }
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      settle();
    };
    const onAbort = () => finish(() => reject(signal?.reason));
    const timer = setTimeout(() => finish(() => reject(new DeadlineError("worker-run", timeoutMs))), timeoutMs);
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.onmessage = ({ data }) =>
      finish(() => (data.type === "result" ? resolve(data.result) : reject(new Error(data.message))));
    worker.onerror = (event) => {
      // Keep the browser from also reporting it as an uncaught error: the caller reports it.
      event.preventDefault?.();
      finish(() => reject(new Error(event.message || "The worker failed to load or crashed.")));
    };
    worker.postMessage(request);
  });
}
