// Public entry point: compile a query string into a predicate over records.
import { Node } from "./ast";
import { parse } from "./parser";
import { containsFold } from "./utils/strings";

export { parse, ParseError } from "./parser";
export { tokenize, LexError } from "./lexer";
export type { Token, TokenKind } from "./lexer";
export { print } from "./ast";
export type { Node } from "./ast";

export type Value = string | number | boolean | null | undefined | string[];
export type Item = { [field: string]: Value };

function asText(v: Value): string {
  if (Array.isArray(v)) return v.join(" ");
  return v === null || v === undefined ? "" : String(v);
}

/** Evaluate a parsed query against one record. */
export function evaluate(node: Node, rec: Item): boolean {
  switch (node.type) {
    case "and": return evaluate(node.left, rec) && evaluate(node.right, rec);
    case "or": return evaluate(node.left, rec) || evaluate(node.right, rec);
    case "not": return !evaluate(node.operand, rec);
    case "field": {
      const v = rec[node.field];
      const want = node.value.toLowerCase();
      // Array fields (tags) match when any element equals the value.
      if (Array.isArray(v)) return v.some((x) => x.toLowerCase() === want);
      return containsFold(asText(v), node.value);
    }
    case "compare": {
      const v = Number(rec[node.field]);
      if (Number.isNaN(v)) return false;
      return node.op === ">" ? v > node.value : v < node.value;
    }
    case "text":
      return Object.values(rec).some((v) => containsFold(asText(v), node.value));
  }
}

/** Parse once, then match many records. */
export function compile(query: string): (rec: Item) => boolean {
  const ast = parse(query);
  return (rec) => evaluate(ast, rec);
}
