import { readFile } from "node:fs/promises";
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { MAX_BODY_BYTES } from "./response.js";
import type { PrometheusSettings } from "./settings.js";

/**
 * The one place launchgate talks to a Prometheus-compatible API: a form-encoded POST (queries can be
 * longer than a URL may be) with the configured headers and CA, bounded by the timeout from connect
 * to the last byte. Redirects are not followed (they could carry credentials elsewhere). Answers
 * `{ status, body }`, or throws a PrometheusUnreachable whose message says why.
 */
export interface HttpAnswer {
  status: number;
  body: string;
}

export class PrometheusUnreachable extends Error {
  override name = "PrometheusUnreachable";
}

export type Transport = (path: string, params: Record<string, string>) => Promise<HttpAnswer>;

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

export async function httpTransport(settings: PrometheusSettings): Promise<Transport> {
  const ca = settings.ca === null ? undefined : "pem" in settings.ca ? settings.ca.pem : await readCa(settings.ca.file);
  // node:http ignores HTTPS_PROXY unless an agent is given the variables: a runner behind a proxy
  // reaches Prometheus the way it reaches GitHub, and NO_PROXY sends internal hosts direct. Loopback
  // goes direct as @actions/http-client does (Node would send it to the proxy): a SigV4 or auth
  // proxy run in the job listens there.
  const { protocol, hostname } = new URL(settings.url);
  const proxied = Object.keys(settings.proxyEnv).length > 0 && !LOOPBACK.test(hostname);
  const agent = !proxied
    ? undefined
    : protocol === "https:"
      ? new HttpsAgent({ proxyEnv: settings.proxyEnv })
      : new HttpAgent({ proxyEnv: settings.proxyEnv });
  return (path, params) => post(settings, ca, agent, path, params);
}

async function readCa(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new PrometheusUnreachable(`cannot read the CA file ${file} from LAUNCHGATE_PROMETHEUS_CA (${code})`);
  }
}

function post(
  settings: PrometheusSettings,
  ca: string | undefined,
  agent: HttpAgent | undefined,
  path: string,
  params: Record<string, string>,
): Promise<HttpAnswer> {
  const url = new URL(`${settings.url}${path}`);
  const body = new URLSearchParams(params).toString();
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const seconds = settings.timeoutMs / 1000;
    const req = request(url, {
      method: "POST",
      headers: {
        ...settings.headers,
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": Buffer.byteLength(body),
        Accept: "application/json",
        "User-Agent": "launchgate",
      },
      ...(ca ? { ca } : {}),
      ...(agent ? { agent } : {}),
    });
    // The reason we cut the request short, if we did (the socket then reports a bare "aborted").
    let cut: PrometheusUnreachable | null = null;
    const stop = (reason: string) => {
      cut = new PrometheusUnreachable(reason);
      req.destroy(cut);
    };
    const timer = setTimeout(
      () => stop(`no answer from ${url.origin} within ${seconds} s (timeout)`),
      settings.timeoutMs,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(cut ?? new PrometheusUnreachable(networkReason(url, error)));
    };
    req.on("error", fail);
    req.on("response", (res) => {
      const parts: Buffer[] = [];
      let size = 0;
      res.on("data", (part: Buffer) => {
        size += part.length;
        if (size > MAX_BODY_BYTES) stop(`answer larger than ${MAX_BODY_BYTES >> 20} MB: aggregate the query`);
        else parts.push(part);
      });
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString("utf8") });
      });
      res.on("error", fail);
    });
    req.end(body);
  });
}

function networkReason(url: URL, error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  const detail = code ? `${code}: ${error.message}` : error.message;
  const tls = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|TLS|SSL/i.test(detail)
    ? " (TLS: trust its CA with LAUNCHGATE_PROMETHEUS_CA)"
    : "";
  return `cannot reach ${url.origin} (${detail})${tls}`;
}
