import { isMap, LineCounter, parseDocument } from "yaml";
import { parseConfig } from "../config/load.js";
import type { Config } from "../config/schema.js";
import type { Check } from "../doctor/check.js";
import { InputError } from "../errors.js";
import { EVENT_MODES, type Mode } from "../event-modes.js";
import { readGateDocument } from "../gates/document.js";
import { globToRegExp, isGlob } from "../gates/glob.js";
import { checkConfigPlaceholders, checkGatePlaceholders, checkLaunchDate } from "./placeholders.js";
import { checkStepUses } from "./workflow-uses.js";

/**
 * `launchgate doctor`'s checks, as pure functions over file contents: the command reads the files
 * and prints one line per check. A failed check is something that will not work (the Action errors,
 * a write is refused, an event never re-runs the gate); a warning is a likely gap.
 */

export const CONFIG_PATH = ".github/launchgate.yml";
const SCHEMA_COMMENT = /^#\s*yaml-language-server:\s*\$schema=\S+/;

const pass = (message: string): Check => ({ status: "pass", message });
const fail = (message: string, fix?: string): Check => ({ status: "fail", message, ...(fix ? { fix } : {}) });
const warn = (message: string, fix?: string): Check => ({ status: "warn", message, ...(fix ? { fix } : {}) });

export function checkConfig(text: string | null): { checks: Check[]; config: Config | null } {
  if (text === null) {
    return {
      checks: [warn(`no ${CONFIG_PATH}: every default applies`, "run `launchgate init` for an annotated config")],
      config: parseConfig("", CONFIG_PATH),
    };
  }
  try {
    const config = parseConfig(text, CONFIG_PATH);
    const checks = [pass(`${CONFIG_PATH} is valid`)];
    for (const check of [checkLaunchDate(config, CONFIG_PATH), checkConfigPlaceholders(config, CONFIG_PATH, text)]) {
      if (check) checks.push(check);
    }
    if (!SCHEMA_COMMENT.test(text.split("\n", 1)[0] ?? ""))
      checks.push(
        warn(
          `${CONFIG_PATH} has no schema comment, so editors cannot autocomplete it`,
          "make its first line `# yaml-language-server: $schema=https://raw.githubusercontent.com/launchgate/launchgate/v1/schema/launchgate.schema.json`",
        ),
      );
    return { checks, config };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { checks: [fail(error.format())], config: null };
  }
}

/** A gate entry of the config: its literal path, or for a glob the directory to list and the matcher. */
export interface GateLocation {
  pattern: string;
  /** The directory below which matches can be (the glob's literal prefix), "" for the repository root. */
  root: string;
  matches(path: string): boolean;
}

