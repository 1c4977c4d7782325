import { type Document, isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from "yaml";
import * as z from "zod";
import { InputError } from "../errors.js";
import { nearestKey } from "../nearest-key.js";

/**
 * Parses YAML text and validates it with a zod schema. Every problem becomes an InputError
 * pointing at the exact line:column in the file (lineOffset shifts positions for YAML that is
 * embedded in a larger file, such as Markdown front matter). Unknown keys name the nearest
 * valid key, so a typo says what was meant.
 */
export function parseYamlWithSchema<S extends z.ZodType>(
  text: string,
  schema: S,
  where: { file: string; lineOffset?: number; emptyValue?: unknown },
): z.output<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const offset = where.lineOffset ?? 0;
  const at = (pos: number) => {
    const { line, col } = lineCounter.linePos(pos);
    return { file: where.file, line: line + offset, column: col };
  };
  const firstError = doc.errors[0];
  if (firstError) {
    const message = firstError.message.split("\n")[0] ?? "invalid YAML";
    throw new InputError(`invalid YAML: ${message}`, at(firstError.pos[0]));
  }
  const value = doc.contents === null ? (where.emptyValue ?? {}) : doc.toJS();
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new InputError("invalid value", { file: where.file });
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    const node = keyNode(doc, path, key);
    const valid = objectKeysAt(schema, path);
    const nearest = nearestKey(key, valid);
    const fix = nearest
      ? `did you mean "${nearest}"?`
      : valid.length > 0
        ? `valid keys: ${valid.join(", ")}`
        : undefined;
    const place = node?.range ? at(node.range[0]) : { file: where.file };
    throw new InputError(`unknown key "${[...path, key].join(".")}"`, { ...place, ...(fix ? { fix } : {}) });
  }
  const node = valueNode(doc, path);
  const place = node?.range ? at(node.range[0]) : { file: where.file };
  const label = path.length > 0 ? `"${path.join(".")}": ` : "";
  throw new InputError(`${label}${issue.message}`, place);
}

function valueNode(doc: Document, path: (string | number)[]): YamlNode | undefined {
  for (let i = path.length; i >= 0; i--) {
    const node = doc.getIn(path.slice(0, i), true);
    if (node && typeof node === "object" && "range" in node) return node as YamlNode;
  }
  return doc.contents ?? undefined;
}

function keyNode(doc: Document, path: (string | number)[], key: string): YamlNode | undefined {
  const parent = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (isMap(parent)) {
    for (const pair of parent.items) {
      if (isScalar(pair.key) && String(pair.key.value) === key) return pair.key;
    }
  }
  return valueNode(doc, path);
}

/** The keys a zod object schema accepts at `path`, looking through optional/default/pipe wrappers. */
function objectKeysAt(schema: z.ZodType, path: (string | number)[]): string[] {
  let current: z.ZodType | undefined = schema;
  for (const segment of [...path, null]) {
    current = unwrap(current);
    if (!current) return [];
    if (segment === null) break;
    if (current instanceof z.ZodObject) current = current.shape[segment] as z.ZodType | undefined;
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else if (current instanceof z.ZodRecord) current = current.valueType as z.ZodType;
    else return [];
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (let guard = 0; current && guard < 20; guard++) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else if (current instanceof z.ZodUnion) {
      current =
        (current.options as z.ZodType[]).find((o) => unwrap(o) instanceof z.ZodObject) ??
        (current.options[0] as z.ZodType);
      if (current instanceof z.ZodObject) return current;
    } else {
      return current;
    }
  }
  return current;
}
