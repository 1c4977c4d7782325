import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { startTestProxy, type TestProxy } from "./proxy.js";
import { type TestCertificate, testCertificate } from "./test-certificate.js";

/** GitHub Enterprise Server's host name in a company network; only the test proxy resolves it. */
export const COMPANY_HOST = "github.corp.test";

/** `node --import` this to give a process a hosts entry for COMPANY_HOST (the NO_PROXY cases). */
export const HOSTS_ENTRY = join(import.meta.dirname, "hosts.mjs");

export interface CompanyNetwork {
  /** The company's certificate for COMPANY_HOST (trusted through NODE_EXTRA_CA_CERTS). */
  certificate: TestCertificate;
  /** The company's forward proxy, recording each tunnel. */
  proxy: TestProxy;
}

/**
 * A company network for the tests of one file: a certificate for COMPANY_HOST and a recording
 * proxy, made before the file's tests and removed after them. Its fields are set in `beforeAll`.
 */
export function companyNetwork(): CompanyNetwork {
  const network = {} as CompanyNetwork;
  let dir = "";
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "launchgate-company-"));
    network.certificate = testCertificate(COMPANY_HOST, dir);
    network.proxy = await startTestProxy();
  });
  afterAll(async () => {
    await network.proxy?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return network;
}
