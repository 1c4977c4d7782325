import { describe, expect, it } from "vitest";
import { resolveMode } from "../../src/action/context.js";
import { parseConfig } from "../../src/config/load.js";
import { type Check, formatCheck } from "../../src/doctor/check.js";
import { EVENT_MODES } from "../../src/event-modes.js";
import {
  checkConfig,
  checkGateFile,
  checkGateMatches,
  checkWorkflow,
  gateLocations,
  roleOfUses,
} from "../../src/init/doctor.js";

const config = parseConfig("", "c.yml");
const failures = (checks: Check[]) => checks.filter((c) => c.status === "fail").map(formatCheck);

const gateWorkflow = (extra: { permissions?: string; types?: string; on?: string; uses?: string } = {}) => `
name: gate
on:
${extra.on ?? `  pull_request:\n    types: ${extra.types ?? "[opened, edited, synchronize, reopened, labeled, unlabeled]"}\n  merge_group:`}
permissions:
${extra.permissions ?? "  contents: read\n  checks: write\n  pull-requests: write"}
jobs:
  gate:
    runs-on: ubuntu-latest
    steps:
      - uses: ${extra.uses ?? "launchgate/launchgate@v1"}
`;

describe("doctor: config and gates", () => {
  it("reports a YAML error with its line:column", () => {
    const { checks, config } = checkConfig("gates:\n  - a.md\n release: x\n");
    expect(config).toBeNull();
    expect(failures(checks)[0]).toMatch(/^✗ \.github\/launchgate\.yml:3:\d+: invalid YAML/);
  });

  it("names an unknown key and the nearest valid one", () => {
    const { checks } = checkConfig("# yaml-language-server: $schema=x\ngatez: []\n");
    expect(failures(checks)).toEqual(['✗ .github/launchgate.yml:2:1: unknown key "gatez" — did you mean "gates"?']);
  });

  it("passes a valid config and warns without the schema comment", () => {
    const dated = "launch: { date: 2026-11-02 }\n";
    expect(checkConfig(`# yaml-language-server: $schema=x\n${dated}`).checks.map((c) => c.status)).toEqual(["pass"]);
    expect(checkConfig(dated).checks.map((c) => c.status)).toEqual(["pass", "warn"]);
    expect(checkConfig(null).checks.map((c) => c.status)).toEqual(["warn"]);
  });

  it("expands gate globs below their literal prefix and flags entries that match nothing", () => {
    const [location] = gateLocations(config);
    if (!location) throw new Error("no default gate location");
    expect(location.root).toBe(".github/gates");
    expect(location.matches(".github/gates/a.md")).toBe(true);
    expect(location.matches(".github/gates/sub/a.md")).toBe(false);
    expect(checkGateMatches(location, [])?.message).toBe('gates: ".github/gates/*.md" matches no file');
    const [literal] = gateLocations(parseConfig("gates: [docs/gate.md]", "c"));
    if (!literal) throw new Error("no gate location");
    expect(checkGateMatches(literal, [])).toMatchObject({ status: "fail", message: "gates: docs/gate.md not found" });
  });

  it("parses gate files and reports their errors", () => {
    const ok = checkGateFile("g.md", new TextEncoder().encode("- [ ] one\n- [x] two\n"));
    expect(ok).toEqual({ status: "pass", message: "gate g.md: 2 items" });
    expect(formatCheck(checkGateFile("g.md", new TextEncoder().encode("no items\n")))).toMatch(
      /^✗ g\.md: no task list items/,
    );
  });
});

