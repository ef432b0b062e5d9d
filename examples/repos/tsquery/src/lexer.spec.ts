import { tokenize, LexError } from "./lexer";

const kinds = (q: string) => tokenize(q).map((t) => t.kind);

describe("tokenize", () => {
  it("splits fields, operators and keywords", () => {
    expect(kinds("tag:docs AND size>10")).toEqual(["word", "colon", "word", "and", "word", "gt", "number", "eof"]);
  });

  it("keeps positions for error messages", () => {
    const toks = tokenize("  (a OR b)");
    expect(toks[0]).toEqual({ kind: "lparen", text: "(", pos: 2 });
    expect(toks[2]).toMatchObject({ kind: "or", pos: 5 });
  });

  it("reads quoted strings with escapes", () => {
    const [tok] = tokenize('"say \\"hi\\""');
    expect(tok).toEqual({ kind: "string", text: 'say "hi"', pos: 0 });
  });

  it("treats lower-case keywords as words", () => {
    expect(kinds("and or not")).toEqual(["word", "word", "word", "eof"]);
  });

  it("rejects an unterminated string", () => {
    expect(() => tokenize('title:"open')).toThrow(LexError);
  });
});
