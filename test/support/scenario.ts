import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { stringify } from "yaml";
import * as z from "zod";
import { parseYamlWithSchema } from "../../src/yaml/parse.js";
import type { EventSpec } from "./events.js";
import { type BodyEdit, type GitPerson, World } from "./fake-github/model.js";
import type { Fault } from "./fake-github/server.js";

/**
 * The declarative scenario format (documented in test/scenarios/README.md): a zod schema, so a
 * mistake in a scenario file is reported with its line:column and the nearest valid key.
 */

const generated = z.strictObject({
  header: z.string().default(""),
  count: z.number().int().min(0),
  /** `{i}` is replaced by the item number (1-based). */
  line: z.string(),
  footer: z.string().default(""),
});

/** New content of a file: text, null (delete), edits of the current text, or generated lines. */
const fileContent = z.union([
  z.string(),
  z.null(),
  z.strictObject({ replace: z.record(z.string(), z.string()) }),
  z.strictObject({ generate: generated }),
]);

const author = z.union([
  z.string(),
  z.strictObject({ login: z.string().nullable().default(null), name: z.string(), email: z.string() }),
]);

/** GitHub's verdict on a commit's signature: verified, unverified (unknown key), unsigned, or another GitHub reason. */
const signature = z.union([
  z
    .string()
    .transform((v) =>
      v === "verified"
        ? { verified: true, reason: "valid" }
        : { verified: false, reason: v === "unverified" ? "unknown_key" : v },
    ),
  // Or GitHub's own `verification` shape: { verified, reason }.
  z
    .strictObject({ verified: z.boolean(), reason: z.string().optional() })
    .transform((v) => ({ verified: v.verified, reason: v.reason ?? (v.verified ? "valid" : "unknown_key") })),
]);

const commitSpec = z.strictObject({
  author,
  committer: author.optional(),
  signature: signature.optional(),
  forged_by: z.string().optional(),
  message: z.string().optional(),
  date: z.string().optional(),
  merge: z.string().optional(),
  files: z.record(z.string(), fileContent),
});

const branchSpec = z.strictObject({
  from: z.string().optional(),
  commits: z.array(commitSpec).default([]),
});

const editSpec = z.strictObject({
  editor: z.string(),
  at: z.string().optional(),
  body: z.string().optional(),
  replace: z.record(z.string(), z.string()).optional(),
  deleted_at: z.string().optional(),
  deleted_by: z.string().optional(),
  /** Saves this edit N times in a row, `{i}` in `body` and `replace` values counting 1…N (long histories). */
  repeat: z.number().int().positive().optional(),
});

const pullSpec = z.strictObject({
  number: z.number().int().positive(),
  title: z.string(),
  user: z.string(),
  base: z.string(),
  head: z.string(),
  body: z.string().optional(),
  labels: z.array(z.string()).default([]),
  draft: z.boolean().default(false),
  fork: z.boolean().default(false),
  closes: z.array(z.number().int()).default([]),
  created_at: z.string().optional(),
  edits: z.array(editSpec).optional(),
  comments: z.array(z.strictObject({ user: z.string(), body: z.string(), at: z.string().optional() })).default([]),
});

const issueSpec = z.strictObject({
  number: z.number().int().positive(),
  title: z.string(),
  user: z.string(),
  body: z.string().optional(),
  labels: z.array(z.string()).default([]),
  state: z.enum(["open", "closed"]).default("open"),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  closed_at: z.string().optional(),
  edits: z.array(editSpec).optional(),
  comments: z.array(z.strictObject({ user: z.string(), body: z.string(), at: z.string().optional() })).default([]),
  events: z
    .array(
      z.strictObject({
        event: z.string(),
        label: z.string().optional(),
        actor: z.string().optional(),
        at: z.string().optional(),
        /** `closed` events: completed, not_planned or duplicate. */
        state_reason: z.string().optional(),
      }),
    )
    .default([]),
});

const releaseSpec = z.strictObject({
  tag: z.string(),
  name: z.string().optional(),
  author: z.string().default("github-actions[bot]"),
  body: z.string().default(""),
  target: z.string().default("main"),
  created_at: z.string().optional(),
  published_at: z.string().nullable().optional(),
  draft: z.boolean().default(false),
  prerelease: z.boolean().default(false),
});

const faultSpec = z.strictObject({
  method: z.string().optional(),
  path: z.string(),
  status: z.number().int().optional(),
  retry_after: z.number().optional(),
  rate_limit: z.boolean().optional(),
  latency_ms: z.number().optional(),
  truncate: z.boolean().optional(),
  reset: z.boolean().optional(),
  times: z.number().int().positive().optional(),
  skip: z.number().int().min(0).optional(),
});

