/**
 * Starts sandbox workers under a Content-Security-Policy, from the page. Replacing globals in the
 * worker cannot stop every request (a dynamic `import()` of a URL, a `FontFace`), but a policy the
 * worker is subject to can, in every browser, without any server header: a worker started from a
 * `blob:` URL takes the policy of the document that creates it. That document is a hidden, same-origin
 * `srcdoc` frame whose `<meta>` policy lets scripts come only from this site (and `blob:`, for the
 * program's bundle) and refuses every connection, font, image and media request. The rest of the site
 * keeps no policy at all. Same origin is deliberate: the sandbox keeps its sessions in this site's
 * IndexedDB, which an opaque-origin frame could not open.
 *
 * Live mode's workers come from a second frame whose policy is the same but for `connect-src`, which names
 * the Bot API's origin (exactly that one): the browser itself keeps a live program from reaching anything else.
 */
import type { SandboxWorker } from "./runner";
import sandboxWorkerUrl from "../sandbox/sandbox.worker.ts?worker&url";

/**
 * The sandbox's policy for a site at `origin`; with `connectOrigin` (live mode: the Bot API's origin, as
 * `URL.origin` spells it), connections to that origin alone are allowed, otherwise none. Module workers fetch their whole import graph as
 * "worker" requests, so `worker-src` lists the site as well as `blob:`; `script-src` governs the
 * program's own `import()`. `'unsafe-eval'` lets programs use `eval` and `Function`: what they evaluate
 * is bound by the same policy. The site is named by its origin rather than `'self'`, which Firefox
 * resolves against the frame's `about:srcdoc` address and so matches nothing.
 */
export function sandboxPolicy(origin: string, connectOrigin?: string): string {
  if (connectOrigin !== undefined && !/^https?:\/\/[a-z0-9.\-[\]:]+$/i.test(connectOrigin)) {
    // Anything else (a space, a semicolon, a quote) would add to the policy instead of naming one origin.
    throw new TypeError(`Not an http(s) origin: ${JSON.stringify(connectOrigin)}`);
  }
  return [
    "default-src 'none'",
    `script-src ${origin} blob: 'unsafe-eval'`,
    `worker-src ${origin} blob:`,
    connectOrigin === undefined ? "connect-src 'none'" : `connect-src ${connectOrigin}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** Host frames by the origin their policy lets connect ("" for none): made once per page and origin, on first use. */
const hosts = new Map<string, Promise<Window>>();

/** The frame sandbox workers are created from: the simulated one, or a live one that may connect to `connectOrigin`. */
function hostWindow(connectOrigin?: string): Promise<Window> {
  const known = hosts.get(connectOrigin ?? "");
  if (known) return known;
  const host = new Promise<Window>((resolve, reject) => {
    const frame = document.createElement("iframe");
    frame.hidden = true;
    frame.title = "Session Lab sandbox";
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    frame.dataset.sandboxHost = connectOrigin ?? "";
    const policy = sandboxPolicy(location.origin, connectOrigin).replaceAll('"', "&quot;");
    frame.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${policy}"><title>sandbox</title>`;
    frame.addEventListener("load", () => (frame.contentWindow ? resolve(frame.contentWindow) : reject(new Error("The sandbox frame has no window."))), {
      once: true,
    });
    document.body.append(frame);
  });
  hosts.set(connectOrigin ?? "", host);
  return host;
}

type Listener<E> = ((event: E) => void) | null;

/**
 * A sandbox worker that exists as soon as it is asked for: messages posted before the host frame and
 * the real worker are up wait, in order, and `terminate()` works at any time.
 */
class HostedWorker implements SandboxWorker {
  onmessage: Listener<{ data: unknown }> = null;
  onerror: Listener<{ message?: string; preventDefault?(): void }> = null;
  private worker: Worker | undefined;
  private waiting: [unknown, Transferable[]][] = [];
  private terminated = false;
  private url: string | undefined;

  constructor(connectOrigin?: string) {
    hostWindow(connectOrigin).then(
      (frame) => this.start(frame),
      (error: unknown) => this.fail(`The sandbox frame could not be made: ${String(error)}`),
    );
  }

  postMessage(message: unknown, transfer: Transferable[] = []): void {
    if (this.worker) this.worker.postMessage(message, transfer);
    else if (!this.terminated) this.waiting.push([message, transfer]);
  }

  terminate(): void {
    this.terminated = true;
    this.waiting = [];
    this.worker?.terminate();
    this.worker = undefined;
    if (this.url) URL.revokeObjectURL(this.url);
  }

  private start(frame: Window): void {
    if (this.terminated) return;
    const entry = new URL(sandboxWorkerUrl, location.href).href;
    // The worker's own code comes from this site; only this one-line entry is a blob, so it takes the frame's policy.
    const blob = new Blob([`import ${JSON.stringify(entry)};`], { type: "text/javascript" });
    const url = URL.createObjectURL(blob);
    this.url = url;
    let worker: Worker;
    try {
      const FrameWorker = (frame as unknown as { Worker: typeof Worker }).Worker;
      worker = new FrameWorker(url, { type: "module" });
    } catch (error) {
      this.fail(`The sandbox worker could not be created: ${String(error)}`);
      return;
    }
    worker.onmessage = (event) => this.onmessage?.(event);
    worker.onerror = (event) => this.onerror?.(event);
    this.worker = worker;
    for (const [message, transfer] of this.waiting) worker.postMessage(message, transfer);
    this.waiting = [];
  }

  private fail(message: string): void {
    if (!this.terminated) this.onerror?.({ message });
  }
}

/**
 * A fresh sandbox worker under {@link sandboxPolicy}: no connections at all, or (live mode) connections to
 * `connectOrigin` only. Call only in a browser.
 */
export function createSandboxWorker(connectOrigin?: string): SandboxWorker {
  return new HostedWorker(connectOrigin);
}
