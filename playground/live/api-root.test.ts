import { describe, expect, it } from "vitest";
import { DEFAULT_API_ROOT, isUnderApiRoot, parseApiRoot } from "./api-root";

const root = (input: string) => {
  const parsed = parseApiRoot(input);
  if (!parsed.ok) throw new Error(`not a root: ${input}`);
  return parsed.value;
};

describe("parseApiRoot", () => {
  it("takes Telegram's root when nothing is typed", () => {
    expect(parseApiRoot("  ")).toEqual({ ok: true, value: { root: DEFAULT_API_ROOT, origin: "https://api.telegram.org" } });
  });

  it("keeps a local server's port and path, without the trailing slash", () => {
    expect(root("http://127.0.0.1:8081/")).toEqual({ root: "http://127.0.0.1:8081", origin: "http://127.0.0.1:8081" });
    expect(root("https://bots.example.com/telegram/")).toEqual({ root: "https://bots.example.com/telegram", origin: "https://bots.example.com" });
  });

  it("refuses what is not an http(s) root", () => {
    expect(parseApiRoot("api.telegram.org")).toEqual({ ok: false, problem: "invalid" });
    expect(parseApiRoot("ftp://api.telegram.org")).toEqual({ ok: false, problem: "scheme" });
    expect(parseApiRoot("javascript:alert(1)")).toEqual({ ok: false, problem: "scheme" });
    expect(parseApiRoot("https://user:pw@api.telegram.org")).toEqual({ ok: false, problem: "invalid" });
    expect(parseApiRoot("https://api.telegram.org/?x=1")).toEqual({ ok: false, problem: "invalid" });
    expect(parseApiRoot("https://api.telegram.org/#bot")).toEqual({ ok: false, problem: "invalid" });
  });
});

describe("isUnderApiRoot", () => {
  const telegram = root(DEFAULT_API_ROOT);
  const prefixed = root("https://bots.example.com/telegram");

  it("allows the Bot API's own URLs", () => {
    expect(isUnderApiRoot("https://api.telegram.org/bot123:abc/getMe", telegram)).toBe(true);
    expect(isUnderApiRoot("https://bots.example.com/telegram/bot123:abc/getUpdates", prefixed)).toBe(true);
  });

  it("refuses other origins, look-alike hosts, other schemes and ports", () => {
    expect(isUnderApiRoot("https://evil.example/bot123:abc/getMe", telegram)).toBe(false);
    expect(isUnderApiRoot("https://api.telegram.org.evil.example/getMe", telegram)).toBe(false);
    expect(isUnderApiRoot("http://api.telegram.org/bot1/getMe", telegram)).toBe(false);
    expect(isUnderApiRoot("https://api.telegram.org:8443/bot1/getMe", telegram)).toBe(false);
    expect(isUnderApiRoot("https://x@api.telegram.org/bot1/getMe", telegram)).toBe(false);
    expect(isUnderApiRoot("not a url", telegram)).toBe(false);
  });

  it("refuses paths beside or above a prefixed root, however they are spelled", () => {
    expect(isUnderApiRoot("https://bots.example.com/telegramx/bot1/getMe", prefixed)).toBe(false);
    expect(isUnderApiRoot("https://bots.example.com/other/bot1/getMe", prefixed)).toBe(false);
    expect(isUnderApiRoot("https://bots.example.com/telegram/../admin", prefixed)).toBe(false);
    expect(isUnderApiRoot("https://bots.example.com/telegram/%2e%2e/admin", prefixed)).toBe(false);
  });
});
