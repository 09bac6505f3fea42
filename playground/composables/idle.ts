/**
 * When optional work may run on the main thread. Loading Monaco and starting the compiler make a page
 * feel frozen if they run while the page is still painting or while a run is starting, so they wait for
 * the page's `load`, then for an idle moment, and step aside while something the reader is waiting for
 * (a run that is starting) holds the main thread. Framework-free and safe during VitePress's server render.
 */

/** Things the reader is waiting for now; idle work waits until none is left. */
const holds = new Set<Promise<unknown>>();
const released: (() => void)[] = [];

/**
 * Keeps idle work back until `work` settles (whatever its outcome). A run that is starting holds it, so
 * that nothing optional competes with the reader's first result.
 */
export function holdIdleWork(work: Promise<unknown>): void {
  holds.add(work);
  const release = () => {
    holds.delete(work);
    if (holds.size === 0) for (const resolve of released.splice(0)) resolve();
  };
  work.then(release, release);
}

function noHolds(): Promise<void> {
  return holds.size === 0 ? Promise.resolve() : new Promise((resolve) => released.push(resolve));
}

/** Resolves once the document has loaded (all of the page's own scripts, styles and images). */
export function pageLoaded(): Promise<void> {
  if (typeof document === "undefined" || document.readyState === "complete") return Promise.resolve();
  return new Promise((resolve) => window.addEventListener("load", () => resolve(), { once: true }));
}

/**
 * Resolves in an idle period of the main thread (or after `timeoutMs` at the latest, so a page that is
 * never idle still gets there), once nothing holds idle work back.
 */
export async function whenIdle(timeoutMs = 1_000): Promise<void> {
  await noHolds();
  await new Promise<void>((resolve) => {
    if (typeof requestIdleCallback === "function") requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 1);
  });
  // A hold may have begun while we waited: wait for it too, then for the next idle period.
  if (holds.size) return whenIdle(timeoutMs);
}

/**
 * Ends the current task so the browser can paint and handle input before the next step of a long job.
 * `scheduler.yield()` keeps the job's place at the front of the queue where the browser has it.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Between two steps of optional work (loading Monaco): ends the current task, then waits while something
 * the reader is waiting for holds idle work back, so that a run started meanwhile pauses the job.
 */
export async function nextIdleStep(): Promise<void> {
  await yieldToMain();
  await noHolds();
}

/**
 * Calls `callback` once, at the first sign that the reader is about to use `element`: the pointer over it,
 * focus in it, a touch or a key pressed in it. Returns a function that stops listening.
 */
export function onIntent(element: HTMLElement, callback: () => void): () => void {
  const events = ["pointerover", "focusin", "keydown", "touchstart"] as const;
  const fire = () => {
    stop();
    callback();
  };
  const stop = () => events.forEach((type) => element.removeEventListener(type, fire));
  events.forEach((type) => element.addEventListener(type, fire, { passive: true }));
  return stop;
}
