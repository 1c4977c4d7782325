import type { TriageConfig } from "./config.js";

export interface PhaseClass {
  phase: string | null;
  error: string | null;
}

/**
 * The launch phase an issue belongs to: the value of a `phase:N` label, else the milestone
 * (`Phase 5` → "5"; any other milestone title as written). Two different phase labels are an
 * error and give no phase.
 */
export function classifyPhase(
  issue: { labels: readonly string[]; milestone?: { title: string } | null | undefined },
  config: TriageConfig,
): PhaseClass {
  const prefix = config.phase_label_prefix.toLowerCase();
  const values = new Set<string>();
  for (const label of issue.labels) {
    if (label.toLowerCase().startsWith(prefix)) {
      const value = label.slice(prefix.length).trim();
      if (value) values.add(value);
    }
  }
  if (values.size > 1) {
    const listed = [...values].map((v) => `"${config.phase_label_prefix}${v}"`).join(" and ");
    return { phase: null, error: `conflicting phase labels ${listed}: keep one` };
  }
  const [labelled] = values;
  if (labelled) return { phase: labelled, error: null };
  const title = issue.milestone?.title.trim();
  if (!title) return { phase: null, error: null };
  return { phase: /^phase\s*[:#-]?\s*(\S+)$/i.exec(title)?.[1] ?? title, error: null };
}
