/**
 * One line of `launchgate doctor`: the config, gate and workflow checks (src/init/doctor.ts) and the
 * Prometheus checks (src/metrics/prometheus/doctor.ts) all report in this shape. A failed check is
 * something that will not work; a warning is a likely gap.
 */
export type Status = "pass" | "fail" | "warn";

export interface Check {
  status: Status;
  message: string;
  fix?: string;
}

/** The single `✓`/`✗`/`!` line doctor prints for a check. */
export function formatCheck(check: Check): string {
  const mark = check.status === "pass" ? "✓" : check.status === "fail" ? "✗" : "!";
  return check.fix ? `${mark} ${check.message} — ${check.fix}` : `${mark} ${check.message}`;
}
