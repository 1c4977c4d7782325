import type { Nodes } from "mdast";

/** What a visitor returns: go into the node's children (nothing), skip them, or stop the walk. */
export type WalkAction = "skip" | "exit" | undefined;

/**
 * Visits every node of an mdast tree depth-first, parents before children, with the node's
 * ancestors (root first). `ancestors` is one live stack: read it during the call, never change or keep
 * it. A plain walk, because unist-util-visit-parents names a fresh closure for every node it
 * visits, which on a long gate costs more than building the tree.
 */
export function walk(tree: Nodes, visitor: (node: Nodes, ancestors: Nodes[]) => WalkAction): void {
  const ancestors: Nodes[] = [];
  const visit = (node: Nodes): boolean => {
    const action = visitor(node, ancestors);
    if (action === "exit") return false;
    if (action === "skip" || !("children" in node)) return true;
    ancestors.push(node);
    for (const child of node.children as Nodes[]) {
      if (!visit(child)) return false;
    }
    ancestors.pop();
    return true;
  };
  visit(tree);
}
