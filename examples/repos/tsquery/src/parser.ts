// Recursive-descent parser:
//   query := or ; or := and ("OR" and)* ; and := unary (["AND"] unary)*
//   unary := "NOT" unary | primary ; primary := "(" or ")" | term
import { Node, and, or, not } from "./ast";
import { Token, TokenKind, tokenize } from "./lexer";
import { caret } from "./utils/strings";

export class ParseError extends Error {
  constructor(message: string, public readonly pos: number, source: string) {
    super(`${message} at ${pos}\n${caret(source, pos)}`);
    this.name = "ParseError";
  }
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[], private readonly source: string) {}

  private peek(): Token { return this.tokens[this.i]; }
  private next(): Token { return this.tokens[this.i++]; }

  private expect(kind: TokenKind): Token {
    const tok = this.next();
    if (tok.kind !== kind) this.fail(`expected ${kind}, found ${tok.kind}`, tok);
    return tok;
  }

  fail(message: string, tok: Token = this.peek()): never {
    throw new ParseError(message, tok.pos, this.source);
  }

  parseOr(): Node {
    let left = this.parseAnd();
    while (this.peek().kind === "or") {
      this.next();
      left = or(left, this.parseAnd());
    }
    return left;
  }

  parseAnd(): Node {
    let left = this.parseUnary();
    // Juxtaposition means AND, as in most search boxes.
    while (!["or", "rparen", "eof"].includes(this.peek().kind)) {
      if (this.peek().kind === "and") this.next();
      left = and(left, this.parseUnary());
    }
    return left;
  }

  parseUnary(): Node {
    if (this.peek().kind === "not") {
      this.next();
      return not(this.parseUnary());
    }
    return this.parsePrimary();
  }

  parsePrimary(): Node {
    const tok = this.next();
    if (tok.kind === "lparen") {
      const inner = this.parseOr();
      this.expect("rparen");
      return inner;
    }
    if (tok.kind === "string" || tok.kind === "number") return { type: "text", value: tok.text };
    if (tok.kind !== "word") this.fail(`unexpected ${tok.kind}`, tok);
    const op = this.peek().kind;
    if (op === "colon") {
      this.next();
      const value = this.next();
      if (!["word", "string", "number"].includes(value.kind)) this.fail("expected a value", value);
      return { type: "field", field: tok.text, value: value.text };
    }
    if (op === "gt" || op === "lt") {
      this.next();
      const num = this.expect("number");
      return { type: "compare", field: tok.text, op: op === "gt" ? ">" : "<", value: Number(num.text) };
    }
    return { type: "text", value: tok.text };
  }

  parseQuery(): Node {
    const node = this.parseOr();
    if (this.peek().kind !== "eof") this.fail("unexpected input");
    return node;
  }
}

export function parse(source: string): Node {
  const tokens = tokenize(source);
  if (tokens.length === 1) throw new ParseError("empty query", 0, source);
  return new Parser(tokens, source).parseQuery();
}
