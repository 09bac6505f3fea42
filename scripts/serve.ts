import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sirv from "sirv";

/** A running static server and the address it listens on. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built folder on 127.0.0.1 at a free port, the way a static host would serve the site
 * (clean URLs resolve to `.html`, unknown paths get the site's 404 page).
 */
export async function serveStatic(dir: string, port = 0): Promise<StaticServer> {
  const handler = sirv(dir, { extensions: ["html"], dev: false, etag: true });
  const notFound = sirv(dir, { extensions: [] });
  const server: Server = createServer((req, res) => {
    handler(req, res, () => {
      res.statusCode = 404;
      notFound(Object.assign(req, { url: "/404.html" }), res, () => {
        res.end("Not found");
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