export function gateLocations(config: Config): GateLocation[] {
  return config.gates.map(({ path }) => {
    if (!isGlob(path))
      return { pattern: path, root: path.split("/").slice(0, -1).join("/"), matches: (p) => p === path };
    const literal = path.slice(0, path.search(/[*?{]/));
    const regexp = globToRegExp(path);
    return { pattern: path, root: literal.split("/").slice(0, -1).join("/"), matches: (p) => regexp.test(p) };
  });
}

/** A config entry that matches no file: the gate would fail every release PR ("no such gate"). */
export function checkGateMatches(location: GateLocation, matched: readonly string[]): Check | null {
  if (matched.length > 0) return null;
  return isGlob(location.pattern)
    ? fail(
        `gates: "${location.pattern}" matches no file`,
        "add a gate document there (`launchgate init` writes templates) or fix the pattern",
      )
    : fail(`gates: ${location.pattern} not found`, "create it or remove it from the config's gates");
}

export function checkGateFile(path: string, bytes: Uint8Array): Check {
  try {
    const doc = readGateDocument(bytes, path);
    const [warning, ...more] = doc.warnings ?? [];
    return (
      checkGatePlaceholders(doc, new TextDecoder().decode(bytes)) ??
      (warning
        ? warn(`${warning.format()}${more.length > 0 ? ` (and ${more.length} more)` : ""}`, "remove it, or ignore this")
        : pass(`gate ${path}: ${doc.items.length} items`))
    );
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return fail(error.format());
  }
}

// ---- workflows ----------------------------------------------------------------------------------

type Level = "none" | "read" | "write";

interface Need {
  scope: string;
  level: Exclude<Level, "none">;
  why: string;
}

/** The token permissions each part needs (docs/gate.md, docs/triage.md, the report and site docs). */
function needsOf(role: Mode | "site" | "pages", comment: boolean): Need[] {
  switch (role) {
    case "gate":
      return [
        { scope: "contents", level: "read", why: "config, gate files and their history" },
        { scope: "checks", level: "write", why: "the check run" },
        comment
          ? { scope: "pull-requests", level: "write", why: "the sticky comment (or set comment: false)" }
          : { scope: "pull-requests", level: "read", why: "the pull request and its description" },
      ];
    case "triage":
      return [
        { scope: "contents", level: "read", why: "the config" },
        { scope: "issues", level: "write", why: "needs-triage, severity and sla:breached labels" },
      ];
    case "report":
      return [
        { scope: "contents", level: "write", why: "snapshots on the data branch" },
        { scope: "issues", level: "read", why: "issues and comments of the week" },
        { scope: "pull-requests", level: "read", why: "merged pull requests of the week" },
      ];
    case "criteria":
      return [
        { scope: "contents", level: "read", why: "config, releases and the metrics file" },
        { scope: "issues", level: "read", why: "open issues by severity" },
      ];
    case "site":
      return [
        { scope: "contents", level: "read", why: "snapshots from the data branch" },
        { scope: "pages", level: "read", why: "the Pages URL and base path" },
      ];
    case "pages":
      return [
        { scope: "pages", level: "write", why: "deploy to GitHub Pages" },
        { scope: "id-token", level: "write", why: "the Pages deployment's OIDC token" },
      ];
  }
}

type Permissions = { all: Level } | { scopes: Record<string, Level> };

function readPermissions(value: unknown): Permissions | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === "read-all") return { all: "read" };
  if (value === "write-all") return { all: "write" };
  if (typeof value === "object" && !Array.isArray(value)) {
    const scopes: Record<string, Level> = {};
    for (const [scope, level] of Object.entries(value)) {
      if (level === "read" || level === "write" || level === "none") scopes[scope] = level;
    }
    return { scopes };
  }
  return { scopes: {} };
}

const RANK: Record<Level, number> = { none: 0, read: 1, write: 2 };

function granted(perms: Permissions, scope: string): Level {
  return "all" in perms ? perms.all : (perms.scopes[scope] ?? "none");
}

interface Trigger {
  types: string[] | null;
  branches: boolean;
}

function readTriggers(on: unknown): Map<string, Trigger> {
  const triggers = new Map<string, Trigger>();
  const events = typeof on === "string" ? [on] : Array.isArray(on) ? on : [];
  for (const event of events) if (typeof event === "string") triggers.set(event, { types: null, branches: false });
  if (on && typeof on === "object" && !Array.isArray(on)) {
    for (const [event, spec] of Object.entries(on)) {
      const s = (spec ?? {}) as Record<string, unknown>;
      const types = typeof s.types === "string" ? [s.types] : Array.isArray(s.types) ? s.types.map(String) : null;
      triggers.set(event, { types, branches: "branches" in s || "branches-ignore" in s });
    }
  }
  return triggers;
}

/** The activity types an event runs on: the listed ones, or GitHub's defaults when none are listed. */
const DEFAULT_PR_TYPES = ["opened", "synchronize", "reopened"];

