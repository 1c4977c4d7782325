/** One GitHub task list item, exactly as github.com renders it as a checkbox. */
export interface ChecklistItem {
  /** 1-based line of the list item marker. */
  line: number;
  /** 1-based column of the list item marker. */
  column: number;
  checked: boolean;
  /** Plain text of the item's own paragraph (inline markup flattened, nested lists excluded). For a waived item, the struck-through text. */
  text: string;
  /** Texts of the headings above the item, outermost first. */
  headings: string[];
  /** Task list nesting depth: 0 for an item in a top-level list. */
  depth: number;
  /** Line of the nearest enclosing task list item, or null. */
  parent: number | null;
  /** `@user` / `@org/team` mentions in the item's text, without the `@`, lower-cased. */
  owners: string[];
  /** Marked `(optional)`: reported, never blocking. */
  optional: boolean;
  /** The item's text starts struck through (`~~…~~`): a waiver once ticked. */
  struck: boolean;
  /** Ticked with its text struck through and an `N/A:` reason. */
  waived: boolean;
  /** The reason after `N/A:`, when the item is struck through. */
  waiverReason: string | null;
  /** Ticked and struck through but without an `N/A:` reason: treated as not done. */
  waiverMissingReason: boolean;
}

/**
 * A YAML front matter block (`---` … `---` from line 1), unread: what its keys mean is the
 * caller's business (gates/document.ts reads a gate's).
 */
export interface FrontMatterBlock {
  /** The YAML between the fences. */
  yaml: string;
  /** 1-based line of the YAML's first line (the one after the opening `---`). */
  line: number;
}

export interface ChecklistDocument {
  path: string;
  frontMatterBlock: FrontMatterBlock | null;
  /** Text of the document's first heading, if any. */
  firstHeading: string | null;
  items: ChecklistItem[];
}
