/**
 * The sandbox worker: a module worker created fresh for every run. It only wires the worker
 * boundary to {@link SandboxRuntime}: on `run` it locks the network down, captures the console,
 * fills the module registry and imports the user's bundle from a `blob:` URL; on `update` it hands
 * the update to the runtime; on `ping` it answers `pong` at once (the runner's watchdog relies on
 * it: a worker stuck in a synchronous loop cannot answer).
 */
import { MODULE_REGISTRY, type SandboxEvent, type SandboxRequest } from "../protocol";
import { postCloneable } from "./cloneable";
import { captureConsole } from "./console-capture";
import { lockDownNetwork } from "./network-lockdown";
import { SandboxRuntime } from "./sandbox-runtime";
import { StackMapper } from "./stack-mapper";

// Private references, taken before any user code runs: user code may overwrite the globals.
const scope = globalThis;
const postMessage = scope.postMessage.bind(scope) as (message: unknown) => void;
const addEventListener = scope.addEventListener.bind(scope);
const createObjectURL = URL.createObjectURL.bind(URL);
const BlobConstructor = Blob;

const post = (event: SandboxEvent) => postCloneable(postMessage, event);

let runtime: SandboxRuntime | undefined;

function loadError(message: string): void {
  post({ type: "error", phase: "load", name: "Error", message });
}

function run(request: Extract<SandboxRequest, { type: "run" }>): void {
  if (runtime) {
    loadError("This sandbox already runs a program; every run needs a fresh worker.");
    return;
  }
  try {
    lockDownNetwork(scope);
  } catch (error) {
    loadError(`The sandbox could not take the network away, so it refuses to run the program: ${String(error)}`);
    return;
  }
  const url = createObjectURL(new BlobConstructor([request.code], { type: "text/javascript" }));
  const mapper = new StackMapper(url, request.map, request.filename);
  const current = new SandboxRuntime({
    emit: post,
    database: request.storage.database,
    locate: (error) => mapper.locate(error),
  });
  runtime = current;
  captureConsole(console, {
    emit: post,
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

addEventListener("message", (event: MessageEvent<SandboxRequest>) => {
  const request = event.data;
  switch (request.type) {
    case "ping":
      postMessage({ type: "pong", seq: request.seq } satisfies SandboxEvent);
      return;
    case "run":
      run(request);
      return;
    case "update":
      if (runtime) runtime.dispatch(request.update);
      else post({ type: "console", level: "warn", text: `Update ${request.update.update_id} arrived before the program; it was ignored.` });
      return;
  }
});
