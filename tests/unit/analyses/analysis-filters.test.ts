import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { likePattern, parseAnalysisFilters } from "@/lib/analyses/analysis-filters";
import { defaultDirection } from "@/lib/analyses/analysis-sorts";

const parse = (query: string) => parseAnalysisFilters(new URLSearchParams(query));

describe("parseAnalysisFilters", () => {
  it("reads every filter, trimmed, the type lower-cased and the page a number", () => {
    expect(
      parse(
        "q=%20Acme%20&status=succeeded&type=NDA&law=England&from=2026-01-01&to=2026-02-01&sort=name&dir=desc&view=results&page=3",
      ),
    ).toEqual({
      q: "Acme",
      status: "succeeded",
      type: "nda",
      law: "England",
      from: "2026-01-01",
      to: "2026-02-01",
      sort: "name",
      dir: "desc",
      view: "results",
      page: 3,
    });
  });

  it("treats empty values (an empty select) as no filter and ignores other keys", () => {
    expect(parse("q=&status=&type=%20&format=csv&limit=10")).toEqual({});
  });

  it.each([
    ["status=paid"],
    ["sort=size"],
    ["dir=up"],
    ["page=0"],
    ["page=two"],
    ["from=01/02/2026"],
    ["from=2026-02-30"],
    ["from=2026-03-01&to=2026-02-01"],
    [`q=${"x".repeat(201)}`],
  ])("refuses %s", (query) => {
    expect(() => parse(query)).toThrow(ZodError);
  });
});

describe("likePattern", () => {
  it("makes the user's % and _ literal characters, not wildcards", () => {
    expect(likePattern("50%_off\\")).toBe("%50\\%\\_off\\\\%");
    expect(likePattern("acme")).toBe("%acme%");
  });
});

describe("defaultDirection", () => {
  it("puts the newest and dearest first and names A to Z", () => {
    expect(defaultDirection("created")).toBe("desc");
    expect(defaultDirection("price")).toBe("desc");
    expect(defaultDirection("name")).toBe("asc");
    expect(defaultDirection("expiration")).toBe("asc");
  });
});
