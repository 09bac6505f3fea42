import { describe, expect, it } from "vitest";
import { maskDeep, maskedToken, tokenMasker } from "./mask-token";

const TOKEN = "123456:AAH-secret_Token-value";

describe("token masking", () => {
  it("shows a token as its bot id and dots", () => {
    expect(maskedToken(TOKEN)).toBe("123456:•••");
    expect(maskedToken("nocolon")).toBe("•••");
  });

  it("masks the secret wherever a text holds it: alone, in the token, in a URL, percent-encoded", () => {
    const mask = tokenMasker(TOKEN);
    expect(mask(`token ${TOKEN}`)).toBe("token 123456:•••");
    expect(mask(`https://api.telegram.org/bot${TOKEN}/getMe`)).toBe("https://api.telegram.org/bot123456:•••/getMe");
    expect(mask(`https://x/bot${encodeURIComponent(TOKEN)}/getMe`)).toBe("https://x/bot123456%3A•••/getMe");
    expect(mask("AAH-secret_Token-value twice AAH-secret_Token-value")).toBe("••• twice •••");
    expect(mask("nothing to hide")).toBe("nothing to hide");
  });

  it("masks a secret with characters a URL encodes", () => {
    const mask = tokenMasker("1:sec ret/+x");
    expect(mask("a sec ret/+x b")).toBe("a ••• b");
    expect(mask(`a ${encodeURIComponent("sec ret/+x")} b`)).toBe("a ••• b");
  });

  it("leaves texts alone for an empty or very short token", () => {
    expect(tokenMasker("")("a:b")).toBe("a:b");
    expect(tokenMasker("1:ab")("ab ab")).toBe("ab ab");
  });

  it("masks every string of an event, keys included, and leaves the event itself as it was", () => {
    const mask = tokenMasker(TOKEN);
    const untouched = { a: [1, "x"] };
    const event = {
      type: "console",
      text: `my token is ${TOKEN}`,
      nested: { [TOKEN]: [TOKEN, 3, null], untouched },
    };
    const masked = maskDeep(event, mask);
    expect(masked).toEqual({ type: "console", text: "my token is 123456:•••", nested: { "123456:•••": ["123456:•••", 3, null], untouched } });
    expect(event.text).toContain(TOKEN);
    expect(Object.keys(event.nested)).toContain(TOKEN);
  });

  it("survives cycles", () => {
    const mask = tokenMasker(TOKEN);
    const cyclic: Record<string, unknown> = { text: TOKEN };
    cyclic.self = cyclic;
    const masked = maskDeep(cyclic, mask);
    expect(masked.text).toBe("123456:•••");
    expect(masked.self).toBe(masked);
  });
});