const annotationExpect = z.strictObject({
  count: z.number().int().optional(),
  min: z.number().int().optional(),
  lines: z.array(z.number().int()).optional(),
  path: z.string().optional(),
  messages: z.array(z.string()).optional(),
});

const checkRunExpect = z.strictObject({
  name: z.string().default("launchgate / gates"),
  conclusion: z.string().optional(),
  title: z.string().optional(),
  summary: z.array(z.string()).optional(),
  annotations: annotationExpect.optional(),
});

const branchExpect = z.strictObject({
  exists: z.boolean().optional(),
  unchanged: z.boolean().optional(),
  files: z.array(z.string()).optional(),
  kept: z.array(z.string()).default([]),
  changed: z.array(z.string()).default([]),
  json: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
});

const textExpect = z.strictObject({
  contains: z.array(z.string()).default([]),
  not_contains: z.array(z.string()).default([]),
});

export const expectSchema = z.strictObject({
  exit_code: z.number().int().optional(),
  outputs: z.record(z.string(), z.string()).optional(),
  outputs_match: z.record(z.string(), z.string()).default({}),
  check_runs: z.array(checkRunExpect).optional(),
  check_run_count: z.number().int().optional(),
  comments: z
    .strictObject({
      count: z.number().int().optional(),
      contains: z.array(z.string()).default([]),
      not_contains: z.array(z.string()).default([]),
    })
    .optional(),
  summary: textExpect.optional(),
  log: textExpect.optional(),
  requests: z.strictObject({ max: z.number().int().optional(), min: z.number().int().optional() }).optional(),
  writes: z.number().int().optional(),
  faults_hit: z.number().int().optional(),
  labels: z.record(z.string(), z.array(z.string())).optional(),
  branches: z.record(z.string(), branchExpect).default({}),
  problems: z.enum(["none", "allowed"]).default("none"),
});

export const scenarioSchema = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  repo: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+$/, "expected owner/name")
    .default("acme/shop"),
  default_branch: z.string().default("main"),
  stars: z.number().int().min(0).default(0),
  now: z.string().optional(),
  users: z
    .record(z.string(), z.strictObject({ name: z.string().optional(), type: z.enum(["User", "Bot"]).optional() }))
    .default({}),
  teams: z.record(z.string().regex(/^[\w.-]+\/[\w.-]+$/, "expected org/team-slug"), z.array(z.string())).default({}),
  collaborators: z.record(z.string(), z.enum(["admin", "maintain", "write", "triage", "read"])).default({}),
  config: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  config_path: z.string().default(".github/launchgate.yml"),
  branches: z.record(z.string(), branchSpec).default({}),
  pulls: z.array(pullSpec).default([]),
  issues: z.array(issueSpec).default([]),
  releases: z.array(releaseSpec).default([]),
  event: z.strictObject({
    name: z.string(),
    action: z.string().optional(),
    example: z.string().optional(),
    number: z.number().int().optional(),
    sender: z.string().optional(),
    base: z.string().optional(),
    head: z.string().optional(),
    overrides: z.record(z.string(), z.unknown()).optional(),
  }),
  token: z.enum(["write", "fork", "none"]).default("write"),
  inputs: z.record(z.string(), z.union([z.string(), z.boolean(), z.number()])).default({}),
  env: z.record(z.string(), z.string()).default({}),
  earlier_runs: z
    .array(
      z.strictObject({
        inputs: z.record(z.string(), z.union([z.string(), z.boolean(), z.number()])).default({}),
        env: z.record(z.string(), z.string()).default({}),
      }),
    )
    .default([]),
  faults: z.array(faultSpec).default([]),
  timeout_seconds: z.number().positive().default(60),
  expect: expectSchema,
});

export type ScenarioSpec = z.output<typeof scenarioSchema>;
export type ExpectSpec = z.output<typeof expectSchema>;

export interface LoadedScenario {
  file: string;
  name: string;
  spec: ScenarioSpec;
}

export function loadScenario(file: string): LoadedScenario {
  const spec = parseYamlWithSchema(readFileSync(file, "utf8"), scenarioSchema, { file });
  return { file, name: spec.name ?? basename(file).replace(/\.ya?ml$/, ""), spec };
}

function generate(g: z.output<typeof generated>): string {
  const lines = Array.from({ length: g.count }, (_, k) => g.line.replaceAll("{i}", String(k + 1)));
  return `${g.header}${lines.join("\n")}\n${g.footer}`;
}

