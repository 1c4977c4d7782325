import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { breachViews } from "../../site/src/lib/breaches.js";
import { criteriaResultSchema } from "../../src/criteria/result.js";
import { parseSnapshot } from "../../src/snapshot/parse.js";
import { triageResultSchema } from "../../src/triage/result.js";
import { runCli } from "../support/run-cli.js";

/**
 * One definition of an SLA breach: for the same data at the same instant, the demo summary, the
 * snapshot the site's cards and RSS read, `launchgate triage` and the readiness detail show the same
 * figure (they used to show 60 and 45). The demo's last week is judged at the demo's "now", the
 * instant triage and criteria run at.
 */
describe("the same number everywhere (the bundled demo)", () => {
  it("SLA breaches: demo summary = triage = snapshot (site cards, RSS) = readiness detail", () => {
    const out = mkdtempSync(join(tmpdir(), "launchgate-same-number-"));
    const run = runCli(["demo", "--no-site", "--out", out]);
    expect(run.code).toBe(0);
    const summary = Number(/(\d+) SLA breaches/.exec(run.stdout)?.[1]);
    const triage = triageResultSchema.parse(JSON.parse(readFileSync(join(out, "triage.json"), "utf8")));
    const criteria = criteriaResultSchema.parse(JSON.parse(readFileSync(join(out, "criteria.json"), "utf8")));
    const latest = readdirSync(join(out, "snapshots")).sort().at(-1) as string;
    const snapshot = parseSnapshot(readFileSync(join(out, "snapshots", latest), "utf8"), latest);
    const readiness = criteria.readinessParts.find((p) => p.id === "sla")?.detail ?? "";

    expect(triage.breaches.length).toBeGreaterThan(0);
    expect(summary).toBe(triage.breaches.length);
    expect(snapshot.sla.breaches.length).toBe(triage.breaches.length);
    expect(breachViews(snapshot).open.length).toBe(triage.breaches.length);
    expect(readiness).toMatch(new RegExp(`^${triage.breaches.length} SLA breach\\(es\\)`));
    // The same breaches, not just as many.
    const key = (b: { number: number; clock: string }) => `${b.number}:${b.clock}`;
    expect(snapshot.sla.breaches.map(key).sort()).toEqual(triage.breaches.map(key).sort());
    // The decision, readiness and status never contradict without saying why on the same line.
    expect(snapshot.release.decision).toBe(criteria.decision);
    if (["rollback", "hotfix", "consider-rollback"].includes(criteria.decision)) {
      expect(criteria.readinessNote).toMatch(/regardless of readiness/);
      expect(snapshot.status.overall).not.toBe("green");
      expect(snapshot.status.reasons.map((r) => r.rule)).toContain(`decision:${criteria.decision}`);
    }
  });
});
