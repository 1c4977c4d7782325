import { parseConfig } from "../../src/config/load.js";
import type { Config } from "../../src/config/schema.js";
import type { RestComment, RestIssue, RestIssueEvent } from "../../src/model/rest.js";

/** Test data builders in GitHub's REST shapes. */

export const config = (yaml = ""): Config => parseConfig(yaml, "launchgate.yml");

export function issue(number: number, fields: Partial<RestIssue> = {}): RestIssue {
  return {
    number,
    title: `Issue ${number}`,
    state: "open",
    html_url: `https://github.com/o/r/issues/${number}`,
    body: "",
    user: { login: "reporter", type: "User" },
    author_association: "NONE",
    labels: [],
    created_at: "2026-11-02T10:00:00Z",
    ...fields,
  };
}

let nextId = 1;

export function comment(number: number, at: string, login: string, fields: Partial<RestComment> = {}): RestComment {
  return {
    id: nextId++,
    issue_url: `https://api.github.com/repos/o/r/issues/${number}`,
    user: { login, type: "User" },
    author_association: "MEMBER",
    created_at: at,
    body: "looking",
    ...fields,
  };
}

export function labeled(number: number, label: string, at: string): RestIssueEvent {
  return { id: nextId++, event: "labeled", created_at: at, label: { name: label }, issue: { number } };
}
