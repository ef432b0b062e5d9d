// String helpers shared by the lexer, parser and evaluator.

/** Characters that end a bare word; kept in one place so lexer and printer agree. */
export const SPECIAL = new Set(["(", ")", ":", ">", "<", '"']);

export function isSpace(ch: string): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r";
}

export function isWordChar(ch: string): boolean {
  return ch !== "" && !isSpace(ch) && !SPECIAL.has(ch);
}

/** Quote a value for printing only when the lexer could not read it back bare. */
export function quoteIfNeeded(value: string): string {
  const bare = value.length > 0 && [...value].every(isWordChar) && !isKeyword(value);
  return bare ? value : `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export function isKeyword(word: string): boolean {
  return word === "AND" || word === "OR" || word === "NOT";
}

/** Case-insensitive containment; queries are typed by humans. */
export function containsFold(haystack: string, needle: string): boolean {
  return haystack.toLowerCase().includes(needle.toLowerCase());
}

/** A caret line under `source` pointing at `pos`, for error messages. */
export function caret(source: string, pos: number): string {
  return `${source}\n${" ".repeat(Math.max(0, pos))}^`;
}
