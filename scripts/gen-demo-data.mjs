// Generates the bundled demo data: six weeks after the launch of a fictional product, in GitHub's
// REST shapes (what `gh api --paginate` prints). Seeded, so the output is the same on every run;
// change SEED or the knobs below to extend it. Usage: node scripts/gen-demo-data.mjs [OUT_DIR]
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { mulberry32 } from "./prng.mjs";

const OUT = process.argv[2] ?? "examples/demo";
const SEED = 20261012;
const REPO = "northwind/aurora";
const LAUNCH = Date.parse("2026-10-12T16:00:00Z"); // T+0, a Monday (2026-W42)
const END = Date.parse("2026-11-22T20:00:00Z"); // end of 2026-W47
const HOUR = 3600_000;
const DAY = 24 * HOUR;

const random = mulberry32(SEED);
const pick = (list) => list[Math.floor(random() * list.length)];
const iso = (ms) => new Date(Math.round(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
const url = (kind, n) => `https://github.com/${REPO}/${kind}/${n}`;

const members = ["maya-chen", "tobias-w", "priya-k", "leo-martin"];
const community = ["sam-ortiz", "ines-b", "kwame-a", "yuki-t", "olga-n", "dev-raj", "fatima-z", "jonas-h"];
const areas = [
  "sync",
  "editor",
  "search",
  "export",
  "login",
  "offline mode",
  "attachments",
  "sharing",
  "settings",
  "mobile",
];
const symptoms = [
  "crashes when",
  "is slow when",
  "loses the cursor when",
  "shows a blank page after",
  "duplicates notes after",
  "fails silently when",
  "hangs on",
];
const triggers = [
  "opening a large notebook",
  "switching accounts",
  "resuming from sleep",
  "pasting an image",
  "renaming a folder",
  "the network drops",
  "importing from Markdown",
];
const severities = [
  ["P0", 0.03],
  ["P1", 0.12],
  ["P2", 0.4],
  ["P3", 0.3],
  [null, 0.15],
];

function severity() {
  let r = random();
  for (const [label, weight] of severities) {
    r -= weight;
    if (r < 0) return label;
  }
  return null;
}

const issues = [];
const comments = [];
const events = [];
const pulls = [];
let number = 1;
let commentId = 9_000_000;
let eventId = 7_000_000;

function user(login) {
  return { login, type: login.endsWith("[bot]") ? "Bot" : "User" };
}

// Issues: busiest in the first week, tapering off.
for (let i = 0; i < 300; i++) {
  const t = LAUNCH + random() ** 1.8 * (END - LAUNCH - 6 * HOUR);
  const sev = severity();
  const area = pick(areas);
  const author = random() < 0.8 ? pick(community) : pick(members);
  const labelledLate = sev !== null && random() < 0.35;
  const labels = ["bug"];
  if (sev && !labelledLate) labels.push(sev);
  if (random() < 0.05) labels.push(pick(["security", "data-integrity", "frequent", "regression"]));
  const affected = sev === "P1" ? Math.round(random() * 30) : Math.round(random() * 5);
  const n = number++;
  const issue = {
    number: n,
    title: `${area[0].toUpperCase()}${area.slice(1)} ${pick(symptoms)} ${pick(triggers)}`,
    state: "open",
    state_reason: null,
    html_url: url("issues", n),
    body: `### Severity\n\n${sev ? { P0: "P0 — critical", P1: "P1 — high", P2: "P2 — medium", P3: "P3 — low" }[sev] : "_No response_"}\n\n### Affected users (%)\n\n${affected}\n\n### What happened?\n\nReported after the launch of Aurora 1.0.`,
    user: user(author),
    author_association: members.includes(author) ? "MEMBER" : "NONE",
    labels: labels.map((name) => ({ name })),
    milestone: { title: t < LAUNCH + 14 * DAY ? "Stabilization" : "1.2" },
    created_at: iso(t),
    updated_at: iso(t),
    closed_at: null,
    comments: 0,
    reactions: { "+1": random() < 0.05 ? 10 + Math.floor(random() * 20) : Math.floor(random() * 4) },
  };
  if (labelledLate) {
    const at = t + random() * 6 * HOUR;
    labels.push(sev);
    issue.labels = labels.map((name) => ({ name }));
    events.push({
      id: eventId++,
      event: "labeled",
      created_at: iso(at),
      actor: user(pick(members)),
      label: { name: sev },
      issue: { number: n },
    });
  }
  // A first response from the team, quicker for severe issues; sometimes a bot first.
  const responseHours = { P0: 0.05, P1: 0.6, P2: 3, P3: 16 }[sev] ?? 6;
  if (random() < 0.15) {
    comments.push(comment(n, "launchgate-bot[bot]", "NONE", t + 60_000, "Thanks! A maintainer will triage this soon."));
  }
  if (random() < 0.9) {
    const at = t + responseHours * HOUR * (0.3 + random() * 1.6);
    if (at < END) comments.push(comment(n, pick(members), "MEMBER", at, "Thanks for the report — reproducing now."));
  }
  // Resolution: most get fixed, quicker for higher severity.
  const fixDays = { P0: 0.12, P1: 0.8, P2: 5, P3: 12 }[sev] ?? 8;
  const closeAt = t + fixDays * DAY * (0.3 + random() * 1.5);
  if (closeAt < END && random() < ({ P0: 1, P1: 0.95 }[sev] ?? 0.8)) {
    issue.state = "closed";
    issue.state_reason = random() < 0.9 ? "completed" : "not_planned";
    issue.closed_at = iso(closeAt);
    issue.updated_at = issue.closed_at;
    if (issue.state_reason === "completed") pulls.push(fixPull(issue, closeAt));
  }
  issue.comments = comments.filter((c) => c.issue_url.endsWith(`/issues/${n}`)).length;
  issues.push(issue);
}

function comment(n, login, association, at, body) {
  const c = {
    id: commentId++,
    issue_url: `https://api.github.com/repos/${REPO}/issues/${n}`,
    html_url: `${url("issues", n)}#issuecomment-${commentId}`,
    user: user(login),
    author_association: association,
    created_at: iso(at),
    updated_at: iso(at),
    body,
  };
  return c;
}

function fixPull(issue, mergedAt) {
  const author = random() < 0.25 ? pick(community) : pick(members);
  const n = number++;
  return {
    number: n,
    title: `Fix: ${issue.title.toLowerCase()}`,
    state: "closed",
    html_url: url("pull", n),
    body: `Fixes #${issue.number}`,
    user: user(author),
    author_association: members.includes(author) ? "MEMBER" : "CONTRIBUTOR",
    labels: [{ name: "bug" }],
    created_at: iso(mergedAt - 6 * HOUR),
    closed_at: iso(mergedAt),
    merged_at: iso(mergedAt),
    base: { ref: "main" },
    head: { ref: `fix/${issue.number}` },
  };
}

// Feature, UX and performance work landing after the first two weeks.
const features = [
  ["Tags in the sidebar", "feature"],
  ["Redesigned share dialog", "ux"],
  ["Search index rebuild: 35% faster queries", "performance"],
  ["Export to PDF", "enhancement"],
  ["Sync batching: 22% less time to first sync", "performance"],
];
for (const [i, [title, label]] of features.entries()) {
  const at = LAUNCH + (16 + i * 5) * DAY + random() * DAY;
  const n = number++;
  const author = pick([...members, ...community]);
  pulls.push({
    number: n,
    title,
    state: "closed",
    html_url: url("pull", n),
    body: `${title}.`,
    user: user(author),
    author_association: members.includes(author) ? "MEMBER" : "CONTRIBUTOR",
    labels: [{ name: label }],
    created_at: iso(at - 2 * DAY),
    closed_at: iso(at),
    merged_at: iso(at),
    base: { ref: "main" },
    head: { ref: `feat/${n}` },
  });
}

const releases = [
  ["v1.0.0", 0, 1200],
  ["v1.0.1", 4.1, 2600],
  ["v1.0.2", 11.2, 3100],
  ["v1.1.0", 25.3, 2900],
  ["v1.1.1", 33.4, 1400],
].map(([tag, day, downloads], i) => ({
  id: 500 + i,
  tag_name: tag,
  name: `Aurora ${tag}`,
  html_url: `https://github.com/${REPO}/releases/tag/${tag}`,
  draft: false,
  prerelease: false,
  created_at: iso(LAUNCH + day * DAY),
  published_at: iso(LAUNCH + day * DAY),
  assets: [
    { name: `aurora-${tag}-linux.tar.gz`, download_count: Math.round(downloads * 0.4) },
    { name: `aurora-${tag}-mac.dmg`, download_count: Math.round(downloads * 0.6) },
  ],
}));

// The issues API lists pull requests too (with a `pull_request` key); consumers must skip them.
const issuesAndPulls = [
  ...issues,
  ...pulls.map((p) => ({
    number: p.number,
    title: p.title,
    state: p.state,
    state_reason: null,
    html_url: p.html_url,
    body: p.body,
    user: p.user,
    author_association: p.author_association,
    labels: p.labels,
    created_at: p.created_at,
    updated_at: p.closed_at,
    closed_at: p.closed_at,
    comments: 0,
    pull_request: { url: p.html_url, merged_at: p.merged_at },
  })),
];

// gh prints newest first; pages of 100 back to back, as `gh api --paginate` does.
const pages = (list) =>
  Array.from({ length: Math.ceil(list.length / 100) }, (_, i) =>
    JSON.stringify(list.slice(i * 100, i * 100 + 100), null, 1),
  ).join("\n");
const newestFirst = (list) => [...list].sort((a, b) => b.number - a.number);
await mkdir(OUT, { recursive: true });
await writeFile(join(OUT, "issues.json"), `${pages(newestFirst(issuesAndPulls))}\n`);
await writeFile(join(OUT, "comments.json"), `${pages(comments.sort((a, b) => a.id - b.id))}\n`);
await writeFile(join(OUT, "events.json"), `${pages(events)}\n`);
await writeFile(join(OUT, "pulls.json"), `${pages(newestFirst(pulls))}\n`);
await writeFile(join(OUT, "releases.json"), `${JSON.stringify([...releases].reverse(), null, 1)}\n`);
// Metrics: hourly samples of error rate, crash rate, uptime and weekly active users, plus a
// three-minute error-rate spike on 2026-11-20 (minute samples) that trips the rollback rule.
const series = { error_rate: [], crash_rate: [], uptime: [], awu: [] };
for (let t = LAUNCH; t < END; t += HOUR) {
  const day = (t - LAUNCH) / DAY;
  const settle = Math.exp(-day / 6);
  series.error_rate.push({ at: iso(t), value: round(0.6 + 3.2 * settle + random() * 0.6, 2) });
  series.crash_rate.push({ at: iso(t), value: round(0.02 + 0.12 * settle + random() * 0.02, 3) });
  series.uptime.push({ at: iso(t), value: round(99.6 + random() * 0.4 - (random() < 0.01 ? 2 : 0), 2) });
  if ((t - LAUNCH) % DAY === 0) series.awu.push({ at: iso(t), value: Math.round(120 + day * 9 + random() * 20) });
}
const spike = Date.parse("2026-11-20T14:00:00Z");
series.error_rate = series.error_rate.filter((x) => Math.abs(Date.parse(x.at) - spike) > 10 * 60_000);
for (let m = -2; m <= 5; m++) {
  const value = m >= 0 && m <= 3 ? 11 + m * 0.8 : 1.2;
  series.error_rate.push({ at: iso(spike + m * 60_000), value });
}
series.error_rate.sort((a, b) => a.at.localeCompare(b.at));
const units = { error_rate: '"%"', crash_rate: '"%"', uptime: '"%"', awu: "users" };
const metricsYaml = [
  "# Demo metrics: hourly samples after the launch, with an error-rate spike on 2026-11-20.",
  "metrics:",
  ...Object.entries(series).flatMap(([name, samples]) => [
    `  ${name}:`,
    `    unit: ${units[name]}`,
    "    samples:",
    ...samples.map((x) => `      - { at: ${x.at}, value: ${x.value} }`),
  ]),
].join("\n");

// Gates part-way signed off: the go/no-go is complete, production go-live about two thirds done.
async function tickedGate(template, share) {
  const text = await readFile(join("templates", "gates", template), "utf8");
  return text.replace(/^(\s*(?:[-*+]|\d+[.)]) )\[ \]/gm, (all, bullet) => (random() < share ? `${bullet}[x]` : all));
}

const notes = {
  "2026-W42": [
    ["Aurora 1.0 launched on schedule; the pilot cohort moved to general availability on day two"],
    ["A sync crash on resume from sleep hit early adopters on launch day"],
    ["Ship the sync fix as v1.0.1", "Clear the untriaged queue every morning"],
  ],
  "2026-W44": [
    ["First community pull request merged (export fix)"],
    ["Search is slow on large notebooks"],
    ["Search index rebuild", "Stabilize offline mode"],
  ],
  "2026-W47": [
    ["v1.1.1 shipped with sync batching"],
    ["Error-rate spike on Friday afternoon after the sharing rollout"],
    ["Root-cause the spike before the next release", "Hand stabilization over to the product team"],
  ],
};
const notesFile = ([highlights, challenges, focus]) =>
  [
    "# Notes for the week",
    "",
    "## Highlights",
    ...highlights.map((x) => `- ${x}`),
    "",
    "## Challenges",
    ...challenges.map((x) => `- ${x}`),
    "",
    "## Next week focus",
    ...focus.map((x) => `- ${x}`),
    "",
  ].join("\n");

const config = `# Demo configuration (the same format as .github/launchgate.yml).
launch:
  date: "2026-10-12"
  timezone: Europe/Berlin
`;

await mkdir(join(OUT, "gates"), { recursive: true });
await mkdir(join(OUT, "notes"), { recursive: true });
await writeFile(join(OUT, "metrics.yml"), `${metricsYaml}\n`);
await writeFile(join(OUT, "gates", "launch-go-no-go.md"), await tickedGate("launch-go-no-go.md", 1));
await writeFile(join(OUT, "gates", "production-go-live.md"), await tickedGate("production-go-live.md", 0.65));
for (const [week, content] of Object.entries(notes))
  await writeFile(join(OUT, "notes", `${week}.md`), notesFile(content));
await writeFile(join(OUT, "launchgate.yml"), config);

function round(value, digits) {
  return Number(value.toFixed(digits));
}

process.stdout.write(
  `wrote ${issues.length} issues, ${comments.length} comments, ${events.length} label events, ${pulls.length} pulls, ${releases.length} releases to ${OUT}\n`,
);
