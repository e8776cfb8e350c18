import { readFileSync } from "fs";
import { join } from "path";
import { allSources, ROOT } from "./support/dataset";

/** Lines with digits that are headings or page chrome, not statements; each with why it is not data. */
const NOT_DATA: Record<string, Record<number, string>> = {
  "000_12d22aa60451a452.txt": {
    27: "label; the value on the next line is cited", 29: "label; the value on the next line is cited", 31: "label; the value on the next line is cited",
    39: "legend heading of the F-score bands (each band is cited)",
    48: "section heading (Q3 2025 Data)",
    53: "sparkline caption", 58: "sparkline caption", 63: "sparkline caption",
    65: "section heading (2024 Annual Earnings Highlights)",
    126: "chart caption", 130: "label; the value on the next line is cited", 133: "label; the value on the next line is cited",
  },
  "002_6d82bc69ff353dc9.txt": {
    4: "page title", 5: "page title", 8: "page title", 15: "page title", 19: "page title",
    45: "benchmark chart caption (no figures on the page)",
    61: "section heading (Q2-2025 Updates)",
    99: "statement table header: read by code to name each column's period",
    123: "label; the value on the next line is cited", 126: "label; the value on the next line is cited", 129: "label; the value on the next line is cited",
    247: "glossary", 248: "glossary", 249: "glossary",
  },
};

describe("every section of both pages is represented", () => {
  const cited = new Set(allSources().map(({ source }) => `${source.file}:${source.line}`));

  for (const [file, skip] of Object.entries(NOT_DATA)) {
    it(`${file}: every line that shows a number or date is cited by the dataset`, () => {
      const lines = readFileSync(join(ROOT, "seeds", file), "utf8").split("\n");
      const missing = lines
        .map((text, i) => ({ line: i + 1, text }))
        .filter(({ line, text }) => /\d/.test(text) && !cited.has(`${file}:${line}`) && !skip[line])
        .map(({ line, text }) => `${line}: ${text.slice(0, 80)}`);
      expect(missing).toEqual([]);
    });
  }

  it("docs/COVERAGE.md maps each seed section to the dataset", () => {
    const doc = readFileSync(join(ROOT, "docs", "COVERAGE.md"), "utf8");
    for (const section of ["Financial Dashboard", "2024 Annual Earnings Highlights", "Risk Factors", "Outlook", "Peer Comparison", "Long-Term Trends", "Reports", "Positive Factors", "Negative Factors", "Earnings Call", "Financial Statement Overview", "Technical Analysis", "Risk Analysis", "Peers Comparison", "Corporate Events"]) {
      expect(doc).toContain(section);
    }
  });
});
