import * as core from "@actions/core";
import type { Mode } from "../event-modes.js";
import { type ActionContext, readContext } from "./context.js";
import { failureMessage } from "./failure.js";

/** Each mode is its own module, loaded only when chosen. */
const modes: Record<Mode, () => Promise<{ run(ctx: ActionContext): Promise<void> }>> = {
  gate: () => import("./modes/gate.js"),
  triage: () => import("./modes/triage.js"),
  report: () => import("./modes/report.js"),
  criteria: () => import("./modes/criteria.js"),
};

/** Entry point of the GitHub Action: picks the mode from the event (or the `mode` input) and runs it. */
export async function run(): Promise<void> {
  try {
    const ctx = await readContext();
    const mode = await modes[ctx.mode]();
    await mode.run(ctx);
  } catch (error) {
    core.setFailed(failureMessage(error));
  }
}
