import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { connect, type Socket } from "node:net";

/** A forward proxy as corporate networks have: it tunnels `CONNECT host:port` and records each one. */
export interface TestProxy {
  /** HTTPS_PROXY / HTTP_PROXY value. */
  url: string;
  /** `host:port` of each tunnel asked for, in order. */
  connects: string[];
  close(): Promise<void>;
}

/**
 * Starts the proxy on 127.0.0.1. It resolves every host to 127.0.0.1, where the fake GitHub
 * listens: the runner itself cannot resolve the fake's host name, only the proxy can, so a
 * request that skipped the proxy would fail.
 */
export async function startTestProxy(): Promise<TestProxy> {
  const connects: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((_req, res) => {
    // launchgate's clients tunnel; a plain forwarded request is not something it should send.
    res.writeHead(405).end();
  });
  server.on("connect", (req, client: Socket, head: Buffer) => {
    const target = req.url ?? "";
    connects.push(target);
    const port = Number(/:(\d+)$/.exec(target)?.[1]);
    const upstream = connect(port, "127.0.0.1", () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
    }
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connects,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