/** Which launchgate part a step's `uses:` runs, if any. `./` counts only in launchgate's own repository. */
export function roleOfUses(uses: string, localAction: boolean): "action" | "site" | "pages" | null {
  const ref = uses.trim().replace(/@[^@]*$/, "");
  if (/^actions\/deploy-pages$/i.test(ref)) return "pages";
  const remote = ref.match(/^[^./][^/]*\/[^/]*launchgate[^/]*(?:\/(.+))?$/i);
  if (remote) return remote[1] === undefined ? "action" : remote[1].replace(/\/$/, "") === "site" ? "site" : null;
  if (!localAction) return null;
  const local = ref.replace(/\/+$/, "");
  if (local === "." || local === "") return uses.trim().startsWith(".") ? "action" : null;
  return local === "./site" ? "site" : null;
}

export interface WorkflowReport {
  /** Whether any step runs launchgate (the action or its site action). */
  usesLaunchgate: boolean;
  /** The Action modes its steps run in. */
  modes: Mode[];
  /** Metrics files its launchgate steps name (`with: metrics:`), with where they are named. */
  metrics: { path: string; where: string }[];
  checks: Check[];
}

/**
 * Checks one workflow file: every job with a launchgate, site or deploy-pages step has the
 * permissions its parts need, and the triggers fit the modes it runs in.
 */
export function checkWorkflow(
  path: string,
  text: string,
  options: { config: Config | null; localAction: boolean },
): WorkflowReport {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const mentions = /launchgate|uses:\s*['"]?\.\//i.test(text);
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const checks = mentions ? [fail(`${path}:${line}:${col}: invalid YAML: ${error.message.split("\n")[0]}`)] : [];
    return { usesLaunchgate: mentions, modes: [], metrics: [], checks };
  }
  const workflow = (doc.toJS() ?? {}) as Record<string, unknown>;
  const triggers = readTriggers(workflow.on);
  const jobs = (workflow.jobs && typeof workflow.jobs === "object" ? workflow.jobs : {}) as Record<string, unknown>;
  const lineOf = (keys: (string | number)[]): string => {
    const pos = findKeyLine(doc, keys);
    return pos === undefined ? path : `${path}:${lineCounter.linePos(pos).line}`;
  };

  const checks: Check[] = [];
  const modes = new Set<Mode>();
  const metrics: WorkflowReport["metrics"] = [];
  let usesLaunchgate = false;
  // What init writes (launchgate-*.yml, "name: launchgate …"): every step there is checked for a
  // `uses:` that was meant to run launchgate but points elsewhere (a typo, a stale fork).
  const launchgateWorkflow =
    /(^|\/)launchgate-[^/]*$/.test(path) || (typeof workflow.name === "string" && /launchgate/i.test(workflow.name));
  for (const [jobId, rawJob] of Object.entries(jobs)) {
    const job = (rawJob ?? {}) as Record<string, unknown>;
    const steps = Array.isArray(job.steps) ? (job.steps as Record<string, unknown>[]) : [];
    const needs: Need[] = [];
    const jobModes = new Set<Mode>();
    for (const [index, step] of steps.entries()) {
      const uses = typeof step?.uses === "string" ? step.uses : null;
      const role = uses ? roleOfUses(uses, options.localAction) : null;
      if (uses && !role && launchgateWorkflow) {
        const foreign = checkStepUses(lineOf(["jobs", jobId, "steps", index, "uses"]), step, uses);
        if (foreign) checks.push(foreign);
      }
      if (!role) continue;
      const withs = (step.with ?? {}) as Record<string, unknown>;
      if (role === "action") {
        usesLaunchgate = true;
        if (typeof withs.metrics === "string" && withs.metrics.trim() !== "") {
          metrics.push({
            path: withs.metrics.trim(),
            where: lineOf(["jobs", jobId, "steps", index, "with", "metrics"]),
          });
        }
        const stepModes = modesOfStep(withs.mode, triggers);
        if (stepModes.length === 0) {
          checks.push(
            fail(
              `${lineOf(["jobs", jobId])}: job ${jobId}: no mode for its events (${[...triggers.keys()].join(", ") || "none"})`,
              "set `with: mode: gate | triage | report | criteria`",
            ),
          );
        }
        const comment = String(withs.comment ?? "true").toLowerCase() !== "false";
        for (const mode of stepModes) {
          jobModes.add(mode);
          needs.push(...needsOf(mode, comment));
        }
        checks.push(...checkAutoSchedule(lineOf(["jobs", jobId]), jobId, withs.mode, triggers));
      } else {
        if (role === "site") usesLaunchgate = true;
        needs.push(...needsOf(role, true));
      }
    }
    for (const mode of jobModes) modes.add(mode);
    if (needs.length === 0) continue;
    checks.push(checkPermissions(lineOf(["jobs", jobId]), jobId, job.permissions ?? workflow.permissions, needs));
  }
  if (modes.has("gate")) checks.push(...checkGateTriggers(path, triggers, options.config, jobs));
  if (modes.has("triage")) checks.push(...checkTriageTriggers(path, triggers));
  return { usesLaunchgate, modes: [...modes], metrics, checks };
}

