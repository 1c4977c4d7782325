import type * as z from "zod";
import { parseJsonList } from "../model/json-list.js";
import { readUserFile } from "./io.js";

/** Reads a user-named JSON export (GitHub REST shapes) and validates every element. */
export async function readJsonList<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>[]> {
  const bytes = await readUserFile(path);
  return parseJsonList(new TextDecoder().decode(bytes), schema, path);
}
