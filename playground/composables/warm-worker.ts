import type { SandboxWorker } from "../run/runner";

/**
 * Keeps one sandbox worker loaded in advance, so a rerun does not wait for a new worker to fetch and
 * evaluate grammY. Every run still gets a fresh worker that has never run anything: the spare is only
 * started early, and a new spare is made (after a pause, so it does not compete with the run that just
 * started) each time one is taken. No spare exists before the first run, so readers who never run pay nothing.
 */
export function createWarmWorkers(create: () => SandboxWorker, delayMs = 400) {
  let spare: SandboxWorker | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  return {
    /** A fresh worker: the spare if there is one, else a new one. */
    take(): SandboxWorker {
      const worker = spare ?? create();
      spare = undefined;
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (!disposed) spare ??= create();
      }, delayMs);
      return worker;
    },
    /** Terminates the spare and makes no more. */
    dispose(): void {
      disposed = true;
      clearTimeout(timer);
      spare?.terminate();
      spare = undefined;
    },
  };
}
