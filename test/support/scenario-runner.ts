import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildEvent } from "./events.js";
import type { Repository } from "./fake-github/model.js";
import { type FakeGitHub, startFakeGitHub } from "./fake-github/server.js";
import {
  buildWorld,
  type ExpectSpec,
  eventOf,
  faultsOf,
  type LoadedScenario,
  loadScenario,
  type ScenarioSpec,
} from "./scenario.js";

/**
 * Runs scenarios: builds the fake GitHub from the scenario, runs the built Action
 * (`node dist/index.js`) against it as a child process with the environment a runner gives it,
 * and checks the `expect` block against what the Action did.
 */

export interface CheckRunResult {
  name: string;
  status: string;
  conclusion: string | null;
  title: string | null;
  summary: string | null;
  annotations: { path: string; line: number; level: string; message: string }[];
}

/** A branch as it was before the run under test (after any earlier runs) and at the end. */
export interface BranchResult {
  headBefore: string | null;
  head: string | null;
  /** Blob SHA by path. */
  filesBefore: Record<string, string>;
  files: Record<string, string>;
  /** Parsed content of the files `expect.branches.<name>.json` names (undefined when missing or not JSON). */
  json: Record<string, unknown>;
}

export interface ScenarioResult {
  name: string;
  file: string;
  exitCode: number | null;
  outputs: Record<string, string>;
  checkRuns: CheckRunResult[];
  comments: { user: string; body: string }[];
  summary: string;
  /** Number of API requests the Action made. */
  requests: number;
  writes: number;
  /** Requests answered by an injected fault. */
  faultsHit: number;
  requestLog: { method: string; path: string; status: number; fault: boolean }[];
  labels: Record<string, string[]>;
  /** The branches `expect.branches` names. */
  branches: Record<string, BranchResult>;
  /** Contract problems the fake saw: invalid GraphQL, off-schema REST responses, unimplemented routes. */
  problems: { kind: string; request: string; message: string }[];
  /** Failed expectations, one sentence each. */
  failures: string[];
  expectationsMet: boolean;
  durationMs: number;
  /** Wall time of the `node dist/index.js` process alone. */
  actionMs: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** The built Action (default dist/index.js in the working directory). */
  action?: string;
}

const TOKENS = { write: "write-token", fork: "fork-token", none: "" } as const;

