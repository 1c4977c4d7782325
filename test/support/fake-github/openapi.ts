import subsetJson from "../openapi-subset.json" with { type: "json" };

/**
 * Validates the fake server's JSON responses against the subset of GitHub's OpenAPI description
 * committed in test/support/openapi-subset.json (see scripts/gen-openapi-subset.mjs). A small
 * validator for the OpenAPI 3.0 schema keywords that description uses; unknown keywords and
 * `format`s other than date-time are ignored.
 */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  enum?: unknown[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  format?: string;
}

interface Subset {
  operations: Record<string, { operationId: string; responses: Record<string, Schema | null> }>;
  components: { schemas: Record<string, Schema> };
}

const subset = subsetJson as unknown as Subset;

/** Operation keys ("GET /repos/{owner}/{repo}/pulls/{pull_number}") the subset covers. */
export const documentedOperations = new Set(Object.keys(subset.operations));

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** Problems found in `value` against `schema`, each as "json.path: message" (at most a few per branch). */
export function validate(value: unknown, schema: Schema, path = "$"): string[] {
  if (schema.$ref) {
    const name = schema.$ref.replace("#/components/schemas/", "");
    const target = subset.components.schemas[name];
    if (!target) return [`${path}: unresolved ${schema.$ref}`];
    return validate(value, target, path);
  }
  if (value === null) {
    if (schema.nullable || (Array.isArray(schema.type) && schema.type.includes("null")) || schema.type === "null")
      return [];
    // A schema without a type or composition accepts anything, including null.
    if (!schema.type && !schema.oneOf && !schema.anyOf && !schema.allOf && !schema.enum) return [];
    if (schema.anyOf || schema.oneOf) {
      const options = schema.anyOf ?? schema.oneOf ?? [];
      if (options.some((o) => validate(value, o, path).length === 0)) return [];
    }
    return [`${path}: null is not allowed`];
  }
  const errors: string[] = [];
  if (schema.allOf) for (const part of schema.allOf) errors.push(...validate(value, part, path));
  // GitHub's oneOf branches overlap (e.g. content-file vs content-symlink), so oneOf is read as anyOf.
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const results = options.map((o) => validate(value, o, path));
    if (!results.some((r) => r.length === 0)) {
      const best = results.reduce((a, b) => (b.length < a.length ? b : a));
      errors.push(`${path}: matches none of ${options.length} alternatives; closest: ${best.slice(0, 3).join("; ")}`);
    }
  }
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
  const actual = typeOf(value);
  const types = schema.type ? (Array.isArray(schema.type) ? schema.type : [schema.type]) : [];
  if (types.length > 0 && !types.includes(actual) && !(actual === "integer" && types.includes("number")))
    return [...errors, `${path}: expected ${types.join("|")}, got ${actual}`];
  if (actual === "string" && schema.format === "date-time" && !DATE_TIME.test(value as string))
    errors.push(`${path}: ${JSON.stringify(value)} is not a date-time`);
  if (actual === "object") {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in object)) errors.push(`${path}.${key}: required`);
    for (const [key, child] of Object.entries(object)) {
      const sub = schema.properties?.[key];
      if (sub) errors.push(...validate(child, sub, `${path}.${key}`));
      else if (typeof schema.additionalProperties === "object")
        errors.push(...validate(child, schema.additionalProperties, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}.${key}: not allowed`);
    }
  }
  if (actual === "array" && schema.items) {
    const items = value as unknown[];
    for (let i = 0; i < items.length; i++) {
      errors.push(...validate(items[i], schema.items, `${path}[${i}]`));
      if (errors.length > 20) break;
    }
  }
  return errors;
}

/**
 * Validates a response body of `operation` with `status`. Statuses the description does not list
 * (e.g. 403 from a read-only token) are checked against GitHub's generic error shape.
 */
export function validateResponse(operation: string, status: number, body: unknown): string[] {
  const op = subset.operations[operation];
  if (!op) return [`${operation}: not in openapi-subset.json (add it to scripts/gen-openapi-subset.mjs)`];
  const schema = status in op.responses ? op.responses[status] : status >= 400 ? { $ref: "basic-error" } : undefined;
  if (schema === undefined) return [`${operation}: status ${status} is not documented`];
  if (schema === null) return [];
  const resolved = schema.$ref === "basic-error" ? { $ref: "#/components/schemas/basic-error" } : schema;
  return validate(body, resolved);
}