/** The offset of the last key of `keys` in the YAML source, for `file:line` in messages. */
function findKeyLine(doc: ReturnType<typeof parseDocument>, keys: (string | number)[]): number | undefined {
  const parent = doc.getIn(keys.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === keys.at(-1));
  return (pair?.key as { range?: [number, number, number] } | null)?.range?.[0];
}

function modesOfStep(mode: unknown, triggers: Map<string, Trigger>): Mode[] {
  const requested = typeof mode === "string" ? mode.trim().toLowerCase() : "";
  if (requested === "gate" || requested === "triage" || requested === "report" || requested === "criteria")
    return [requested];
  const modes = new Set<Mode>();
  for (const event of triggers.keys()) {
    const m = EVENT_MODES[event];
    if (m) modes.add(m);
  }
  return [...modes];
}

/** With `mode: auto`, a triage workflow's schedule runs the report, not the sweep. */
function checkAutoSchedule(where: string, jobId: string, mode: unknown, triggers: Map<string, Trigger>): Check[] {
  const auto = mode === undefined || mode === null || String(mode).trim().toLowerCase() === "auto";
  const triageEvent = triggers.has("issues") || triggers.has("issue_comment");
  if (!auto || !triageEvent || !(triggers.has("schedule") || triggers.has("workflow_dispatch"))) return [];
  return [
    fail(
      `${where}: job ${jobId}: on schedule, mode auto runs the weekly report, not the triage sweep`,
      "set `with: mode: triage`",
    ),
  ];
}

