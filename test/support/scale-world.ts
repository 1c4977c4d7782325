import { World } from "./fake-github/model.js";

/**
 * A repository of `issues` issues shaped like the issue's scale target: each with 3 comments
 * (reporter, bot, maintainer) and 2 label events (its labels applied at creation), an issue-form
 * body (severity and affected-users answers among free text the report never reads), every
 * fourth one closed (with its `closed` event and reason), every tenth with a milestone and 👍.
 * Deterministic: the same `issues` gives the same world. Used by the report tests and
 * `npm run bench -- scale`.
 */

export const SCALE_REPO = "acme/shop";
export const SCALE_START = Date.parse("2026-08-03T09:00:00Z");
const SEVERITIES = ["P0", "P1", "P2", "P2", "P3", "P3", "P3", "P3"] as const;
const REASONS = ["completed", "not_planned", "completed", "duplicate"] as const;

export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** Issue n's creation: spread over the 16 weeks since the launch, in creation order. */
export function createdAt(n: number, issues: number): number {
  return SCALE_START + Math.floor(((n - 1) * 16 * 7 * 86_400_000) / Math.max(1, issues));
}

export function scaleWorld(issues: number): World {
  const world = new World(iso(SCALE_START));
  const repo = world.repo(SCALE_REPO);
  repo.collaborators.set("maintainer", "write");
  world.user("helper[bot]", "Bot");
  for (let n = 1; n <= issues; n++) addScaleIssue(world, n, issues);
  return world;
}

export function addScaleIssue(world: World, n: number, issues: number): void {
  const repo = world.repo(SCALE_REPO);
  const created = createdAt(n, issues);
  const severity = SEVERITIES[n % SEVERITIES.length] as string;
  const reporter = `user${n % 997}`;
  const closed = n % 4 === 0;
  const closedAt = created + 3 * 86_400_000;
  const issue = repo.addIssue({
    number: n,
    title: `Checkout fails with error ${n % 89} on step ${n % 7}`,
    user: reporter,
    body: [
      "### What happened?",
      "",
      `After the update the checkout page shows error ${n % 89} when the cart holds ${n % 13} items. Steps: open the cart, apply a coupon, press pay.`,
      "",
      "### Severity",
      "",
      severity,
      "",
      "### Affected users (%)",
      "",
      String(n % 30),
      "",
    ].join("\n"),
    labels: ["bug", severity],
    state: closed ? "closed" : "open",
    createdAt: iso(created),
    updatedAt: iso(closed ? closedAt : created + 2 * 3_600_000),
    ...(closed ? { closedAt: iso(closedAt) } : {}),
  });
  if (n % 10 === 0) {
    issue.milestone = `Phase ${n % 3}`;
    issue.thumbsUp = n % 17;
  }
  if (closed) {
    const reason = REASONS[(n / 4) % REASONS.length] as string;
    issue.stateReason = reason;
    repo.events.push({
      id: world.nextId(),
      issue: n,
      event: "closed",
      actor: "maintainer",
      stateReason: reason,
      createdAt: iso(closedAt),
    });
  }
  const authors = [reporter, "helper[bot]", "maintainer"];
  authors.forEach((user, k) => {
    const at = iso(created + (k + 1) * 20 * 60_000);
    repo.comments.push({ id: world.nextId(), issue: n, user, body: "…", createdAt: at, updatedAt: at });
  });
}

/**
 * A week of activity on `share` of the issues (every 1/share-th): a maintainer comment and a
 * label change each, dated `at`, as GitHub records them (the issue's `updatedAt` moves).
 */
export function touchIssues(world: World, share: number, at: number): number[] {
  const repo = world.repo(SCALE_REPO);
  const step = Math.round(1 / share);
  const touched: number[] = [];
  for (const issue of repo.issues.values()) {
    if (issue.number % step !== 0) continue;
    const when = iso(at);
    repo.comments.push({
      id: world.nextId(),
      issue: issue.number,
      user: "maintainer",
      body: "Looking into it",
      createdAt: when,
      updatedAt: when,
    });
    issue.labels.push("investigating");
    repo.label("investigating");
    repo.events.push({
      id: world.nextId(),
      issue: issue.number,
      event: "labeled",
      actor: "maintainer",
      label: "investigating",
      createdAt: when,
    });
    issue.updatedAt = when;
    touched.push(issue.number);
  }
  return touched;
}
