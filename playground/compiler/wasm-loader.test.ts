import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { ESBUILD_WASM_BYTES, loadWasm } from "./wasm-loader";

const WASM_PATH = createRequire(import.meta.url).resolve("esbuild-wasm/esbuild.wasm");

/** A fetch that serves `bytes` in `chunkSize` pieces with the given headers, as a server would. */
function serve(bytes: Uint8Array, headers: Record<string, string>, chunkSize = 1 << 20): typeof fetch {
  return async () => {
    let offset = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(offset, offset + chunkSize));
        offset += chunkSize;
      },
    });
    return new Response(body, { headers });
  };
}

function recorder() {
  const events: Array<[number, number]> = [];
  return { events, listener: (loaded: number, total: number) => void events.push([loaded, total]) };
}

describe("loadWasm", () => {
  const wasm = new Uint8Array(readFileSync(WASM_PATH));

  it("knows the size of the installed esbuild.wasm", () => {
    expect(statSync(WASM_PATH).size).toBe(ESBUILD_WASM_BYTES);
  });

  it("streams a wasm module in, reporting progress against Content-Length", async () => {
    const { events, listener } = recorder();
    const fetchImpl = serve(wasm, { "Content-Length": String(wasm.length), "Content-Type": "application/wasm" });

    const module = await loadWasm("/esbuild.wasm", listener, { fetchImpl });

    expect(events[0]).toEqual([0, wasm.length]);
    expect(events.at(-1)).toEqual([wasm.length, wasm.length]);
    expect(events.length).toBe(Math.ceil(wasm.length / (1 << 20)) + 1);
    for (let i = 1; i < events.length; i++) expect(events[i]![0]).toBeGreaterThan(events[i - 1]![0]);

    expect(WebAssembly.Module.exports(module).map((entry) => entry.name)).toContain("run");
  }, 30_000);

  it("compiles without streaming when the server does not say it is wasm", async () => {
    const module = await loadWasm("/esbuild.wasm", () => {}, { fetchImpl: serve(wasm, { "Content-Type": "application/octet-stream" }) });
    expect(WebAssembly.Module.exports(module).map((entry) => entry.name)).toContain("run");
  }, 30_000);

  it("uses the known size when the body is compressed or its length unknown", async () => {
    // The smallest valid module: the magic number and version, 8 bytes.
    const empty = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    const cases: Record<string, string>[] = [{ "Content-Encoding": "gzip", "Content-Length": "4" }, {}];
    for (const headers of cases) {
      const { events, listener } = recorder();
      await loadWasm("/x.wasm", listener, { knownSize: 6, fetchImpl: serve(empty, headers, 4) });
      // Past the expected size, the total grows with the bytes rather than showing more than 100 %.
      expect(events).toEqual([
        [0, 6],
        [4, 6],
        [8, 8],
      ]);
    }
  });

  it("fails with the HTTP status when the download does", async () => {
    const fetchImpl: typeof fetch = async () => new Response("gone", { status: 404 });
    await expect(loadWasm("/esbuild.wasm", () => {}, { fetchImpl })).rejects.toThrow("HTTP 404");
  });
});
