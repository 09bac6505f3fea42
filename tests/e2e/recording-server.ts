/**
 * A server on another origin that answers every request (as a module, with CORS open, so nothing but
 * the browser's own policy could stop a program) and records it. Hostile-program tests expect it to
 * record nothing.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** The running server: its origin as `http://<name>:<port>`, and every request it got. */
export interface RecordingServer {
  origin: string;
  received: string[];
  close(): Promise<void>;
}

/** Listens on `address`; `name` is how pages reach it (a host name Chromium maps there, or the address). */
export async function startRecordingServer(address: string, name = address): Promise<RecordingServer> {
  const received: string[] = [];
  const server = createServer((request, response) => {
    received.push(`${request.method} ${request.url}`);
    response.writeHead(200, { "content-type": "text/javascript", "access-control-allow-origin": "*" });
    response.end("export default 'fetched from elsewhere';");
  });
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  return {
    origin: `http://${name}:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