/** Parses a GITHUB_OUTPUT file (`name<<DELIM … DELIM` blocks, or `name=value` lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string];
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] as string);
      out[name] = value.join("\n");
    } else if (line.includes("=")) {
      const at = line.indexOf("=");
      out[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return out;
}

function runProcess(
  command: string,
  args: string[],
  env: Record<string, string>,
  cwd: string,
  timeoutMs: number,
): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((done) => {
    const child = spawn(command, args, { env, cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, timedOut });
    });
  });
}

function regex(pattern: string): RegExp {
  const literal = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
  return literal ? new RegExp(literal[1] as string, literal[2]) : new RegExp(pattern);
}

function checkText(
  failures: string[],
  what: string,
  text: string,
  spec?: { contains: string[]; not_contains: string[] },
) {
  for (const s of spec?.contains ?? [])
    if (!text.includes(s)) failures.push(`${what} does not contain ${JSON.stringify(s)}`);
  for (const s of spec?.not_contains ?? [])
    if (text.includes(s)) failures.push(`${what} contains ${JSON.stringify(s)}`);
}

/** Compares what happened with the scenario's `expect` block; returns the failed expectations. */
export function checkExpectations(expect: ExpectSpec, result: ScenarioResult): string[] {
  const failures: string[] = [];
  if (expect.exit_code !== undefined && result.exitCode !== expect.exit_code)
    failures.push(`exit code ${result.exitCode}, expected ${expect.exit_code}`);
  for (const [key, value] of Object.entries(expect.outputs ?? {}))
    if (result.outputs[key] !== value)
      failures.push(`output ${key} is ${JSON.stringify(result.outputs[key])}, expected ${JSON.stringify(value)}`);
  for (const [key, pattern] of Object.entries(expect.outputs_match))
    if (!regex(pattern).test(result.outputs[key] ?? ""))
      failures.push(`output ${key} is ${JSON.stringify(result.outputs[key])}, expected to match ${pattern}`);
  if (expect.check_run_count !== undefined && result.checkRuns.length !== expect.check_run_count)
    failures.push(`${result.checkRuns.length} check runs, expected ${expect.check_run_count}`);
  for (const want of expect.check_runs ?? []) {
    const runs = result.checkRuns.filter((r) => r.name === want.name);
    const run = runs.at(-1);
    if (!run) {
      failures.push(
        `no check run named "${want.name}" (have: ${result.checkRuns.map((r) => r.name).join(", ") || "none"})`,
      );
      continue;
    }
    if (runs.length > 1) failures.push(`${runs.length} check runs named "${want.name}", expected one`);
    if (want.conclusion !== undefined && run.conclusion !== want.conclusion)
      failures.push(`check run "${want.name}" concluded ${run.conclusion}, expected ${want.conclusion}`);
    if (want.title !== undefined && !regex(want.title).test(run.title ?? ""))
      failures.push(`check run title ${JSON.stringify(run.title)} does not match ${want.title}`);
    for (const s of want.summary ?? [])
      if (!(run.summary ?? "").includes(s)) failures.push(`check run summary does not contain ${JSON.stringify(s)}`);
    const a = want.annotations;
    if (a) {
      const annotations = run.annotations.filter((x) => !a.path || x.path === a.path);
      if (a.count !== undefined && annotations.length !== a.count)
        failures.push(`${annotations.length} annotations, expected ${a.count}`);
      if (a.min !== undefined && annotations.length < a.min)
        failures.push(`${annotations.length} annotations, expected at least ${a.min}`);
      for (const line of a.lines ?? [])
        if (!annotations.some((x) => x.line === line))
          failures.push(
            `no annotation on line ${line} (annotated: ${annotations.map((x) => x.line).join(", ") || "none"})`,
          );
      for (const m of a.messages ?? [])
        if (!annotations.some((x) => regex(m).test(x.message))) failures.push(`no annotation message matches ${m}`);
    }
  }
  if (expect.comments) {
    const c = expect.comments;
    if (c.count !== undefined && result.comments.length !== c.count)
      failures.push(`${result.comments.length} comments, expected ${c.count}`);
    const all = result.comments.map((x) => x.body).join("\n---\n");
    checkText(failures, "comments", all, c);
  }
  checkText(failures, "job summary", result.summary, expect.summary);
  checkText(failures, "Action log", `${result.stdout}\n${result.stderr}`, expect.log);
  if (expect.requests?.max !== undefined && result.requests > expect.requests.max)
    failures.push(`${result.requests} API requests, expected at most ${expect.requests.max}`);
  if (expect.requests?.min !== undefined && result.requests < expect.requests.min)
    failures.push(`${result.requests} API requests, expected at least ${expect.requests.min}`);
  if (expect.writes !== undefined && result.writes !== expect.writes)
    failures.push(
      `${result.writes} write requests, expected ${expect.writes}: ${result.requestLog
        .filter((r) => r.method !== "GET" && r.path !== "/graphql")
        .map((r) => `${r.method} ${r.path}`)
        .join(", ")}`,
    );
  if (expect.faults_hit !== undefined && result.faultsHit !== expect.faults_hit)
    failures.push(`${result.faultsHit} requests answered by a fault, expected ${expect.faults_hit}`);
  for (const [number, labels] of Object.entries(expect.labels ?? {})) {
    const have = [...(result.labels[number] ?? [])].sort();
    if (JSON.stringify(have) !== JSON.stringify([...labels].sort()))
      failures.push(`#${number} has labels ${JSON.stringify(have)}, expected ${JSON.stringify(labels)}`);
  }
  for (const [name, want] of Object.entries(expect.branches)) {
    const b = result.branches[name];
    if (!b) {
      failures.push(`branch ${name} was not collected`);
      continue;
    }
    if (want.exists !== undefined && (b.head !== null) !== want.exists)
      failures.push(
        `branch ${name} ${b.head ? "exists" : "does not exist"}, expected ${want.exists ? "it to" : "not"}`,
      );
    if (want.unchanged !== undefined && (b.head === b.headBefore) !== want.unchanged)
      failures.push(`branch ${name} ${want.unchanged ? "moved" : "did not move"}: ${b.headBefore} → ${b.head}`);
    const paths = Object.keys(b.files).sort();
    if (want.files && JSON.stringify(paths) !== JSON.stringify([...want.files].sort()))
      failures.push(`branch ${name} has files ${JSON.stringify(paths)}, expected ${JSON.stringify(want.files)}`);
    for (const path of want.kept)
      if (!b.filesBefore[path] || b.files[path] !== b.filesBefore[path])
        failures.push(
          `${name}:${path} was ${b.filesBefore[path] ? "changed or deleted" : "not there before"}, expected kept`,
        );
    for (const path of want.changed)
      if (!b.files[path] || b.files[path] === b.filesBefore[path])
        failures.push(`${name}:${path} was ${b.files[path] ? "not changed" : "not written"}, expected changed`);
    for (const [path, fields] of Object.entries(want.json))
      for (const [key, value] of Object.entries(fields)) {
        const have = key
          .split(".")
          .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], b.json[path]);
        if (JSON.stringify(have) !== JSON.stringify(value))
          failures.push(`${name}:${path} ${key} is ${JSON.stringify(have)}, expected ${JSON.stringify(value)}`);
      }
  }
  if (expect.problems === "none")
    for (const p of result.problems) failures.push(`fake GitHub ${p.kind} problem: ${p.request}: ${p.message}`);
  return failures;
}