function applyReplace(text: string, replace: Record<string, string>, where: string): string {
  let out = text;
  for (const [from, to] of Object.entries(replace)) {
    if (!out.includes(from)) throw new Error(`${where}: text to replace not found: ${JSON.stringify(from)}`);
    out = out.replace(from, to);
  }
  return out;
}

/** Builds the fake's model from a scenario (the spec itself is left untouched). */
export function buildWorld(input: ScenarioSpec): World {
  const spec = structuredClone(input);
  const world = new World(spec.now);
  for (const [login, u] of Object.entries(spec.users)) {
    const user = world.user(login, u.type);
    if (u.name) user.name = u.name;
  }
  for (const [key, members] of Object.entries(spec.teams)) {
    const [org, slug] = key.split("/") as [string, string];
    world.team(org, slug, members);
  }
  const repo = world.repo(spec.repo);
  repo.defaultBranch = spec.default_branch;
  repo.stars = spec.stars;
  for (const [login, permission] of Object.entries(spec.collaborators)) {
    world.user(login);
    repo.collaborators.set(login.toLowerCase(), permission);
  }

  const branches = Object.entries(spec.branches);
  if (spec.config !== undefined) {
    const text = typeof spec.config === "string" ? spec.config : stringify(spec.config);
    // The config lives on the default branch from its first commit on.
    const main = spec.branches[spec.default_branch];
    if (!main || main.commits.length === 0)
      throw new Error(`config: the scenario needs at least one commit on ${spec.default_branch}`);
    const first = main.commits[0] as z.output<typeof commitSpec>;
    if (!(spec.config_path in first.files)) first.files[spec.config_path] = text;
  }
  for (const [name, branch] of branches) {
    if (branch.from && !repo.resolve(branch.from))
      throw new Error(`branches.${name}.from: ${branch.from} does not exist (list it earlier)`);
    if (branch.from && branch.commits.length === 0) {
      repo.refs.set(`refs/heads/${name}`, repo.resolve(branch.from) as string);
      continue;
    }
    branch.commits.forEach((c, k) => {
      const where = `branches.${name}.commits[${k}]`;
      const head = repo.resolve(`refs/heads/${name}`) ?? (branch.from ? repo.resolve(branch.from) : undefined);
      const current = head ? repo.files(head) : new Map<string, string>();
      const files: Record<string, string | null> = {};
      for (const [path, content] of Object.entries(c.files)) {
        if (content === null || typeof content === "string") files[path] = content;
        else if ("generate" in content) files[path] = generate(content.generate);
        else {
          const text = current.get(path);
          if (text === undefined) throw new Error(`${where}.files.${path}: replace on a file that does not exist`);
          files[path] = applyReplace(text, content.replace, `${where}.files.${path}`);
        }
      }
      const person: string | GitPerson = typeof c.author === "string" ? c.author : { ...c.author, date: c.date ?? "" };
      if (c.forged_by && (c.committer || c.signature))
        throw new Error(`${where}: forged_by already means an unsigned commit by that user; drop committer/signature`);
      // Only `author`: made in GitHub's web editor. `signature` alone: the author's own signed (or not) commit.
      const committer = c.forged_by ?? c.committer ?? (c.signature ? c.author : undefined);
      repo.commit(name, {
        files,
        author: person,
        ...(committer === undefined
          ? {}
          : { committer: typeof committer === "string" ? committer : { ...committer, date: c.date ?? "" } }),
        ...(c.signature ? { verification: c.signature } : {}),
        ...(c.message ? { message: c.message } : {}),
        ...(c.date ? { date: c.date } : {}),
        ...(c.merge ? { merge: c.merge } : {}),
        ...(branch.from ? { from: branch.from } : {}),
      });
    });
  }

  const edits = (list: z.output<typeof editSpec>[] | undefined, where: string): BodyEdit[] | undefined => {
    if (!list) return undefined;
    let body = "";
    return list.flatMap((e, k) => {
      if (e.repeat !== undefined && e.at !== undefined) throw new Error(`${where}.edits[${k}]: repeat takes no at`);
      return Array.from({ length: e.repeat ?? 1 }, (_, n) => {
        const nth = (text: string) => (e.repeat === undefined ? text : text.replaceAll("{i}", String(n + 1)));
        if (e.body !== undefined) body = nth(e.body);
        else if (e.replace) {
          const replace = Object.fromEntries(Object.entries(e.replace).map(([from, to]) => [from, nth(to)]));
          body = applyReplace(body, replace, `${where}.edits[${k}]`);
        } else throw new Error(`${where}.edits[${k}]: give body or replace`);
        return {
          editor: e.editor,
          editedAt: e.at ?? world.tick(),
          body,
          ...(e.deleted_at ? { deletedAt: e.deleted_at, deletedBy: e.deleted_by ?? e.editor } : {}),
        };
      });
    });
  };

  const addComments = (issue: number, comments: { user: string; body: string; at?: string | undefined }[]) => {
    for (const c of comments) {
      const at = c.at ?? world.tick();
      world.user(c.user);
      repo.comments.push({ id: world.nextId(), issue, user: c.user, body: c.body, createdAt: at, updatedAt: at });
    }
  };

  for (const issue of spec.issues) {
    const created = repo.addIssue({
      number: issue.number,
      title: issue.title,
      user: issue.user,
      labels: issue.labels,
      state: issue.state,
      ...(issue.body !== undefined ? { body: issue.body } : {}),
      ...(issue.created_at ? { createdAt: issue.created_at } : {}),
      ...(issue.updated_at ? { updatedAt: issue.updated_at } : {}),
      ...(issue.closed_at ? { closedAt: issue.closed_at } : {}),
      ...(issue.edits ? { edits: edits(issue.edits, `issues[${issue.number}]`) } : {}),
      labelEventsGiven: issue.events.flatMap((e) => (e.label ? [e.label.toLowerCase()] : [])),
    });
    addComments(created.number, issue.comments);
    for (const e of issue.events)
      repo.events.push({
        id: world.nextId(),
        issue: created.number,
        event: e.event,
        actor: e.actor ?? issue.user,
        ...(e.label ? { label: e.label } : {}),
        ...(e.state_reason ? { stateReason: e.state_reason } : {}),
        createdAt: e.at ?? world.tick(),
      });
  }
  for (const pull of spec.pulls) {
    for (const ref of [pull.base, pull.head])
      if (!repo.resolve(ref)) throw new Error(`pulls[#${pull.number}]: branch ${ref} is not in branches`);
    const created = repo.addPull({
      number: pull.number,
      title: pull.title,
      user: pull.user,
      base: pull.base,
      head: pull.head,
      labels: pull.labels,
      draft: pull.draft,
      fork: pull.fork,
      closes: pull.closes,
      ...(pull.body !== undefined ? { body: pull.body } : {}),
      ...(pull.created_at ? { createdAt: pull.created_at } : {}),
      ...(pull.edits ? { edits: edits(pull.edits, `pulls[#${pull.number}]`) } : {}),
    });
    addComments(created.number, pull.comments);
  }
  for (const r of spec.releases) {
    repo.addRelease({
      tag: r.tag,
      ...(r.name !== undefined ? { name: r.name } : {}),
      body: r.body,
      draft: r.draft,
      prerelease: r.prerelease,
      target: r.target,
      author: r.author,
      ...(r.created_at !== undefined ? { createdAt: r.created_at } : {}),
      ...(r.published_at !== undefined ? { publishedAt: r.published_at } : {}),
    });
  }
  return world;
}

