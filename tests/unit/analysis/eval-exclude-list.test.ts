import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readExcludeList } from "@/scripts/eval/read-exclude-list";

describe("readExcludeList", () => {
  it("takes one file name per line, keeping inner spaces, and skips comments and blanks", () => {
    const list = readExcludeList("# read while tuning\n\nA B.pdf\r\n  C,INC.PDF  \n#D.pdf\n");
    expect([...list]).toEqual(["A B.pdf", "C,INC.PDF"]);
  });

  it("reads the held-out list the bench notes use", () => {
    const list = readExcludeList(readFileSync("bench/eval-held-out-read.txt", "utf8"));
    expect(list.size).toBe(28);
    expect(list.has("ELECTRAMECCANICA VEHICLES CORP. - Manufacturing Agreement .PDF")).toBe(true);
  });
});
