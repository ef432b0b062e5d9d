// Lexer: turns a query string into tokens that remember their position.
import { isSpace, isWordChar, isKeyword, caret } from "./utils/strings";

export type TokenKind =
  | "word" | "string" | "number"
  | "and" | "or" | "not"
  | "colon" | "gt" | "lt" | "lparen" | "rparen" | "eof";

export interface Token {
  kind: TokenKind;
  text: string;
  pos: number;
}

export class LexError extends Error {
  constructor(message: string, public readonly pos: number, source: string) {
    super(`${message} at ${pos}\n${caret(source, pos)}`);
    this.name = "LexError";
  }
}

const PUNCT: Record<string, TokenKind> = {
  ":": "colon", ">": "gt", "<": "lt", "(": "lparen", ")": "rparen",
};

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (isSpace(ch)) {
      i++;
    } else if (ch in PUNCT) {
      tokens.push({ kind: PUNCT[ch], text: ch, pos: i });
      i++;
    } else if (ch === '"') {
      const start = i++;
      let text = "";
      while (i < source.length && source[i] !== '"') {
        // Backslash escapes the next character, so \" and \\ work.
        if (source[i] === "\\" && i + 1 < source.length) i++;
        text += source[i++];
      }
      if (i >= source.length) throw new LexError("unterminated string", start, source);
      i++; // closing quote
      tokens.push({ kind: "string", text, pos: start });
    } else {
      const start = i;
      while (i < source.length && isWordChar(source[i])) i++;
      const text = source.slice(start, i);
      tokens.push({ kind: classify(text), text, pos: start });
    }
  }
  tokens.push({ kind: "eof", text: "", pos: source.length });
  return tokens;
}

function classify(word: string): TokenKind {
  if (isKeyword(word)) return word.toLowerCase() as TokenKind;
  return /^-?\d+(\.\d+)?$/.test(word) ? "number" : "word";
}
