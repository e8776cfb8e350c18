/** How a source is named to a reader (src/data/citation.ts): by its document's title, and a table row by its cell. */
import { quotedIn, seedLine, tableCell, whereIn } from "../src/data/citation";
import type { Source } from "../src/data/schema";
import { dataset } from "./support/dataset";
import { HK_PAGE, lineOf, seedLines } from "./support/seed-reader";

const line = (file: string, phrase: string): Source => {
  const n = lineOf(file, phrase);
  return { file, line: n, text: (seedLines(file)[n - 1] ?? "").trim() } as Source;
};

describe("naming a source", () => {
  it("names the document by the title the dataset gives it, then the line", () => {
    const s = line(HK_PAGE, "Total Revenue");
    const title = dataset.seeds.find((seed) => seed.file === HK_PAGE)?.title ?? "";
    expect(title).toMatch(/\w+ \d{1,2}, \d{4}$/);
    expect(whereIn(dataset.seeds, s)).toBe(`${title}, line ${s.line}`);
    expect(quotedIn(dataset.seeds, s)).toBe(`${title}, line ${s.line}: "${s.text}"`);
  });

  it("names a document the dataset gives no title by its file", () => {
    const s = { file: "001_not_a_seed.txt", line: 3, text: "x" } as Source;
    expect(whereIn(dataset.seeds, s)).toBe("001_not_a_seed.txt, line 3");
    expect(quotedIn([], s)).toBe('001_not_a_seed.txt, line 3: "x"');
  });

  it("names a seed line one way for every reader who opens the file: the file, the line or lines, and any text quoted", () => {
    const s = line(HK_PAGE, "Total Revenue");
    const net = line(HK_PAGE, "Net Income");
    expect(seedLine(s.file, s.line)).toBe(`seeds/${HK_PAGE} line ${s.line}`);
    expect(seedLine(s.file, [s.line])).toBe(`seeds/${HK_PAGE} line ${s.line}`);
    expect(seedLine(s.file, [s.line, net.line])).toBe(`seeds/${HK_PAGE} lines ${s.line}, ${net.line}`);
    expect(seedLine(s.file, s.line, s.text)).toBe(`seeds/${HK_PAGE} line ${s.line}: "${s.text}"`);
  });

  it("reads a run-together statement row as its label and the column asked for", () => {
    expect(tableCell(line(HK_PAGE, "Total Revenue"), "FY2024")).toBe("Total Revenue × FY2024");
    expect(tableCell(line(HK_PAGE, "Cash, Cash Equivalents and Short-Term Investments"), "TTM")).toBe("Cash, Cash Equivalents and Short-Term Investments × TTM");
    expect(tableCell(line(HK_PAGE, "Net Income"), "FY2020")).toBe("Net Income × FY2020");
  });

  it("leaves a line with one figure as a quotation", () => {
    expect(tableCell(line(HK_PAGE, "Next Earnings Date:"), "FY2024")).toBeNull();
    expect(tableCell({ file: HK_PAGE, line: 1, text: "Last Price7.15" } as Source, "TTM")).toBeNull();
    // Prose with a figure and a year is no table row.
    expect(tableCell({ file: HK_PAGE, line: 1, text: "Total revenues reached RMB7.79B in 2024" } as Source, "FY2024")).toBeNull();
  });
});