function branchFiles(repo: Repository, head: string | null): Record<string, string> {
  const commit = head ? repo.commits.get(head) : undefined;
  return commit ? Object.fromEntries(repo.tree(commit.tree)) : {};
}

function branchResult(repo: Repository, name: string, headBefore: string | null, jsonPaths: string[]): BranchResult {
  const head = repo.refs.get(`refs/heads/${name}`) ?? null;
  const files = branchFiles(repo, head);
  const json: Record<string, unknown> = {};
  for (const path of jsonPaths) {
    const blob = files[path] ? repo.blobs.get(files[path]) : undefined;
    try {
      json[path] = blob ? JSON.parse(blob.toString("utf8")) : undefined;
    } catch {
      json[path] = undefined;
    }
  }
  return { headBefore, head, filesBefore: branchFiles(repo, headBefore), files, json };
}

/** What the run under test did: requests from `from` on in the fake's log. */
function collect(repo: Repository, server: FakeGitHub, from: number) {
  const checkRuns: CheckRunResult[] = repo.checkRuns.map((r) => ({
    name: r.name,
    status: r.status,
    conclusion: r.conclusion,
    title: r.output.title,
    summary: r.output.summary,
    annotations: r.output.annotations.map((a) => ({
      path: a.path,
      line: a.start_line,
      level: a.annotation_level,
      message: a.message,
    })),
  }));
  const labels = Object.fromEntries([...repo.issues.values()].map((i) => [String(i.number), [...i.labels]]));
  const log = server.log.slice(from);
  const requestLog = log.map((e) => ({
    method: e.method,
    path: `${e.path}${e.query}`,
    status: e.status,
    fault: e.fault,
  }));
  return {
    checkRuns,
    labels,
    requestLog,
    requests: log.length,
    writes: log.filter((e) => e.write).length,
    faultsHit: log.filter((e) => e.fault).length,
  };
}

