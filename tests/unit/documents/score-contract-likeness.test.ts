import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractDocumentText } from "@/lib/documents/extract-document-text";
import { scoreContractLikeness } from "@/lib/documents/score-contract-likeness";
import { CONTRACTS_DIR, contractPdfs, readContract } from "@/tests/support/contracts";

const contractTexts = fs
  .readdirSync(path.join(CONTRACTS_DIR, "txt"))
  .filter((name) => name.endsWith(".txt"))
  .map((name) => ({ name, text: fs.readFileSync(path.join(CONTRACTS_DIR, "txt", name), "utf8") }));

const RECIPE = `Grandma's banana bread

Ingredients: three ripe bananas, one third cup of melted butter, one teaspoon of baking soda, a
pinch of salt, three quarters of a cup of sugar, one large egg, beaten, one teaspoon of vanilla
extract, one and a half cups of all-purpose flour.

Method: Preheat the oven to 175 degrees and butter a loaf pan. In a mixing bowl, mash the ripe
bananas with a fork until completely smooth. Stir the melted butter into the mashed bananas. Mix
in the baking soda and salt. Stir in the sugar, beaten egg, and vanilla extract. Mix in the flour.
Pour the batter into your prepared loaf pan. Bake for 55 to 65 minutes, until a tester inserted
into the center comes out clean. Remove from the oven and let cool in the pan for a few minutes.
Then remove the banana bread from the pan and let cool completely before serving. Slice and
serve. It keeps for a few days at room temperature, well wrapped, and freezes well for a month.
Variations: add a cup of walnuts or chocolate chips, swap half the flour for whole wheat flour,
or sprinkle cinnamon sugar on top before baking for a crunchy crust the children will love.
Serve it warm with butter, or toasted the next morning with coffee. Enjoy with family.`;

const README = `# clauseflow-cli

A small command-line tool that uploads a folder of files and prints a table of results.

## Installation

Run npm install in the project folder, then npm run build. Node 22 or later is required.

## Usage

Set the API_URL and API_TOKEN environment variables, then run clauseflow-cli upload ./folder.
The tool walks the folder, uploads every PDF and DOCX file it finds, waits for the results and
prints one line per file with its status, the number of pages and the time it took. Use the
--json flag to print machine-readable output instead, and --concurrency to change how many
uploads run at once (the default is four). Files larger than the server's limit are skipped with
a message. Press Ctrl-C to stop: uploads in flight finish, nothing new starts.

## Development

Run the tests with npm test and the linter with npm run lint. Pull requests are welcome; please
open an issue first to discuss what you would like to change, and add tests for new behaviour.
Releases follow semantic versioning and the changelog lists every change since the last version.

## License

MIT, see the LICENSE file.`;

describe("scoreContractLikeness", () => {
  it.each(contractTexts)("reads the sample contract $name as a contract", ({ text }) => {
    expect(scoreContractLikeness(text).looksLikeContract).toBe(true);
  });

  it("reads every sample PDF's extracted text as a contract", async () => {
    const pdfs = contractPdfs();
    expect(pdfs.length).toBeGreaterThan(0);
    const flagged: string[] = [];
    for (const pdf of pdfs) {
      const extracted = await extractDocumentText(readContract(pdf.file), "pdf");
      const text = extracted.units.map((unit) => unit.text).join("\n");
      if (!scoreContractLikeness(text).looksLikeContract) flagged.push(pdf.name);
    }
    expect(flagged).toEqual([]);
  }, 120_000);

  it.each([
    ["a recipe", RECIPE],
    ["a one-word file", "Hello"],
    ["an empty file", ""],
    ["a README", README],
    ["contract words without the text of one", "This agreement shall bind the parties hereby."],
  ])("flags %s", (_what, text) => {
    expect(scoreContractLikeness(text).looksLikeContract).toBe(false);
  });

  it("counts each kind of contract language once", () => {
    const repeated = `${"the parties shall ".repeat(100)}`;
    const score = scoreContractLikeness(repeated);
    expect(score.words).toBe(300);
    expect(score.signals).toBe(2);
    expect(score.looksLikeContract).toBe(false);
  });
});
