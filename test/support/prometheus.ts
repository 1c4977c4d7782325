import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { type AddressInfo, createServer as createNetServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A real Prometheus (Debian's `prometheus` + `promtool`) for tests: a TSDB built from OpenMetrics
 * fixture text with `promtool tsdb create-blocks-from openmetrics` in a fresh temp dir, served on
 * 127.0.0.1 at an ephemeral port with no scraping, no admin API and no lifecycle endpoints. Every
 * started process is stopped by its PID in `stop()` and, should a test file die first, on exit.
 */
export interface RunningPrometheus {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const started = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of started) if (child.pid) process.kill(child.pid, "SIGKILL");
});

/** A fresh TSDB directory holding the series of an OpenMetrics text (ending in `# EOF`). */
export function buildTsdb(openMetrics: string): string {
  const dir = mkdtempSync(join(tmpdir(), "launchgate-prom-"));
  const input = join(dir, "fixture.om");
  writeFileSync(input, openMetrics);
  execFileSync("promtool", ["tsdb", "create-blocks-from", "openmetrics", input, join(dir, "data")], {
    stdio: "pipe",
  });
  writeFileSync(join(dir, "prometheus.yml"), "global: {}\n");
  return dir;
}

/** Starts `prometheus` on a TSDB from buildTsdb; resolves once it serves queries. */
export async function startPrometheus(dir: string, extraArgs: string[] = []): Promise<RunningPrometheus> {
  const child = spawn(
    "prometheus",
    [
      `--config.file=${join(dir, "prometheus.yml")}`,
      `--storage.tsdb.path=${join(dir, "data")}`,
      // Retention counts back from the newest data; the fixtures' past dates must survive it.
      "--storage.tsdb.retention.time=100y",
      "--web.listen-address=127.0.0.1:0",
      "--log.level=info",
      ...extraArgs,
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  started.add(child);
  const stop = () => stopChild(child, dir);
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let log = "";
      let port = 0;
      const timer = setTimeout(() => reject(new Error(`prometheus did not start:\n${log}`)), 20_000);
      child.stderr?.on("data", (d) => {
        log += String(d);
        port ||= Number(/msg="Listening on" address=127\.0\.0\.1:(\d+)/.exec(log)?.[1] ?? 0);
        if (port && log.includes("Server is ready to receive web requests")) {
          clearTimeout(timer);
          resolve(port);
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`prometheus exited (${code}):\n${log}`));
      });
    });
    child.stderr?.resume();
    return { url: `http://127.0.0.1:${port}`, pid: child.pid as number, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function stopChild(child: ChildProcess, dir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null && child.pid) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(child.pid, "SIGTERM");
    const timer = setTimeout(() => child.pid && process.kill(child.pid, "SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  }
  started.delete(child);
  rmSync(dir, { recursive: true, force: true });
}

export interface LocalServer {
  url: string;
  /** Requests seen, with the headers that matter to auth. */
  seen: { path: string; authorization: string | undefined; tenant: string | undefined }[];
  close(): Promise<void>;
}

/**
 * A reverse proxy in front of Prometheus that answers 401 unless the request carries `authorization`
 * exactly and, when given, the `X-Scope-OrgID` tenant header (as Mimir does); over TLS when given a
 * key and certificate.
 */
export async function startAuthProxy(
  target: string,
  expect: { authorization: string; tenant?: string },
  tls?: { key: string; cert: string },
): Promise<LocalServer> {
  const seen: LocalServer["seen"] = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const authorization = req.headers.authorization;
    const tenant = req.headers["x-scope-orgid"] as string | undefined;
    seen.push({ path: req.url ?? "", authorization, tenant });
    if (authorization !== expect.authorization || (expect.tenant !== undefined && tenant !== expect.tenant)) {
      res.writeHead(401, { "content-type": "text/plain" }).end("authentication required\n");
      return;
    }
    const upstream = request(`${target}${req.url}`, { method: req.method, headers: { ...req.headers } }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  };
  const server = tls ? createHttpsServer(tls, handler) : createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? "https" : "http"}://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A server that accepts connections and never answers: a hung Prometheus. */
export async function startHangingServer(): Promise<LocalServer> {
  const sockets = new Set<Socket>();
  const server: Server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen: [],
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A CA and a certificate for 127.0.0.1 (and `host`, when given) it signed (openssl), in a fresh temp dir. */
export function makeCertificates(host?: string): {
  dir: string;
  caFile: string;
  ca: string;
  key: string;
  cert: string;
} {
  const dir = mkdtempSync(join(tmpdir(), "launchgate-tls-"));
  const run = (args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  run(["req", "-x509", ...ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=launchgate test CA"]);
  run(["req", ...ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"]);
  writeFileSync(join(dir, "ext.cnf"), `subjectAltName=IP:127.0.0.1${host ? `,DNS:${host}` : ""}\n`);
  const sign = ["-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2", "-extfile", "ext.cnf"];
  run(["x509", "-req", "-in", "server.csr", ...sign, "-out", "server.pem"]);
  const read = (name: string) => readFileSync(join(dir, name), "utf8");
  return { dir, caFile: join(dir, "ca.pem"), ca: read("ca.pem"), key: read("server.key"), cert: read("server.pem") };
}
