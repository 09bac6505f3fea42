/**
 * The sandbox worker: a module worker created fresh for every run, under the policy of
 * sandbox-host.ts. It only wires the worker boundary to {@link SandboxRuntime}. Its first message
 * brings a private port; from then on the worker's own `postMessage` is taken away, so a program
 * cannot speak to the page at all, and everything goes through the port: `run` locks the network
 * down, keeps the program to its page's data, captures the console, fills the module registry and
 * imports the user's bundle from a `blob:` URL; `update` hands the update to the runtime; `ping` is
 * answered with `pong` at once (the runner's watchdog relies on it: a worker stuck in a synchronous
 * loop cannot answer).
 */
import { MODULE_REGISTRY, type SandboxBatch, type SandboxEvent, type SandboxRequest } from "../protocol";
import { postCloneable } from "./cloneable";
import { EventBatcher } from "./event-batcher";
import { captureConsole } from "./console-capture";
import { lockDownNetwork, replaceEverywhere } from "./network-lockdown";
import { allowlistedFetch } from "./live-fetch";
import { parseApiRoot } from "../live/api-root";
import { maskDeep, tokenMasker } from "../live/mask-token";
import { isolatePage } from "./page-isolation";
import { SandboxRuntime } from "./sandbox-runtime";
import { StackMapper } from "./stack-mapper";

// Private references, taken before any user code runs: user code may overwrite the globals and prototypes.
const scope = globalThis;
const apply = Reflect.apply;
const addEventListener = scope.addEventListener.bind(scope);
const removeEventListener = scope.removeEventListener.bind(scope);
const portPostMessage = MessagePort.prototype.postMessage;
const portAddEventListener = MessagePort.prototype.addEventListener;
const portStart = MessagePort.prototype.start;
const setTimer = setTimeout;
const createObjectURL = URL.createObjectURL.bind(URL);
// Live mode's only network, taken before the lockdown replaces the global (and before any user code exists).
const nativeFetch: typeof fetch | undefined = typeof scope.fetch === "function" ? scope.fetch.bind(scope) : undefined;
const BlobConstructor = Blob;

let port: MessagePort | undefined;
const postBatch = (batch: SandboxBatch) => {
  if (port) apply(portPostMessage, port, [batch]);
};
/**
 * A batch that structured clone refuses (a function in a payload, a value too deep) throws before anything
 * is sent; its events then go one by one, each made postable on its own, so one bad value costs one event
 * a placeholder and never the others. Floods are bounded by the console budget and the runner's flood meter.
 */
const sendBatch = (batch: SandboxBatch) => {
  try {
    postBatch(batch);
  } catch {
    for (const event of batch) postCloneable((message) => postBatch([message as SandboxEvent]), event);
  }
};
const batcher = new EventBatcher(sendBatch, queueMicrotask.bind(scope));
/** In live mode, every event is masked before it leaves: a program may log its token, grammY may put it in a URL. */
let mask: ((event: SandboxEvent) => SandboxEvent) | undefined;
const post = (event: SandboxEvent) => batcher.add(mask ? mask(event) : event);

let runtime: SandboxRuntime | undefined;

function loadError(message: string): void {
  post({ type: "error", phase: "load", name: "Error", message });
}

/** Takes the worker's own channel away: only the private port speaks to the page. */
function closeOwnChannel(): void {
  replaceEverywhere(scope, "postMessage", {
    value: function postMessage() {
      throw new TypeError("The playground sandbox has no channel to the page: postMessage(...) is not available");
    },
    writable: false,
  });
  replaceEverywhere(scope, "onmessage", { value: null, writable: false });
}

function run(request: Extract<SandboxRequest, { type: "run" }>): void {
  if (runtime) {
    loadError("This sandbox already runs a program; every run needs a fresh worker.");
    return;
  }
  try {
    lockDownNetwork(scope);
    isolatePage(scope, request.storage.database);
  } catch (error) {
    loadError(`The sandbox could not take the network away, so it refuses to run the program: ${String(error)}`);
    return;
  }
  let live: { token: string; apiRoot: string; fetch: typeof fetch } | undefined;
  if (request.live) {
    const root = parseApiRoot(request.live.apiRoot);
    if (!root.ok || !nativeFetch) {
      loadError("Live mode needs a Bot API root with http or https, and a browser with fetch in workers.");
      return;
    }
    const masker = tokenMasker(request.live.token);
    mask = (event) => maskDeep(event, masker);
    live = { token: request.live.token, apiRoot: root.value.root, fetch: allowlistedFetch(nativeFetch, root.value) };
  }
  const url = createObjectURL(new BlobConstructor([request.code], { type: "text/javascript" }));
  const mapper = new StackMapper(url, request.map, request.filename);
  const current = new SandboxRuntime({
    emit: post,
    database: request.storage.database,
    locate: (error) => mapper.locate(error),
    ...(live ? { live } : {}),
  });
  runtime = current;
  captureConsole(console, {
    emit: post,
    budget: { later: (fn, ms) => setTimer(fn, ms) },
    emitSkipped: post,
    locateStack: (stack) => mapper.locateStack(stack),
    describeError: (error) => {
      // The error's own line, then only the frames in the user's file: grammY's frames are noise here.
      const frames = mapper
        .rewriteStack(error.stack ?? "", request.filename)
        .split("\n")
        .filter((line) => line.includes(`${request.filename}:`));
      return [`${error.name}: ${error.message}`, ...frames].join("\n");
    },
  });
  addEventListener("unhandledrejection", (event) => {
    event.preventDefault();
    current.reportUnhandled(event.reason);
  });
  addEventListener("error", (event) => {
    // Reported here; without preventDefault it would also reach the runner as a worker crash.
    event.preventDefault();
    current.reportUnhandled(event.error ?? new Error(event.message));
  });
  // Examples written for Node read their token from process.env; they get an empty token, which
  // the offline Bot replaces with the simulated one.
  const withProcess = scope as { process?: unknown };
  if (withProcess.process === undefined) withProcess.process = { env: {} };
  Object.defineProperty(scope, MODULE_REGISTRY, { value: current.modules, writable: false, configurable: false });
  void current.run(() => import(/* @vite-ignore */ url));
}

function receive(request: SandboxRequest): void {
  switch (request.type) {
    case "ping":
      postBatch([{ type: "pong", seq: request.seq }]);
      return;
    case "run":
      run(request);
      return;
    case "stop-polling":
      if (runtime) void runtime.stopPolling();
      else post({ type: "polling-stopped" });
      return;
    case "update":
      if (runtime) runtime.dispatch(request.update);
      else post({ type: "console", level: "warn", text: `Update ${request.update.update_id} arrived before the program; it was ignored.` });
      return;
    case "updates":
      if (runtime) runtime.dispatchConcurrently(request.updates);
      else post({ type: "console", level: "warn", text: `${request.updates.length} updates arrived before the program; they were ignored.` });
      return;
  }
}

function connect(event: MessageEvent): void {
  const given = event.ports[0];
  if (port || !given || (event.data as { type?: unknown } | null)?.type !== "connect") return;
  port = given;
  removeEventListener("message", connect);
  closeOwnChannel();
  apply(portAddEventListener, port, ["message", (message: MessageEvent<SandboxRequest>) => receive(message.data)]);
  apply(portStart, port, []);
}

addEventListener("message", connect);