describe("doctor: workflows", () => {
  it("resolves mode: auto from the shared event table", () => {
    for (const [event, mode] of Object.entries(EVENT_MODES)) expect(resolveMode("auto", event)).toBe(mode);
    expect(() => resolveMode("auto", "push")).toThrow();
    expect(EVENT_MODES.push).toBeUndefined();
  });

  it("recognises launchgate's action, its site action, deploy-pages and the dogfood ./", () => {
    expect(roleOfUses("launchgate/launchgate@v1", false)).toBe("action");
    expect(roleOfUses("my-fork/launchgate@main", false)).toBe("action");
    expect(roleOfUses("launchgate/launchgate/site@v1", false)).toBe("site");
    expect(roleOfUses("actions/deploy-pages@v4", false)).toBe("pages");
    expect(roleOfUses("actions/checkout@v4", false)).toBeNull();
    expect(roleOfUses("./", false)).toBeNull();
    expect(roleOfUses("./", true)).toBe("action");
    expect(roleOfUses("./site", true)).toBe("site");
    expect(roleOfUses("./other", true)).toBeNull();
  });

  it("passes a least-privilege gate workflow", () => {
    const report = checkWorkflow("w.yml", gateWorkflow(), { config, localAction: false });
    expect(report.usesLaunchgate).toBe(true);
    expect(report.modes).toEqual(["gate"]);
    expect(failures(report.checks)).toEqual([]);
  });

  it("names a missing permission, its job line and why it is needed", () => {
    const report = checkWorkflow("w.yml", gateWorkflow({ permissions: "  contents: read\n  pull-requests: write" }), {
      config,
      localAction: false,
    });
    expect(failures(report.checks)).toEqual([
      "✗ w.yml:11: job gate lacks checks: write (the check run) — add `checks: write` to its permissions",
    ]);
  });

  it("fails a job without any permissions block and accepts write-all", () => {
    const none = gateWorkflow().replace(/permissions:\n( {2}.*\n)+/, "");
    expect(failures(checkWorkflow("w.yml", none, { config, localAction: false }).checks)[0]).toMatch(
      /job gate sets no permissions.*add `permissions: \{ checks: write, contents: read, pull-requests: write \}`/,
    );
    const all = gateWorkflow({ permissions: "" }).replace(/permissions:\n/, "permissions: write-all\n");
    expect(failures(checkWorkflow("w.yml", all, { config, localAction: false }).checks)).toEqual([]);
  });

  it("needs pull-requests: write only with the sticky comment", () => {
    const text = `${gateWorkflow({ permissions: "  contents: read\n  checks: write\n  pull-requests: read" })}        with: { comment: false }\n`;
    expect(failures(checkWorkflow("w.yml", text, { config, localAction: false }).checks)).toEqual([]);
  });

  it("fails a gate that does not re-run on description edits or labels", () => {
    const report = checkWorkflow("w.yml", gateWorkflow({ types: "[opened, synchronize, reopened]" }), {
      config,
      localAction: false,
    });
    expect(failures(report.checks)[0]).toMatch(/pull_request does not run on edited .*labeled .*unlabeled/);
    const noTypes = gateWorkflow({ on: "  pull_request:" });
    expect(failures(checkWorkflow("w.yml", noTypes, { config, localAction: false }).checks)[0]).toMatch(/edited/);
    const bodyOff = parseConfig("pr_body: off\nrelease: { labels: [] }\n", "c");
    expect(failures(checkWorkflow("w.yml", noTypes, { config: bodyOff, localAction: false }).checks)).toEqual([]);
  });

  it("fails a pull_request_target workflow that checks out the PR head", () => {
    const text = gateWorkflow({
      on: "  pull_request_target:\n    types: [opened, edited, synchronize, reopened, labeled, unlabeled]",
    }).replace(
      "      - uses: launchgate",
      `      - uses: actions/checkout@v4\n        with: { ref: '$\{{ github.event.pull_request.head.sha }}' }\n      - uses: launchgate`,
    );
    expect(failures(checkWorkflow("w.yml", text, { config, localAction: false }).checks)[0]).toMatch(
      /pull_request_target with a checkout of the PR head/,
    );
  });

  it("fails a triage workflow whose schedule would run the report in auto mode", () => {
    const text = `on:\n  issues:\n  schedule: [{ cron: "0 * * * *" }]\npermissions: { contents: write, issues: write, pull-requests: read }\njobs:\n  t:\n    steps:\n      - uses: launchgate/launchgate@v1\n`;
    const report = checkWorkflow("t.yml", text, { config, localAction: false });
    expect(report.modes.sort()).toEqual(["report", "triage"]);
    expect(failures(report.checks)).toEqual([
      "✗ t.yml:6: job t: on schedule, mode auto runs the weekly report, not the triage sweep — set `with: mode: triage`",
    ]);
  });

  it("checks the Pages deployment's permissions", () => {
    const text = `on: { schedule: [{ cron: "0 0 * * 5" }] }\npermissions: {}\njobs:\n  deploy:\n    permissions: { pages: write }\n    steps:\n      - uses: actions/deploy-pages@v4\n`;
    expect(failures(checkWorkflow("w.yml", text, { config, localAction: false }).checks)[0]).toMatch(
      /job deploy lacks id-token: write/,
    );
  });

  it("ignores workflows that do not use launchgate, and reports broken ones that do", () => {
    const ci = checkWorkflow("ci.yml", "on: push\njobs:\n  t:\n    steps:\n      - run: npm test\n", {
      config,
      localAction: false,
    });
    expect(ci).toEqual({ usesLaunchgate: false, modes: [], metrics: [], checks: [] });
    const broken = checkWorkflow(
      "w.yml",
      "on: push\njobs:\n  t:\n    steps:\n      - uses: launchgate/launchgate@v1\n   bad: [\n",
      {
        config,
        localAction: false,
      },
    );
    expect(failures(broken.checks)[0]).toMatch(/^✗ w\.yml:\d+:\d+: invalid YAML/);
  });
});

