import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

export interface StaticServer {
  origin: string;
  /** Paths requested that did not exist. */
  missing: string[];
  close(): Promise<void>;
}

/** Serves `dir` under `base` on 127.0.0.1 the way GitHub Pages does (dir → index.html). */
export async function serve(dir: string, base: string): Promise<StaticServer> {
  const missing: string[] = [];
  const prefix = base.endsWith("/") ? base : `${base}/`;
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let file = pathname.startsWith(prefix) ? path.join(dir, pathname.slice(prefix.length)) : undefined;
    if (file && !path.resolve(file).startsWith(path.resolve(dir))) file = undefined;
    try {
      if (!file) throw new Error("outside base");
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      missing.push(pathname);
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    missing,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
