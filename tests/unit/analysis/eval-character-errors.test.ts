import { expect, it } from "vitest";
import { countCharacterErrors } from "@/scripts/eval/character-error-rate";
import { levenshteinDistance } from "@/scripts/eval/levenshtein-distance";

it("counts the edits between two strings", () => {
  expect(levenshteinDistance("kitten", "sitting")).toBe(3);
  expect(levenshteinDistance("", "abc")).toBe(3);
  expect(levenshteinDistance("abc", "")).toBe(3);
  expect(levenshteinDistance("flaw", "lawn")).toBe(2);
  expect(levenshteinDistance("Agreement", "Agreement")).toBe(0);
});

it("ignores layout whitespace but counts every other difference", () => {
  expect(countCharacterErrors("This  Agreement\nshall", "This Agreement shall\n")).toEqual({
    edits: 0,
    characters: 20,
  });
  expect(countCharacterErrors("April 14th, 2020", "April 14¢, 2020")).toEqual({
    edits: 2,
    characters: 16,
  });
});
