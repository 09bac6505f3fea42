/**
 * Starts sandbox workers under a Content-Security-Policy, from the page. Replacing globals in the
 * worker cannot stop every request (a dynamic `import()` of a URL, a `FontFace`), but a policy the
 * worker is subject to can, in every browser, without any server header: a worker started from a
 * `blob:` URL takes the policy of the document that creates it. That document is a hidden, same-origin
 * `srcdoc` frame whose `<meta>` policy lets scripts come only from this site (and `blob:`, for the
 * program's bundle) and refuses every connection, font, image and media request. The rest of the site
 * keeps no policy at all. Same origin is deliberate: the sandbox keeps its sessions in this site's
 * IndexedDB, which an opaque-origin frame could not open.
 */
import type { SandboxWorker } from "./runner";
import sandboxWorkerUrl from "../sandbox/sandbox.worker.ts?worker&url";

/**
 * The sandbox's policy for a site at `origin`. Module workers fetch their whole import graph as
 * "worker" requests, so `worker-src` lists the site as well as `blob:`; `script-src` governs the
 * program's own `import()`. `'unsafe-eval'` lets programs use `eval` and `Function`: what they evaluate
 * is bound by the same policy. The site is named by its origin rather than `'self'`, which Firefox
 * resolves against the frame's `about:srcdoc` address and so matches nothing.
 */
export function sandboxPolicy(origin: string): string {
  return [
    "default-src 'none'",
    `script-src ${origin} blob: 'unsafe-eval'`,
    `worker-src ${origin} blob:`,
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

let host: Promise<Window> | undefined;

/** The frame every sandbox worker is created from; made once per page, on the first run. */
function hostWindow(): Promise<Window> {
  host ??= new Promise<Window>((resolve, reject) => {
    const frame = document.createElement("iframe");
    frame.hidden = true;
    frame.title = "Session Lab sandbox";
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    frame.dataset.sandboxHost = "";
    const policy = sandboxPolicy(location.origin).replaceAll('"', "&quot;");
    frame.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${policy}"><title>sandbox</title>`;
    frame.addEventListener("load", () => (frame.contentWindow ? resolve(frame.contentWindow) : reject(new Error("The sandbox frame has no window."))), {
      once: true,
    });
    document.body.append(frame);
  });
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

  constructor() {
    hostWindow().then(
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

/** A fresh sandbox worker under {@link sandboxPolicy}. Call only in a browser. */
export function createSandboxWorker(): SandboxWorker {
  return new HostedWorker();
}
