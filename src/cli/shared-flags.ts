import type { FlagHelp } from "./help.js";

/** Help for the flags several commands share, so each says the same thing everywhere. */
export const sharedFlags = {
  issues: {
    name: "issues",
    value: "ISSUES.json",
    default: "required",
    text: "the repository's issues, as `gh api --paginate repos/O/R/issues?state=all` prints them",
  },
  comments: {
    name: "comments",
    value: "COMMENTS.json",
    default: "none",
    text: "issue comments (gh api --paginate repos/O/R/issues/comments)",
  },
  events: {
    name: "events",
    value: "EVENTS.json",
    default: "none",
    text: "issue events (gh api --paginate repos/O/R/issues/events)",
  },
  pulls: {
    name: "pulls",
    value: "PULLS.json",
    default: "required",
    text: "pull requests (gh api --paginate repos/O/R/pulls?state=all)",
  },
  releases: {
    name: "releases",
    value: "RELEASES.json",
    default: "required",
    text: "releases (gh api --paginate repos/O/R/releases)",
  },
  metrics: {
    name: "metrics",
    value: "FILE",
    default: "none: the error-rate and crash rules cannot fire",
    text: "metrics file, YAML, JSON or CSV (templates/metrics.example.yml)",
  },
  config: {
    name: "config",
    value: "FILE",
    default: "every default",
    text: "config in the .github/launchgate.yml format",
  },
  now: {
    name: "now",
    value: "ISO-8601",
    default: "the current time",
    text: "evaluate as of this instant, with an offset (e.g. 2026-11-02T12:00:00Z)",
  },
} satisfies Record<string, FlagHelp>;
