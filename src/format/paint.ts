/**
 * How text output asks for color: each formatter (gates, triage, criteria) and every CLI command
 * takes a Paint, so the pure formatters never know whether a terminal or a test reads them.
 */
export type Style = "green" | "red" | "yellow" | "bold" | "dim";
export type Paint = (style: Style, text: string) => string;

/** No color: what the formatters use when the caller gives no Paint, and what the demo captures. */
export const plain: Paint = (_style, text) => text;
