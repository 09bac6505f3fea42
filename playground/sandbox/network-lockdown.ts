/**
 * Takes the network away from code running in the sandbox worker. Each network API is replaced by
 * a function that fails with a clear message, on the global object and on every prototype in its
 * chain that holds it (browsers put some on `WorkerGlobalScope.prototype`), as non-writable,
 * non-configurable properties, so user code can neither delete the replacement to uncover the
 * original nor reach the original through a prototype.
 *
 * This gives programs a clear message; it is not the wall. A dynamic `import("https://…")` or a
 * `FontFace` cannot be intercepted from JavaScript, so the sandbox worker also runs under a
 * Content-Security-Policy that refuses every request to another origin (see sandbox-host.ts).
 */

/** Globals that can reach the network, blocked whether or not this browser has them. */
export const BLOCKED_GLOBALS = [
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "WebSocketStream",
  "EventSource",
  "WebTransport",
  "importScripts",
  "Worker",
  "SharedWorker",
] as const;

/** The message user code sees, e.g. "The playground sandbox has no network: fetch(...) is not available". */
export function noNetworkMessage(call: string): string {
  return `The playground sandbox has no network: ${call} is not available`;
}

function blockedFunction(name: string): (...args: unknown[]) => unknown {
  const constructs = /^[A-Z]/.test(name);
  const message = noNetworkMessage(constructs ? `new ${name}(...)` : `${name}(...)`);
  if (name === "fetch") {
    // fetch reports failure by rejecting, never by throwing.
    return function fetch() {
      return Promise.reject(new TypeError(message));
    };
  }
  const blocked = function () {
    throw new TypeError(message);
  };
  Object.defineProperty(blocked, "name", { value: name });
  return blocked;
}

/** Redefines `name` on `target` and on every object of its prototype chain that has it, for good. */
export function replaceEverywhere(target: object, name: string, descriptor: PropertyDescriptor): void {
  const holders: object[] = [target];
  for (let proto = Object.getPrototypeOf(target); proto !== null; proto = Object.getPrototypeOf(proto)) {
    if (Object.prototype.hasOwnProperty.call(proto, name)) holders.push(proto);
  }
  for (const holder of holders) Object.defineProperty(holder, name, { ...descriptor, configurable: false, enumerable: false });
}

const fixed = (value: unknown): PropertyDescriptor => ({ value, writable: false });

/**
 * Blocks every network API reachable from `scope` (default: the global object): the
 * {@link BLOCKED_GLOBALS}, `navigator.sendBeacon`, and `caches` (whose `add()` fetches).
 * Call it before any user code runs.
 */
export function lockDownNetwork(scope: object = globalThis): void {
  for (const name of BLOCKED_GLOBALS) replaceEverywhere(scope, name, fixed(blockedFunction(name)));
  const navigator = (scope as { navigator?: object }).navigator;
  if (navigator && "sendBeacon" in navigator) {
    replaceEverywhere(navigator, "sendBeacon", fixed(blockedFunction("navigator.sendBeacon")));
  }
  if ("caches" in scope) {
    const message = noNetworkMessage("caches");
    replaceEverywhere(scope, "caches", {
      get() {
        throw new TypeError(message);
      },
    });
  }
}
