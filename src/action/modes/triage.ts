import { InputError } from "../../errors.js";
import type { ActionContext } from "../context.js";

/** Placeholder until the triage mode lands. */
export async function run(_ctx: ActionContext): Promise<void> {
  throw new InputError("mode triage is not implemented yet", { file: "action input mode", fix: "use mode: gate" });
}