export function faultsOf(spec: ScenarioSpec): Fault[] {
  return spec.faults.map((f) => ({
    path: f.path,
    ...(f.method ? { method: f.method } : {}),
    ...(f.status !== undefined ? { status: f.status } : {}),
    ...(f.retry_after !== undefined ? { retryAfter: f.retry_after } : {}),
    ...(f.rate_limit !== undefined ? { rateLimit: f.rate_limit } : {}),
    ...(f.latency_ms !== undefined ? { latencyMs: f.latency_ms } : {}),
    ...(f.truncate !== undefined ? { truncate: f.truncate } : {}),
    ...(f.reset !== undefined ? { reset: f.reset } : {}),
    ...(f.times !== undefined ? { times: f.times } : {}),
    ...(f.skip !== undefined ? { skip: f.skip } : {}),
  }));
}

export function eventOf(spec: ScenarioSpec): EventSpec {
  const e = spec.event;
  return {
    name: e.name,
    ...(e.action !== undefined ? { action: e.action } : {}),
    ...(e.example !== undefined ? { example: e.example } : {}),
    ...(e.number !== undefined ? { number: e.number } : {}),
    ...(e.sender !== undefined ? { sender: e.sender } : {}),
    ...(e.base !== undefined ? { base: e.base } : {}),
    ...(e.head !== undefined ? { head: e.head } : {}),
    ...(e.overrides !== undefined ? { overrides: e.overrides } : {}),
  };
}
