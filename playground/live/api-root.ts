/**
 * The Bot API root live mode talks to: Telegram's own, or a local Bot API server the reader runs. It is
 * parsed once, here, because three things depend on it being exactly right: grammY's `client.apiRoot`, the
 * sandbox's fetch allowlist and the `connect-src` of the sandbox's Content-Security-Policy.
 */

/** Telegram's Bot API, the root a token from @BotFather works with. */
export const DEFAULT_API_ROOT = "https://api.telegram.org";

/** A usable API root: `root` without a trailing slash, and the origin the sandbox's policy allows. */
export interface ApiRoot {
  root: string;
  origin: string;
}

/** Why a typed API root cannot be used. */
export type ApiRootProblem = "invalid" | "scheme";

/**
 * Reads what the reader typed (empty means {@link DEFAULT_API_ROOT}): an `http:` or `https:` URL with no
 * user name, password, query or fragment. The path is kept, so a server behind a prefix works too.
 */
export function parseApiRoot(input: string): { ok: true; value: ApiRoot } | { ok: false; problem: ApiRootProblem } {
  const text = input.trim() || DEFAULT_API_ROOT;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: "invalid" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, problem: "scheme" };
  if (url.username || url.password || url.search || url.hash || text.includes("?") || text.includes("#")) return { ok: false, problem: "invalid" };
  const path = url.pathname.replace(/\/+$/, "");
  return { ok: true, value: { root: url.origin + path, origin: url.origin } };
}

/**
 * Whether `url` is a request under `root` (same origin, and the root's path as a whole first segment):
 * the only requests a live sandbox may make. The URL parser has already resolved `..` and its encodings.
 */
export function isUnderApiRoot(url: string, root: ApiRoot): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.origin !== root.origin || parsed.username || parsed.password) return false;
  const prefix = new URL(root.root).pathname.replace(/\/+$/, "") + "/";
  return parsed.pathname.startsWith(prefix);
}