export async function runScenario(scenario: LoadedScenario, options: RunOptions = {}): Promise<ScenarioResult> {
  const started = Date.now();
  const { spec } = scenario;
  const world = buildWorld(spec);
  const repo = world.repo(spec.repo);
  // Faults are armed after the earlier runs: they are for the run under test.
  const server = await startFakeGitHub(world, { faults: [] });
  const dir = await mkdtemp(join(tmpdir(), "launchgate-scenario-"));
  try {
    const event = buildEvent(repo, server.url, eventOf(spec));
    const eventPath = join(dir, "event.json");
    await writeFile(eventPath, JSON.stringify(event.payload, null, 2));
    const action = resolve(options.action ?? "dist/index.js");
    const runAction = async (runDir: string, inputs: ScenarioSpec["inputs"], extraEnv: Record<string, string>) => {
      const paths = {
        output: join(runDir, "output.txt"),
        summary: join(runDir, "summary.md"),
        state: join(runDir, "state.txt"),
      };
      for (const p of Object.values(paths)) await writeFile(p, "");
      const all: Record<string, string> = { token: TOKENS[spec.token] };
      for (const [k, v] of Object.entries(inputs)) all[k] = String(v);
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? dir,
        TZ: "UTC",
        CI: "true",
        GITHUB_ACTIONS: "true",
        GITHUB_EVENT_NAME: spec.event.name,
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_API_URL: server.url,
        GITHUB_GRAPHQL_URL: server.graphqlUrl,
        GITHUB_SERVER_URL: "https://github.com",
        GITHUB_REPOSITORY: repo.fullName,
        GITHUB_REPOSITORY_OWNER: repo.owner,
        GITHUB_SHA: event.sha,
        GITHUB_REF: event.ref,
        GITHUB_WORKFLOW: "launchgate",
        GITHUB_JOB: "gates",
        GITHUB_RUN_ID: "1000001",
        GITHUB_RUN_NUMBER: "1",
        GITHUB_RUN_ATTEMPT: "1",
        GITHUB_ACTOR: String((event.payload.sender as { login?: string } | undefined)?.login ?? repo.owner),
        GITHUB_OUTPUT: paths.output,
        GITHUB_STEP_SUMMARY: paths.summary,
        GITHUB_STATE: paths.state,
        GITHUB_WORKSPACE: runDir,
        RUNNER_TEMP: runDir,
        RUNNER_OS: "Linux",
        ...extraEnv,
      };
      // @actions/core reads INPUT_<NAME> with spaces as underscores, upper-cased; hyphens stay.
      for (const [k, v] of Object.entries(all)) env[`INPUT_${k.replace(/ /g, "_").toUpperCase()}`] = v;
      const spawned = Date.now();
      const proc = await runProcess(process.execPath, [action], env, runDir, spec.timeout_seconds * 1000);
      return { proc, paths, ms: Date.now() - spawned };
    };

    for (const [k, earlier] of spec.earlier_runs.entries()) {
      const runDir = join(dir, `earlier-${k + 1}`);
      await mkdir(runDir);
      const { proc } = await runAction(runDir, { ...spec.inputs, ...earlier.inputs }, { ...spec.env, ...earlier.env });
      if (proc.code !== 0)
        throw new Error(`earlier_runs[${k}] exited ${proc.code}: ${(proc.stderr || proc.stdout).slice(-1000)}`);
    }
    const branchesBefore = new Map(
      Object.keys(spec.expect.branches).map((name) => [name, repo.refs.get(`refs/heads/${name}`) ?? null]),
    );
    server.faults.push(...faultsOf(spec));
    const logFrom = server.log.length;

    const { proc, paths, ms: actionMs } = await runAction(dir, spec.inputs, spec.env);
    const outputs = parseOutputFile(await readFile(paths.output, "utf8"));
    const summary = await readFile(paths.summary, "utf8");
    const collected = collect(repo, server, logFrom);
    const result: ScenarioResult = {
      name: scenario.name,
      file: scenario.file,
      exitCode: proc.code,
      outputs,
      ...collected,
      // The bot's comments on the event's PR or issue as they are now (a sticky comment updated in place counts once).
      comments: repo.comments
        .filter(
          (c) => c.user === "github-actions[bot]" && (spec.event.number === undefined || c.issue === spec.event.number),
        )
        .map((c) => ({ user: c.user, body: c.body })),
      summary,
      branches: Object.fromEntries(
        Object.entries(spec.expect.branches).map(([name, want]) => [
          name,
          branchResult(repo, name, branchesBefore.get(name) ?? null, Object.keys(want.json)),
        ]),
      ),
      problems: [...server.problems],
      failures: [],
      expectationsMet: false,
      durationMs: Date.now() - started,
      actionMs,
      stdout: proc.stdout,
      stderr: proc.stderr,
    };
    result.failures = checkExpectations(spec.expect, result);
    if (proc.timedOut) result.failures.unshift(`the Action did not finish within ${spec.timeout_seconds} s`);
    result.expectationsMet = result.failures.length === 0;
    return result;
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Loads and runs scenario files one after another; a file that does not load is a failed result. */
export async function runScenarioFiles(files: string[], options: RunOptions = {}): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const file of files) {
    try {
      results.push(await runScenario(loadScenario(file), options));
    } catch (error) {
      const message = (error as { format?: () => string }).format?.() ?? String((error as Error).message ?? error);
      results.push({
        name: file,
        file,
        exitCode: null,
        outputs: {},
        checkRuns: [],
        comments: [],
        summary: "",
        requests: 0,
        writes: 0,
        faultsHit: 0,
        requestLog: [],
        labels: {},
        branches: {},
        problems: [],
        failures: [`scenario could not run: ${message}`],
        expectationsMet: false,
        durationMs: 0,
        actionMs: 0,
        stdout: "",
        stderr: "",
      });
    }
  }
  return results;
}
