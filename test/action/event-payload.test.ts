import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION } from "../support/run-action.js";

// The built Action reads the event through @actions/github's context, which parses the payload
// file as it loads: a broken payload must still end as one error line, not a stack trace.
describe("Action event payload", () => {
  it("reports a payload that is not JSON in one line naming the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "launchgate-payload-"));
    const payload = join(dir, "event.json");
    writeFileSync(payload, "{not json");
    const run = spawnSync(process.execPath, [ACTION], {
      env: {
        PATH: process.env.PATH,
        GITHUB_EVENT_NAME: "pull_request",
        GITHUB_EVENT_PATH: payload,
        GITHUB_REPOSITORY: "acme/shop",
        INPUT_TOKEN: "t",
      },
      encoding: "utf8",
    });
    expect(run.status).not.toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^::error::launchgate: ${payload}: cannot read the event payload: `, "m"));
    expect(run.stderr).not.toMatch(/SyntaxError|at /);
  });
});
