import { formatCheckMarkdown, markdownText } from "../../gates/format/markdown.js";
import { toCheckResult } from "../../gates/result.js";
import type { Annotation } from "../../github/checks.js";
import type { GateRun } from "./evaluate-pr.js";

/** Hidden marker that identifies launchgate's one sticky comment on a PR (for the default check name). */
export const COMMENT_MARKER = "<!-- launchgate:gates -->";

/**
 * The marker for a check name: two gate workflows with their own `check-name` each keep their own
 * comment instead of overwriting each other's. The default name keeps the plain marker.
 */
export function commentMarker(checkName: string): string {
  if (checkName === "launchgate / gates") return COMMENT_MARKER;
  return `<!-- launchgate:gates check=${JSON.stringify(checkName.replace(/-->|[<>]/g, ""))} -->`;
}
/** GitHub's limit for a check run summary and a comment body. */
const MAX_MARKDOWN = 60_000;

export interface GateTotals {
  passed: boolean;
  required: number;
  done: number;
  unverified: number;
  removed: number;
}

export function gateTotals(run: GateRun): GateTotals {
  const sum = (f: (g: GateRun["gates"][number]) => number) => run.gates.reduce((n, g) => n + f(g), 0);
  return {
    passed: !run.release || run.gates.every((g) => g.verdict.passed),
    required: sum((g) => g.verdict.required),
    done: sum((g) => g.verdict.requiredDone),
    unverified: sum((g) => g.verdict.blocking.filter((b) => b.reason === "unverified").length),
    removed: sum((g) => g.verdict.removed.length),
  };
}

/** The check run title, e.g. `31/40 required items done`. */
export function checkTitle(run: GateRun, totals: GateTotals): string {
  if (!run.release) return "Not a release PR: no gate applies";
  const parts = [`${totals.done}/${totals.required} required items done`];
  if (totals.unverified > 0)
    parts.push(`${totals.unverified} sign-off${totals.unverified === 1 ? "" : "s"} unverified`);
  if (totals.removed > 0) parts.push(`${totals.removed} required item${totals.removed === 1 ? "" : "s"} removed`);
  return parts.join(", ");
}

export const FORK_NOTE = [
  "> [!NOTE]",
  "> This pull request comes from a fork, so its workflow token is read-only: launchgate wrote no check run",
  "> and no comment, and reports through this job's result, annotations and summary instead. To get the",
  "> check and the comment on fork PRs, run the gate from a `workflow_run` workflow (triggered by this one",
  "> completing) or on `pull_request_target`: both run with the base repository's token, and launchgate only",
  "> reads the PR through the API — it never checks out or runs the PR's code. See docs/gate.md.",
].join("\n");

/** The Markdown for the check run summary and the job summary. */
export function summaryMarkdown(run: GateRun, totals: GateTotals, options: { fork?: boolean } = {}): string {
  const out: string[] = [];
  const icon = totals.passed ? "✅" : "❌";
  out.push(`## ${icon} launchgate: ${checkTitle(run, totals)}`, "");
  if (options.fork) out.push(FORK_NOTE, "");
  if (!run.release) {
    out.push(
      `This is not a release pull request (${run.releaseReason}), so no gate applies and the check passes.`,
      "",
      `Rules from ${run.configSource} (\`release:\`).`,
    );
    return clip(out.join("\n"));
  }
  out.push(`Release pull request: ${run.releaseReason}. Rules from ${run.configSource}.`, "");
  if (run.signoff === "trust") {
    out.push(
      "> [!WARNING]",
      "> Sign-off verification is off (`signoff: trust`): a tick counts no matter who made it.",
      "",
    );
  }
  if (run.signoff === "author") {
    out.push(
      "> [!WARNING]",
      "> Sign-off trusts commit authors (`signoff: author`): anyone who can push can commit with an owner's e-mail as the author, so a tick in a gate file is not proof of who made it. Use `signoff: verify` to count only commits GitHub verified.",
      "",
    );
  }
  out.push(formatCheckMarkdown(toCheckResult(run.gates.map((g) => g.result))));
  const problems = run.gates.flatMap((g) =>
    g.verdict.blocking
      .filter((b) => b.reason === "unverified")
      .map(
        (b) =>
          `| ${markdownText(g.path)} | ${b.item.line} | ${markdownText(b.item.text)} | ${markdownText(b.detail)} |`,
      ),
  );
  if (problems.length > 0) {
    out.push(
      "### Sign-off problems",
      "",
      "| Gate | Line | Item | Why |",
      "| --- | ---: | --- | --- |",
      ...problems,
      "",
    );
  }
  if (run.skipped.length > 0) {
    out.push("Not applying to this PR: ", ...run.skipped.map((s) => `- \`${s.path}\`: ${s.reason}`), "");
  }
  for (const note of run.notes) out.push(`> ${note}`, "");
  return clip(out.join("\n"));
}

const TITLES = {
  unticked: "Required item not ticked",
  "waiver-without-reason": "Waiver without a reason",
  unverified: "Sign-off unverified",
} as const;

/** One failure annotation per blocking line of a repository gate file, and one per removed required item. */
export function gateAnnotations(run: GateRun): Annotation[] {
  const annotations: Annotation[] = [];
  for (const gate of run.gates) {
    if (gate.source !== "file") continue;
    for (const b of gate.verdict.blocking) {
      const why = b.reason === "unticked" ? "" : ` — ${b.detail}`;
      annotations.push({
        path: gate.path,
        start_line: b.item.line,
        end_line: b.item.line,
        annotation_level: "failure",
        title: TITLES[b.reason],
        message: `${b.item.text}${why}`,
      });
    }
    for (const item of gate.verdict.removed) {
      annotations.push({
        path: gate.path,
        start_line: 1,
        end_line: 1,
        annotation_level: "failure",
        title: "Required item removed",
        message: `"${item.text}" (line ${item.line} on the base branch) was removed; a required item cannot be deleted to pass — restore it, tick it, or waive it with ~~text~~ N/A: reason`,
      });
    }
  }
  return annotations;
}

/** Inserts a zero-width space after every `@` that starts a mention, so nobody is notified. */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(?=[a-z\d])/gi, "@\u200b");
}

/** The sticky PR comment: the marker, then the summary with every mention neutralised. */
export function commentBody(run: GateRun, totals: GateTotals, checkName: string): string {
  const footer = `<sub>Updated by the \`${checkName}\` check for \`${run.headSha.slice(0, 7)}\`.</sub>`;
  return `${commentMarker(checkName)}\n${clip(neutralizeMentions(summaryMarkdown(run, totals)))}\n\n${footer}`;
}

function clip(markdown: string): string {
  if (markdown.length <= MAX_MARKDOWN) return markdown;
  return `${markdown.slice(0, MAX_MARKDOWN)}\n\n… (truncated; the job summary and annotations list everything)`;
}