function checkPermissions(where: string, jobId: string, value: unknown, needs: readonly Need[]): Check {
  const merged = new Map<string, Need>();
  for (const need of needs) {
    const seen = merged.get(need.scope);
    if (!seen || RANK[need.level] > RANK[seen.level]) merged.set(need.scope, need);
  }
  const wanted = [...merged.values()].sort((a, b) => a.scope.localeCompare(b.scope));
  const block = wanted.map((n) => `${n.scope}: ${n.level}`).join(", ");
  const perms = readPermissions(value);
  if (!perms) {
    return fail(
      `${where}: job ${jobId} sets no permissions, so its token gets the repository default (read-only in new repositories)`,
      `add \`permissions: { ${block} }\``,
    );
  }
  const missing = wanted.filter((n) => RANK[granted(perms, n.scope)] < RANK[n.level]);
  if (missing.length === 0) return pass(`${where}: job ${jobId} permissions: ${block}`);
  return fail(
    `${where}: job ${jobId} lacks ${missing.map((n) => `${n.scope}: ${n.level} (${n.why})`).join(", ")}`,
    `add ${missing.map((n) => `\`${n.scope}: ${n.level}\``).join(", ")} to its permissions`,
  );
}

function checkGateTriggers(
  path: string,
  triggers: Map<string, Trigger>,
  config: Config | null,
  jobs: Record<string, unknown>,
): Check[] {
  const event = triggers.has("pull_request")
    ? "pull_request"
    : triggers.has("pull_request_target")
      ? "pull_request_target"
      : null;
  if (!event) {
    if (triggers.has("merge_group") || triggers.has("workflow_run")) return [];
    return [fail(`${path}: the gate runs on no pull_request event`, "add `on: pull_request` (see docs/gate.md)")];
  }
  const checks: Check[] = [];
  const trigger = triggers.get(event) as Trigger;
  const types = trigger.types ?? DEFAULT_PR_TYPES;
  const required: [string, string][] = [
    ["opened", "a new PR"],
    ["synchronize", "new commits (ticks in gate files)"],
    ["reopened", "a reopened PR"],
  ];
  if (config?.pr_body !== "off") required.push(["edited", "ticks in the PR description"]);
  if (!config || config.release.labels.length > 0) {
    required.push(["labeled", "a release label added later"], ["unlabeled", "a release label removed"]);
  }
  const missing = required.filter(([type]) => !types.includes(type));
  if (missing.length > 0) {
    checks.push(
      fail(
        `${path}: ${event} does not run on ${missing.map(([t, why]) => `${t} (${why})`).join(", ")}`,
        `use \`types: [opened, edited, synchronize, reopened, labeled, unlabeled, ready_for_review]\``,
      ),
    );
  } else checks.push(pass(`${path}: ${event} types cover ticks, pushes and release labels`));
  if (trigger.branches)
    checks.push(
      warn(
        `${path}: ${event} is filtered by branch; a required check that never runs blocks the PR`,
        "run the gate on every PR: non-release PRs get a passing check",
      ),
    );
  if (!triggers.has("merge_group"))
    checks.push(warn(`${path}: no merge_group trigger`, "add `merge_group:` if you use a merge queue"));
  if (event === "pull_request_target" && checksOutHead(jobs))
    checks.push(
      fail(
        `${path}: pull_request_target with a checkout of the PR head runs untrusted code with a write token`,
        "remove the checkout: launchgate reads everything through the API",
      ),
    );
  return checks;
}

function checksOutHead(jobs: Record<string, unknown>): boolean {
  return Object.values(jobs).some((job) => {
    const steps = (job as { steps?: unknown } | null)?.steps;
    return (
      Array.isArray(steps) &&
      steps.some((s: { uses?: unknown; with?: { ref?: unknown; repository?: unknown } } | null) => {
        if (typeof s?.uses !== "string" || !/^actions\/checkout@/i.test(s.uses)) return false;
        return /pull_request\.head|head_ref|head\.sha|head\.repo/i.test(
          `${s.with?.ref ?? ""} ${s.with?.repository ?? ""}`,
        );
      })
    );
  });
}

function checkTriageTriggers(path: string, triggers: Map<string, Trigger>): Check[] {
  const checks: Check[] = [];
  const issues = triggers.get("issues");
  if (!issues) {
    checks.push(
      warn(`${path}: triage does not run on issues events`, "add `on: issues` so new issues get needs-triage at once"),
    );
  } else {
    const missing = ["opened", "labeled", "unlabeled", "edited", "closed"].filter(
      (t) => issues.types !== null && !issues.types.includes(t),
    );
    if (missing.length > 0)
      checks.push(
        fail(
          `${path}: issues does not run on ${missing.join(", ")}`,
          "use `types: [opened, edited, labeled, unlabeled, closed, reopened]`",
        ),
      );
    else checks.push(pass(`${path}: issues types cover new issues, edits, labels and closing`));
  }
  if (!triggers.has("schedule"))
    checks.push(warn(`${path}: no schedule`, "add an hourly `schedule` so the sweep labels SLA breaches"));
  return checks;
}
