import { InputError } from "../../errors.js";
import type { ActionContext } from "../context.js";

/** Placeholder until the report mode lands. */
export async function run(_ctx: ActionContext): Promise<void> {
  throw new InputError("mode report is not implemented yet", { file: "action input mode", fix: "use mode: gate" });
}
