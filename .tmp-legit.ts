import fs from "node:fs";
import { makeSizedContractPdf } from "@/bench/support/sized-contract-pdf";
import { contractPdfs } from "@/tests/support/contracts";
import { makeLargeContractPdf } from "@/tests/support/large-contract-pdf";
const c = contractPdfs().at(-1)!;
fs.writeFileSync("/tmp/insp/p25mb.pdf", await makeSizedContractPdf(c.file, 25_000_000));
fs.writeFileSync("/tmp/insp/p500.pdf", await makeLargeContractPdf(500));
