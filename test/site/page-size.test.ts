import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Severity, type SlaBreach, type Snapshot, snapshotSchema } from "../../src/snapshot/schema.js";
import { type BuiltSite, buildSite } from "./build-site.js";

/**
 * Issue 16: no page over 500 kB with 4,000 open issues. A generated week with 4,000 open issues, every
 * one listed in the snapshot (no `openOmitted` cap), 3,000 SLA breaches and a release rule citing
 * every open P1 as evidence, built as a real site: every file it writes stays within the budget,
 * and the paginated lists still show every issue, every breach and every piece of evidence exactly
 * once.
 */

const LIMIT = 500_000;
const OPEN = 4_000;
const BREACHES = 3_000;
const FIXTURE = new URL("../fixtures/snapshots/2026-W48.json", import.meta.url);

/** A week of a large launch: labels, phases and all three SLA clocks, like a real triage export. */
function largeWeek(base: Snapshot, open: number, breaches: number): Snapshot {
  const severities: (Severity | null)[] = ["P0", "P1", "P1", "P2", "P2", "P2", "P3", "P3", "P3", null];
  const issues = Array.from({ length: open }, (_, i) => {
    const number = 10_000 + i;
    const severity = severities[i % severities.length] ?? null;
    const createdAt = new Date(Date.parse("2026-10-12T08:00:00Z") + i * 997_000).toISOString();
    const due = new Date(Date.parse(createdAt) + 86_400_000).toISOString();
    return {
      number,
      title: `Sync drops edits made offline on a shared notebook after reconnecting (case ${number})`,
      url: `${base.repo.url}/issues/${number}`,
      severity,
      phase: "5",
      labels: [...(severity ? [severity] : []), "bug", "area:sync", "phase:5"],
      createdAt,
      triage: severity ? null : { state: "breached" as const, dueAt: due },
      response: severity ? { state: i % 3 === 0 ? ("breached" as const) : ("met" as const), dueAt: due } : null,
      resolution: severity ? { state: "pending" as const, dueAt: due } : null,
    };
  });
  const count = (sev: Severity | null) => issues.filter((i) => i.severity === sev).length;
  const bySeverity = Object.fromEntries(
    (["P0", "P1", "P2", "P3", "untriaged"] as const).map((key) => [
      key,
      { open: count(key === "untriaged" ? null : key), new: 0, fixed: 0 },
    ]),
  ) as Snapshot["issues"]["bySeverity"];
  const slaBreaches: SlaBreach[] = issues.slice(0, breaches).map((issue) => ({
    number: issue.number,
    title: issue.title,
    url: issue.url,
    severity: issue.severity,
    clock: issue.severity ? "response" : "triage",
    dueAt: base.week.start,
    stoppedAt: null,
  }));
  const evidence = issues
    .filter((issue) => issue.severity === "P1")
    .map((issue) => ({
      kind: "issue" as const,
      label: `issue #${issue.number}`,
      title: issue.title,
      url: issue.url,
      text: `P1 affecting ${issue.number % 40} % of users`,
    }));
  const fired = {
    id: "hotfix.p1-affected-users",
    outcome: "fire" as const,
    reason: "an open P1 affecting > 20 % of users",
    rule: "an open P1 affecting > 20 % of users",
    evidence,
  };
  return snapshotSchema.parse({
    ...base,
    issues: { bySeverity, untriaged: count(null), open: issues, openOmitted: 0 },
    sla: { ...base.sla, breaches: slaBreaches },
    release: { ...base.release, decision: "hotfix", fired: [fired] },
  });
}

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe(`the site with ${OPEN.toLocaleString("en-US")} open issues`, () => {
  let work: string;
  let built: BuiltSite;
  let week: Snapshot;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), "launchgate-large-"));
    week = largeWeek(JSON.parse(await readFile(FIXTURE, "utf8")) as Snapshot, OPEN, BREACHES);
    await writeFile(path.join(work, `${week.week.id}.json`), JSON.stringify(week));
    const now = new Date(Date.parse(week.schedule.staleAfter) - 3_600_000).toISOString();
    built = await buildSite({ snapshots: work, base: "/", now });
  }, 300_000);

  afterAll(async () => {
    await built?.remove();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("writes no page over 500 kB", async () => {
    const sizes = await Promise.all(
      (await files(built.dist)).map(async (file) => ({
        file: path.relative(built.dist, file),
        bytes: (await stat(file)).size,
      })),
    );
    expect(sizes.length).toBeGreaterThan(40);
    const over = sizes.filter((s) => s.bytes > LIMIT);
    expect(over).toEqual([]);
  });

  it("still lists every open issue once across the triage column pages, and every breach", async () => {
    const html = await files(built.dist);
    const issuesIn = async (dir: string) => {
      const numbers: string[] = [];
      for (const file of html.filter((f) => f.startsWith(path.join(built.dist, dir) + path.sep))) {
        numbers.push(...[...(await readFile(file, "utf8")).matchAll(/<li data-issue="(\d+)"/g)].map((m) => m[1] ?? ""));
      }
      return numbers;
    };
    const listed = (
      await Promise.all(["p0", "p1", "p2", "p3", "untriaged"].map((col) => issuesIn(path.join("triage", col))))
    ).flat();
    expect(listed.length).toBe(OPEN);
    expect(new Set(listed).size).toBe(OPEN);
    const breachRows: string[] = [];
    for (const file of html.filter((f) => f.includes(`${path.sep}breaches${path.sep}all${path.sep}`))) {
      breachRows.push(
        ...[...(await readFile(file, "utf8")).matchAll(/<tr data-issue="(\d+)"/g)].map((m) => m[1] ?? ""),
      );
    }
    expect(breachRows.length).toBe(BREACHES);
  });

  it("shows a rule's first pieces of evidence on the report and lists all of them, once, on its evidence pages", async () => {
    const html = await files(built.dist);
    const cited = (text: string) => [...text.matchAll(/>issue #(\d+)<\/a>/g)].map((m) => m[1] ?? "");
    const p1s = week.issues.open.filter((i) => i.severity === "P1").map((i) => String(i.number));
    const report = await readFile(path.join(built.dist, "reports", week.week.id, "index.html"), "utf8");
    expect(cited(report)).toEqual(p1s.slice(0, 20));
    expect(report).toContain(`All ${p1s.length.toLocaleString("en-US")} pieces of evidence`);
    const prefix = path.join(built.dist, "reports", week.week.id, "evidence", "hotfix-p1-affected-users") + path.sep;
    const listed: string[] = [];
    for (const file of html
      .filter((f) => f.startsWith(prefix))
      .sort((a, b) => a.length - b.length || a.localeCompare(b)))
      listed.push(...cited(await readFile(file, "utf8")));
    expect(listed.sort()).toEqual([...p1s].sort());
  });
});
