// Extracts from GitHub's official OpenAPI description (@octokit/openapi) the response schemas of the
// REST operations the fake GitHub server (test/support/fake-github/) implements, and writes them to
// test/support/openapi-subset.json. The full package is ~400 MB, so it is never a dependency:
//
//   npm install --prefix /tmp/openapi @octokit/openapi
//   node scripts/gen-openapi-subset.mjs [/tmp/openapi/node_modules/@octokit/openapi]
//
// Response `$ref`s (#/components/responses/…) are inlined; schema `$ref`s stay references, and
// every component schema reachable from an operation is copied, so the subset is self-contained.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** "METHOD path" as written in the OpenAPI description; keep in sync with fake-github/routes.ts. */
export const OPERATIONS = [
  "GET /repos/{owner}/{repo}/contents/{path}",
  "GET /repos/{owner}/{repo}/commits",
  "GET /repos/{owner}/{repo}/commits/{ref}",
  "GET /repos/{owner}/{repo}/compare/{basehead}",
  "GET /repos/{owner}/{repo}/pulls",
  "GET /repos/{owner}/{repo}/pulls/{pull_number}",
  "GET /repos/{owner}/{repo}/pulls/{pull_number}/files",
  "GET /repos/{owner}/{repo}/pulls/{pull_number}/commits",
  "GET /orgs/{org}/teams/{team_slug}/memberships/{username}",
  "GET /repos/{owner}/{repo}/collaborators/{username}/permission",
  "POST /repos/{owner}/{repo}/check-runs",
  "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
  "GET /repos/{owner}/{repo}/commits/{ref}/check-runs",
  "GET /repos/{owner}/{repo}/issues",
  "GET /repos/{owner}/{repo}/issues/{issue_number}",
  "GET /repos/{owner}/{repo}/issues/comments",
  "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
  "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
  "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
  "GET /repos/{owner}/{repo}/issues/{issue_number}/labels",
  "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
  "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}",
  "GET /repos/{owner}/{repo}/issues/{issue_number}/events",
  "GET /repos/{owner}/{repo}/issues/events",
  "GET /repos/{owner}/{repo}",
  "GET /repos/{owner}/{repo}/labels",
  "POST /repos/{owner}/{repo}/labels",
  "GET /repos/{owner}/{repo}/releases",
  "GET /repos/{owner}/{repo}/git/ref/{ref}",
  "POST /repos/{owner}/{repo}/git/refs",
  "PATCH /repos/{owner}/{repo}/git/refs/{ref}",
  "POST /repos/{owner}/{repo}/git/blobs",
  "GET /repos/{owner}/{repo}/git/blobs/{file_sha}",
  "POST /repos/{owner}/{repo}/git/trees",
  "GET /repos/{owner}/{repo}/git/trees/{tree_sha}",
  "POST /repos/{owner}/{repo}/git/commits",
  "GET /repos/{owner}/{repo}/git/commits/{commit_sha}",
];

const root = process.argv[2] ?? "/tmp/openapi/node_modules/@octokit/openapi";
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const spec = JSON.parse(readFileSync(join(root, "generated/api.github.com.json"), "utf8"));

const schemas = {};
function collectRefs(node) {
  if (Array.isArray(node)) node.forEach(collectRefs);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") {
        const name = value.replace("#/components/schemas/", "");
        if (!(name in schemas)) {
          const schema = spec.components.schemas[name];
          if (!schema) throw new Error(`unresolved $ref ${value}`);
          schemas[name] = schema;
          collectRefs(schema);
        }
      } else collectRefs(value);
    }
  }
}

const operations = {};
for (const op of OPERATIONS) {
  const [method, path] = op.split(" ");
  const operation = spec.paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`operation not in the OpenAPI description: ${op}`);
  const responses = {};
  for (const [status, raw] of Object.entries(operation.responses)) {
    const response = raw.$ref ? spec.components.responses[raw.$ref.replace("#/components/responses/", "")] : raw;
    const schema = response.content?.["application/json"]?.schema;
    responses[status] = schema ?? null;
    collectRefs(schema);
  }
  operations[op] = { operationId: operation.operationId, responses };
}

const subset = {
  source: `${pkg.name}@${pkg.version} generated/api.github.com.json`,
  generatedBy: "scripts/gen-openapi-subset.mjs",
  operations,
  components: {
    schemas: Object.fromEntries(
      Object.keys(schemas)
        .sort()
        .map((k) => [k, schemas[k]]),
    ),
  },
};
writeFileSync("test/support/openapi-subset.json", `${JSON.stringify(subset, null, 1)}\n`);
console.log(`${OPERATIONS.length} operations, ${Object.keys(schemas).length} component schemas`);
