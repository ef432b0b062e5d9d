import { parse, print, compile, ParseError } from "../index";

describe("parse", () => {
  it("gives AND precedence over OR", () => {
    expect(parse("a OR b AND c")).toEqual({
      type: "or",
      left: { type: "text", value: "a" },
      right: {
        type: "and",
        left: { type: "text", value: "b" },
        right: { type: "text", value: "c" },
      },
    });
  });

  it("treats juxtaposition as AND", () => {
    expect(print(parse("tag:docs draft"))).toBe("tag:docs AND draft");
  });

  it("round-trips through the printer", () => {
    for (const q of ["(a OR b) AND NOT c", 'title:"read me" OR size>10', "NOT (x AND y)"]) {
      expect(print(parse(print(parse(q))))).toBe(print(parse(q)));
    }
  });

  it("reports the position of errors", () => {
    expect(() => parse("size>big")).toThrow(ParseError);
    expect(() => parse("(a OR b")).toThrow(/expected rparen/);
    expect(() => parse("")).toThrow(/empty query/);
  });
});

describe("compile", () => {
  const match = compile('tag:docs AND (size>10 OR title:"read me") NOT draft');

  it("matches records", () => {
    expect(match({ tag: ["docs", "howto"], size: 12, title: "Intro" })).toBe(true);
    expect(match({ tag: ["docs"], size: 3, title: "Please READ ME" })).toBe(true);
  });

  it("rejects records", () => {
    expect(match({ tag: ["docs"], size: 3, title: "Intro" })).toBe(false);
    expect(match({ tag: ["docs"], size: 99, title: "Intro", status: "draft" })).toBe(false);
    expect(match({ tag: ["api"], size: 99 })).toBe(false);
  });
});
