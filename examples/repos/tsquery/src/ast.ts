// AST node types for parsed queries, plus a printer that round-trips.
import { quoteIfNeeded } from "@lib/strings";

export type Node =
  | { type: "and"; left: Node; right: Node }
  | { type: "or"; left: Node; right: Node }
  | { type: "not"; operand: Node }
  | { type: "field"; field: string; value: string }
  | { type: "compare"; field: string; op: ">" | "<"; value: number }
  | { type: "text"; value: string };

export const and = (left: Node, right: Node): Node => ({ type: "and", left, right });
export const or = (left: Node, right: Node): Node => ({ type: "or", left, right });
export const not = (operand: Node): Node => ({ type: "not", operand });

/** Binding strength used by the printer to decide where parentheses go. */
function precedence(node: Node): number {
  switch (node.type) {
    case "or": return 1;
    case "and": return 2;
    case "not": return 3;
    default: return 4;
  }
}

export function print(node: Node): string {
  const wrap = (child: Node, min: number) => {
    const s = print(child);
    return precedence(child) < min ? `(${s})` : s;
  };
  switch (node.type) {
    case "or": return `${wrap(node.left, 1)} OR ${wrap(node.right, 2)}`;
    case "and": return `${wrap(node.left, 2)} AND ${wrap(node.right, 3)}`;
    case "not": return `NOT ${wrap(node.operand, 3)}`;
    case "field": return `${node.field}:${quoteIfNeeded(node.value)}`;
    case "compare": return `${node.field}${node.op}${node.value}`;
    case "text": return quoteIfNeeded(node.value);
  }
}
