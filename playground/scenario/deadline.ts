/**
 * Deadlines for the comparison views' waits: on a worker, a sandbox, the compiler or IndexedDB. A
 * browser can leave any of them unanswered for good (WebKit wedges a database, a worker never
 * answers), and a view that waits without an end shows "Running…" forever. Framework-free; the
 * views turn a {@link DeadlineError} into a sentence in the page's language.
 */

/** What was being waited for when the time ran out. */
export type WaitKind =
  /** The compiler: compiling the sides' programs. */
  | "compile"
  /** A sandbox worker: loading the program until it is ready for updates. */
  | "sandbox-start"
  /** A sandbox worker: handling one update. */
  | "update"
  /** The page's own IndexedDB connection: emptying or reading the views' databases. */
  | "database";

/** A wait ran out of time. `waitingFor` and `ms` say which and how long, for a localized message. */
export class DeadlineError extends Error {
  constructor(
    readonly waitingFor: WaitKind,
    readonly ms: number,
    /** The update being handled, for {@link WaitKind} "update". */
    readonly updateNumber?: number,
  ) {
    super(`Gave up waiting for ${waitingFor} after ${ms / 1000} s.`);
    // A literal: minifiers rename classes.
    this.name = "DeadlineError";
  }
}

/**
 * Settles like `promise`, or rejects with a {@link DeadlineError} after `ms`. `onLate` receives a value
 * that arrives after the deadline (to close a connection nobody will use), and `onTimeout` runs when
 * the time runs out (to stop what is still working).
 */
export function withDeadline<T>(
  promise: Promise<T>,
  ms: number,
  error: () => DeadlineError,
  hooks: { onLate?(value: T): void; onTimeout?(): void } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      hooks.onTimeout?.();
      reject(error());
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        if (late) hooks.onLate?.(value);
        else resolve(value);
      },
      (reason: unknown) => {
        clearTimeout(timer);
        if (!late) reject(reason);
      },
    );
  });
}

/** Seconds for a sentence: "10", "2.5". */
export function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}
