/**
 * Generates a valid snapshot history (schema version 1) for the site benchmark: `weeks` ISO weeks of
 * 2026 and `issues` issues spread over them, each opened in one week and (mostly) fixed a few weeks
 * later. Deterministic (seeded), so runs compare.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { mulberry32 } from "../scripts/prng.mjs";

const DAY = 86_400_000;
const SEVERITIES = ["P0", "P1", "P2", "P3"];

const iso = (ms) => new Date(ms).toISOString().replace(".000Z", "Z");
const weekId = (n) => `2026-W${String(n).padStart(2, "0")}`;
/** Monday of 2026-W01. */
const W01 = Date.UTC(2025, 11, 29);

export async function writeSnapshotHistory(dir, { weeks = 52, issues = 10_000, seed = 7 } = {}) {
  const random = mulberry32(seed);
  const repo = { owner: "acme", name: "rocket", fullName: "acme/rocket", url: "https://github.com/acme/rocket" };
  const all = Array.from({ length: issues }, (_, i) => {
    const opened = W01 + random() * weeks * 7 * DAY;
    const severity = random() < 0.08 ? null : SEVERITIES[Math.min(3, Math.floor(random() * random() * 5))];
    const closed = random() < 0.85 ? opened + random() * 21 * DAY : Number.POSITIVE_INFINITY;
    return { number: i + 1, opened, closed, severity, title: `Issue ${i + 1}: something ${severity ?? "new"} broke` };
  });
  await mkdir(dir, { recursive: true });
  let previous = null;
  for (let w = 1; w <= weeks; w++) {
    const start = W01 + (w - 1) * 7 * DAY;
    const end = start + 7 * DAY;
    const open = all.filter((i) => i.opened < end && i.closed >= end);
    const counts = (sev) => {
      const mine = all.filter((i) => i.severity === sev);
      return {
        open: mine.filter((i) => i.opened < end && i.closed >= end).length,
        new: mine.filter((i) => i.opened >= start && i.opened < end).length,
        fixed: mine.filter((i) => i.closed >= start && i.closed < end).length,
      };
    };
    const bySeverity = {
      P0: counts("P0"),
      P1: counts("P1"),
      P2: counts("P2"),
      P3: counts("P3"),
      untriaged: counts(null),
    };
    const breaches = open
      .filter((i) => i.severity && i.severity !== "P3" && end - i.opened > 7 * DAY)
      .slice(0, 200)
      .map((i) => ({
        number: i.number,
        title: i.title,
        url: `${repo.url}/issues/${i.number}`,
        severity: i.severity,
        clock: "resolution",
        dueAt: iso(i.opened + 7 * DAY),
        stoppedAt: null,
      }));
    const sla = () => ({
      met: Math.floor(random() * 20),
      missed: Math.floor(random() * 3),
      pending: 2,
      breached: 1,
      compliance: 90,
    });
    const errorRate = Math.round(random() * 700) / 100;
    const crashRate = Math.round(random() * 20) / 100;
    const downloads = 1000 * w + Math.floor(random() * 500);
    const stars = 50 * w + Math.floor(random() * 40);
    const snapshot = {
      schemaVersion: 1,
      generatedAt: iso(end - 3600_000),
      backfilled: false,
      previousWeek: previous?.week.id ?? null,
      schedule: { cadenceDays: 7, staleAfter: iso(end + 8 * DAY) },
      repo,
      week: { id: weekId(w), start: iso(start), end: iso(end), timeZone: "UTC" },
      launch: {
        date: "2025-12-29",
        day: (w - 1) * 7 + 6,
        phase: w === 1 ? "high-alert" : w === 2 ? "medium-alert" : w <= 5 ? "steady" : "weekly",
      },
      status: {
        overall: bySeverity.P0.open > 0 || errorRate >= 5 ? "red" : crashRate >= 0.1 ? "yellow" : "green",
        reasons: [
          ...(bySeverity.P0.open > 0
            ? [{ rule: "open-p0", level: "red", message: `${bySeverity.P0.open} P0 issues open` }]
            : []),
          ...(errorRate >= 5 ? [{ rule: "error-rate", level: "red", message: `error rate ${errorRate} % ≥ 5 %` }] : []),
        ],
      },
      gates: [
        {
          id: "go-live",
          title: "Production go-live",
          path: "launch/gates/go-live.md",
          total: 3,
          done: 2,
          required: 2,
          requiredDone: 2,
          passed: true,
          tasks: [
            {
              heading: "TASK 1 — Infrastructure",
              total: 3,
              done: 2,
              required: 2,
              requiredDone: 2,
              items: [
                {
                  line: 5,
                  text: "CDN configured @ops",
                  checked: true,
                  owners: ["ops"],
                  optional: false,
                  waived: false,
                  signedOffBy: "ops",
                },
                {
                  line: 6,
                  text: "Backups verified @ops",
                  checked: true,
                  owners: ["ops"],
                  optional: false,
                  waived: false,
                  signedOffBy: "ops",
                },
                {
                  line: 7,
                  text: "Status page (optional)",
                  checked: false,
                  owners: [],
                  optional: true,
                  waived: false,
                  signedOffBy: null,
                },
              ],
            },
          ],
        },
      ],
      issues: {
        bySeverity,
        untriaged: bySeverity.untriaged.open,
        open: open.map((i) => ({
          number: i.number,
          title: i.title,
          url: `${repo.url}/issues/${i.number}`,
          severity: i.severity,
          phase: "weekly",
          labels: i.severity ? [i.severity, "bug"] : ["bug"],
          createdAt: iso(i.opened),
          triage: i.severity
            ? null
            : { state: end - i.opened > DAY ? "breached" : "pending", dueAt: iso(i.opened + DAY) },
          response: i.severity ? { state: "met", dueAt: iso(i.opened + 3600_000) } : null,
          resolution: i.severity
            ? { state: end - i.opened > 7 * DAY ? "breached" : "pending", dueAt: iso(i.opened + 7 * DAY) }
            : null,
        })),
        openOmitted: 0,
      },
      sla: { bySeverity: { P0: sla(), P1: sla(), P2: sla(), P3: sla() }, breaches },
      release: {
        decision: bySeverity.P0.open > 0 ? "hotfix" : "none",
        readiness: Math.round(random() * 100),
        fired: [],
      },
      metrics: [
        {
          name: "error_rate",
          value: errorRate,
          unit: "%",
          target: 5,
          comparison: "<",
          level: "must-have",
          status: errorRate < 5 ? "ok" : "missed",
        },
        {
          name: "crash_rate",
          value: crashRate,
          unit: "%",
          target: 0.1,
          comparison: "<",
          level: "must-have",
          status: crashRate < 0.1 ? "ok" : "missed",
        },
        {
          name: "active_weekly_users",
          value: 20 * w,
          unit: "",
          target: 150,
          comparison: ">=",
          level: "target",
          status: 20 * w >= 150 ? "ok" : "missed",
        },
      ],
      downloads: { total: downloads, delta: previous ? downloads - previous.downloads.total : null },
      stars: { total: stars, delta: previous ? stars - previous.stars.total : null },
      community: {
        mergedPulls: 1,
        pulls: [
          {
            number: 9000 + w,
            title: "Fix typo",
            url: `${repo.url}/pull/${9000 + w}`,
            author: "friend",
            mergedAt: iso(start + DAY),
          },
        ],
      },
      notes: {
        highlights: [`Week ${w} shipped`],
        challenges: ["Flaky CI"],
        focus: ["Fix P1s", "Docs"],
        source: "notes-file",
      },
    };
    await writeFile(path.join(dir, `${snapshot.week.id}.json`), JSON.stringify(snapshot));
    previous = snapshot;
  }
}
