/**
 * Downloads and compiles esbuild's WebAssembly binary, reporting progress as bytes arrive.
 */

/**
 * Size in bytes of `esbuild-wasm/esbuild.wasm` (0.28.2), used for progress when the server sends no usable
 * Content-Length. A unit test compares it with the installed file, so an upgrade cannot leave it stale.
 */
export const ESBUILD_WASM_BYTES = 13_978_850;

/** Called as the download advances; `loaded` never exceeds `total`. */
export type ProgressListener = (loaded: number, total: number) => void;

/**
 * The download's expected size. A compressed response's Content-Length counts compressed bytes while the
 * stream yields decompressed ones, so it is only trusted for an uncompressed body.
 */
function expectedSize(response: Response, knownSize: number): number {
  const encoding = response.headers.get("Content-Encoding");
  const length = Number(response.headers.get("Content-Length"));
  const uncompressed = !encoding || encoding === "identity";
  return uncompressed && Number.isFinite(length) && length > 0 ? length : knownSize;
}

async function countBytes(body: ReadableStream<Uint8Array>, total: number, onProgress: ProgressListener): Promise<void> {
  const reader = body.getReader();
  let loaded = 0;
  onProgress(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    loaded += value.byteLength;
    total = Math.max(total, loaded);
    onProgress(loaded, total);
  }
}

/**
 * Fetches the wasm at `url` and compiles it, streaming when the server labels it `application/wasm`, and calls
 * `onProgress` for every chunk. `fetchImpl` exists for tests; browsers and workers use the global `fetch`.
 */
export async function loadWasm(
  url: string,
  onProgress: ProgressListener,
  { knownSize = ESBUILD_WASM_BYTES, fetchImpl = fetch }: { knownSize?: number; fetchImpl?: typeof fetch } = {},
): Promise<WebAssembly.Module> {
  const response = await fetchImpl(url);
  if (!response.ok || !response.body) throw new Error(`Could not download ${url}: HTTP ${response.status}`);

  // Counting a clone leaves the fetched response itself to the compiler: streaming compiles while bytes
  // arrive, and Chrome caches the optimised code of a module compiled from a fetched URL for the next visit.
  const counted = countBytes(response.clone().body!, expectedSize(response, knownSize), onProgress);
  const streams = "compileStreaming" in WebAssembly && /^application\/wasm\b/i.test(response.headers.get("Content-Type") ?? "");
  const compiled = streams
    ? WebAssembly.compileStreaming(response)
    : response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
  const [module] = await Promise.all([compiled, counted]);
  return module;
}
