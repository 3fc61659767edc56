import { describe, expect, it } from "vitest";
import { uniqueNames } from "@/lib/batches/build-memos-zip";
import { isContractArchive, unpackContractArchive } from "@/lib/batches/unpack-contract-archive";
import { deflatedEntry, makeDocx, makeZip, writeZip } from "@/tests/unit/documents/fixtures";

const roomy = () => ({ filesLeft: 50, bytesLeft: 100 * 1024 * 1024 });
const text = "Services Agreement. Customer shall pay $100.";

describe("isContractArchive", () => {
  it("tells an archive of files from a Word document, which is a ZIP too", async () => {
    expect(isContractArchive("a.zip", await makeZip({ "a.txt": text }))).toBe(true);
    // Named .docx or not, a ZIP without [Content_Types].xml is an archive.
    expect(isContractArchive("a.docx", await makeZip({ "a.txt": text }))).toBe(true);
    expect(isContractArchive("a.zip", await makeDocx(["One paragraph."]))).toBe(false);
    expect(isContractArchive("a.zip", new TextEncoder().encode(text))).toBe(false);
  });

  it("counts an unreadable ZIP as an archive only when it is named .zip", () => {
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(isContractArchive("contracts.zip", broken)).toBe(true);
    expect(isContractArchive("contract.pdf", broken)).toBe(false);
  });
});

describe("unpackContractArchive", () => {
  it("skips folders, __MACOSX and dot-files; unsafe paths and nested archives are problems", async () => {
    const docx = await makeDocx(["A Word contract."]);
    const archive = await makeZip({
      "docs/a.txt": text,
      "docs/b.docx": docx,
      "./c.txt": text,
      "__MACOSX/docs/._a.txt": "fork",
      ".DS_Store": "finder",
      ".git/config": "[core]",
      "../escape.txt": text,
      "/etc/passwd.txt": text,
      "C:/windows.txt": text,
      "inner.zip": await makeZip({ "x.txt": text }),
      "disguised.pdf": await makeZip({ "y.txt": text }),
    });
    const { files, problems } = await unpackContractArchive(
      { originalName: "bundle.zip", bytes: archive },
      roomy(),
    );
    expect(files.map((f) => f.originalName).sort()).toEqual([
      "./c.txt",
      "docs/a.txt",
      "docs/b.docx",
    ]);
    expect(files.find((f) => f.originalName === "docs/b.docx")?.bytes).toEqual(docx);
    expect(problems.map((p) => [p.filename, p.code]).sort()).toEqual(
      [
        ["bundle.zip: disguised.pdf", "nested_archive"],
        ["bundle.zip: escape.txt", "unsafe_path"],
        ["bundle.zip: inner.zip", "nested_archive"],
        ["bundle.zip: passwd.txt", "unsafe_path"],
        ["bundle.zip: windows.txt", "unsafe_path"],
      ].sort(),
    );
    for (const p of problems) expect(p.message).toMatch(/Nothing was charged\.$/);
  });

  it("refuses a bomb entry and keeps to the batch's budget of files and bytes", async () => {
    const archive = writeZip([
      deflatedEntry("one.txt", text),
      deflatedEntry("bomb.txt", " ".repeat(5 * 1024 * 1024)),
      deflatedEntry("two.txt", text),
      deflatedEntry("three.txt", text),
    ]);
    const budget = { filesLeft: 2, bytesLeft: 100 * 1024 * 1024 };
    const { files, problems } = await unpackContractArchive(
      { originalName: "x.zip", bytes: archive },
      budget,
    );
    expect(files.map((f) => f.originalName)).toEqual(["one.txt", "two.txt"]);
    expect(problems.map((p) => [p.filename, p.code])).toEqual([
      ["x.zip: bomb.txt", "decompression_bomb"],
      ["x.zip: three.txt", "too_many_files"],
    ]);
    expect(budget).toEqual({ filesLeft: 0, bytesLeft: 100 * 1024 * 1024 - 2 * text.length });

    const tight = await unpackContractArchive(
      { originalName: "x.zip", bytes: archive },
      { filesLeft: 50, bytesLeft: text.length },
    );
    expect(tight.files.map((f) => f.originalName)).toEqual(["one.txt"]);
    expect(tight.problems.map((p) => p.code)).toEqual([
      "batch_too_large",
      "batch_too_large",
      "batch_too_large",
    ]);
  });

  it("says so when an archive holds nothing but folders and hidden files", async () => {
    const archive = await makeZip({ "docs/.keep": "", "__MACOSX/._x": "fork" });
    const { files, problems } = await unpackContractArchive(
      { originalName: "empty.zip", bytes: archive },
      roomy(),
    );
    expect(files).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({ filename: "empty.zip", code: "empty_archive" }),
    ]);
  });

  it("reports an archive it cannot read as one problem", async () => {
    const { files, problems } = await unpackContractArchive(
      { originalName: "broken.zip", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9]) },
      roomy(),
    );
    expect(files).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({ filename: "broken.zip", code: "corrupt" }),
    ]);
  });
});

describe("uniqueNames", () => {
  it("numbers repeated memo names, ignoring case", () => {
    expect(uniqueNames(["A - memo.md", "a - memo.md", "B - memo.md", "A - memo.md"])).toEqual([
      "A - memo.md",
      "a - memo (2).md",
      "B - memo.md",
      "A - memo (3).md",
    ]);
  });
});
