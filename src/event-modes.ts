/**
 * The Action's modes and which one `mode: auto` picks for each event. Pure data, so `launchgate
 * doctor` can check workflows against it without loading the Action's runtime.
 */
export type Mode = "gate" | "triage" | "report" | "criteria";

export const EVENT_MODES: Readonly<Record<string, Mode>> = {
  pull_request: "gate",
  pull_request_target: "gate",
  merge_group: "gate",
  issues: "triage",
  issue_comment: "triage",
  schedule: "report",
  workflow_dispatch: "report",
};