describe("doctor: init's placeholders, impossible dates and foreign uses:", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it("fails an impossible launch date with its line, and passes a real leap day", () => {
    expect(failures(checkConfig("launch:\n  date: 2026-02-30\n").checks)).toEqual([
      '✗ .github/launchgate.yml:2:9: "launch.date": no such day in the calendar (e.g. February has 28 or 29 days)',
    ]);
    expect(failures(checkConfig("launch:\n  date: 2026-13-01\n").checks)).toHaveLength(1);
    expect(failures(checkConfig("launch:\n  date: 2028-02-29\n").checks)).toEqual([]);
  });

  it("warns while launch.date is unset", () => {
    const warned = checkConfig("pr_body: off\n")
      .checks.filter((c) => c.status === "warn")
      .map(formatCheck);
    expect(warned).toContainEqual(expect.stringMatching(/^! \.github\/launchgate\.yml: launch\.date is not set/));
  });

  it("fails @your-org/ approvers in the config, and passes real ones", () => {
    const text = "launch: { date: 2026-11-02 }\napprovers: ['@your-org/release-managers']\n";
    expect(failures(checkConfig(text).checks)).toEqual([
      "✗ .github/launchgate.yml:2: @your-org/release-managers is init's placeholder, so nobody can sign off — replace @your-org/… with your own teams or users",
    ]);
    expect(failures(checkConfig(text.replace("your-org", "acme")).checks)).toEqual([]);
  });

  it("fails a gate whose approvers or item owners are placeholders, naming the first line", () => {
    const front = `---\napprovers: ["@your-org/leads"]\n---\n# Gate\n- [ ] a\n`;
    expect(formatCheck(checkGateFile("g.md", bytes(front)))).toMatch(
      /^✗ g\.md:2: @your-org\/leads is init's placeholder/,
    );
    const item = "# Gate\nA mention such as @your-org/sre in prose is fine.\n- [ ] a\n- [ ] b @your-org/sre\n";
    expect(formatCheck(checkGateFile("g.md", bytes(item)))).toMatch(/^✗ g\.md:4: @your-org\/sre is init's placeholder/);
    // Prose that mentions the placeholder (the templates explain it) is not an owner.
    expect(checkGateFile("g.md", bytes("# Gate\nSee @your-org/sre.\n- [ ] a @acme/sre\n")).status).toBe("pass");
  });

  const weekly = (uses: string, withs = "") =>
    `name: launchgate weekly\non: { schedule: [{ cron: "0 21 * * 5" }] }\npermissions: { contents: write, issues: read, pull-requests: read }\njobs:\n  report:\n    steps:\n      - uses: actions/checkout@v4\n      - uses: ${uses}\n${withs}`;

  it("fails a uses: that was meant to run launchgate but points elsewhere, with its line", () => {
    const report = checkWorkflow(
      ".github/workflows/launchgate-weekly.yml",
      weekly("launchgat/lanchgate@v1", "        with:\n          mode: report\n"),
      {
        config,
        localAction: false,
      },
    );
    expect(failures(report.checks)).toContain(
      "✗ .github/workflows/launchgate-weekly.yml:8: uses: launchgat/lanchgate@v1 does not point at launchgate, yet is given launchgate's mode — use launchgate/launchgate@v1 (the status site: launchgate/launchgate/site@v1)",
    );
  });

  it("warns on another action in a launchgate workflow; GitHub's own actions and launchgate pass", () => {
    const other = checkWorkflow(".github/workflows/launchgate-weekly.yml", weekly("slackapi/slack-github-action@v2"), {
      config,
      localAction: false,
    });
    expect(other.checks.filter((c) => c.status === "warn").map(formatCheck)).toContainEqual(
      expect.stringMatching(
        /launchgate-weekly\.yml:8: uses: slackapi\/slack-github-action@v2 in a launchgate workflow is not launchgate/,
      ),
    );
    const ours = checkWorkflow(
      ".github/workflows/launchgate-weekly.yml",
      weekly("launchgate/launchgate@v1", "        with:\n          mode: report\n"),
      {
        config,
        localAction: false,
      },
    );
    expect(ours.checks.map(formatCheck).join("\n")).not.toMatch(/point at launchgate|is not launchgate/);
    // A repository's own CI workflow may use anything.
    const ci = checkWorkflow(
      ".github/workflows/ci.yml",
      weekly("slackapi/slack-github-action@v2").replace("launchgate weekly", "ci"),
      {
        config,
        localAction: false,
      },
    );
    expect(ci.checks).toEqual([]);
  });
});
