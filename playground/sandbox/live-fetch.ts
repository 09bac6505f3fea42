/**
 * The only network a live sandbox has: the worker's own `fetch`, taken before the lockdown replaced the
 * global, narrowed to requests under the Bot API root the reader chose. grammY gets it as `client.fetch`;
 * user code still sees the blocked globals. The Content-Security-Policy of the live host frame allows that
 * origin alone as well (sandbox-host.ts), so this is the second wall, not the only one.
 */
import { isUnderApiRoot, type ApiRoot } from "../live/api-root";

/** The message a refused request rejects with; it names the origin, never the URL (which may hold a token). */
export function refusedMessage(url: string, root: ApiRoot): string {
  let where = "that address";
  try {
    where = new URL(url).origin;
  } catch {
    // Not a URL at all: say so without repeating it.
  }
  return `Live mode lets the program reach only the Bot API at ${root.root}; a request to ${where} was refused`;
}

/** `fetch` that rejects (as fetch does, with a TypeError) every request outside `root`. */
export function allowlistedFetch(fetch: typeof globalThis.fetch, root: ApiRoot): typeof globalThis.fetch {
  return function liveFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!isUnderApiRoot(url, root)) return Promise.reject(new TypeError(refusedMessage(url, root)));
    return fetch(input, init);
  };
}
