import { describe, expect, it } from "vitest";
import { decodeSharedCode, encodeSharedCode, sharedCodeFromHash, shareUrl } from "./share-link";

const program = 'import { Bot } from "grammy";\n// ¡Hola! 🍕\nconst bot = new Bot("");\nbot.start();\n';

describe("share links", () => {
  it("round-trips code through the URL, Unicode included, in URL-safe characters", () => {
    const encoded = encodeSharedCode(program);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSharedCode(encoded)).toBe(program);
  });

  it("compresses repetitive code", () => {
    const long = program.repeat(50);
    expect(encodeSharedCode(long).length).toBeLessThan(long.length / 10);
  });

  it("puts the example in the query and the code in the hash", () => {
    const url = new URL(shareUrl("https://example.org/es/playground/?example=lazy#x", "pizza", program));
    expect(url.pathname).toBe("/es/playground/");
    expect(url.searchParams.get("example")).toBe("pizza");
    expect(sharedCodeFromHash(url.hash)).toBe(program);
  });

  it("reports a damaged link instead of loading garbage", () => {
    const encoded = encodeSharedCode(program);
    expect(sharedCodeFromHash(`#code=${encoded.slice(0, 10)}`)).toBeInstanceOf(Error);
    expect(sharedCodeFromHash("#other=1")).toBeUndefined();
  });
});
