/**
 * The next data snapshot adds years and quarters without a code edit, so no source file and no help text Excel shows
 * may name a year or a date of its own: every year, period and date an analyst reads comes from the dataset.
 */
import { readdirSync, readFileSync } from "fs";
import { join, relative } from "path";
import { DIST } from "./support/load-functions";

const ROOT = join(__dirname, "..");
const SRC = join(ROOT, "src");
/** Generated from the seeds by `npm run data`: the dataset is where the years live. */
const DATASET = new Set(["src/data/core.json", "src/data/text.json"]);

const MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

/** A year (1900–2099, alone or inside "FY2024", "Q3-2025", "2025-09-30"), a month and day, or a two-digit fiscal year or quarter. */
const DATED: readonly RegExp[] = [
  /(?<!\d)(?:19|20)\d\d(?!\d)/g,
  new RegExp(`\\b${MONTH}\\.? \\d{1,2}(?!\\d)`, "g"),
  new RegExp(`(?<!\\d)\\d{1,2} ${MONTH}\\b`, "g"),
  /(?<![A-Za-z])(?:FY ?|[1-4]Q ?)\d\d(?!\d)/g,
];

/**
 * What reads as a year but names none, each removed from a line before it is searched:
 * Office's version and build numbers (Microsoft 365 "Version 2008 (Build 13127.20408)", perpetual "Office 2021" and
 * "Excel 2024", which src/office/requirements.ts names as the least a feature needs), and the SVG namespace URI.
 */
const NOT_DATES: readonly RegExp[] = [
  /\bVersion \d{4} \(Build \d+\.\d+\)/g,
  /\b(?:Office|Excel) (?:2016|2019|2021|2024)\b/g,
  /http:\/\/www\.w3\.org\/2000\/svg/g,
];

/** Every year or date `text` names, after the allowances above. */
function datesIn(text: string): string[] {
  const stripped = NOT_DATES.reduce((t, pattern) => t.replace(pattern, " "), text);
  return DATED.flatMap((pattern) => stripped.match(pattern) ?? []);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** "file:line: matches — text" for every dated line of the files under src/ (the dataset aside). */
function datedSourceLines(): string[] {
  const found: string[] = [];
  for (const path of filesUnder(SRC)) {
    const file = relative(ROOT, path).split("\\").join("/");
    if (DATASET.has(file)) continue;
    readFileSync(path, "utf8")
      .split("\n")
      .forEach((line, i) => {
        const dates = datesIn(line);
        if (dates.length) found.push(`${file}:${i + 1}: ${dates.join(", ")} — ${line.trim().slice(0, 160)}`);
      });
  }
  return found;
}

type Metadata = { functions: { name: string; description: string; parameters: { name: string; description?: string }[]; result?: { description?: string } }[] };

describe("no year or date of its own in the add-in", () => {
  it("reads a year, a month and day, a two-digit fiscal year or quarter, and lets Office's version numbers and the SVG namespace pass", () => {
    expect(datesIn('Use a fiscal year (2024, "FY2024", "FY24"), or a quarter ("Q3 2025", "3Q25").')).toEqual(["2024", "2024", "2025", "FY24", "3Q25"]);
    expect(datesIn("the analysis date (Jan 28, 2026) or 30 September; 2025-09-30")).toEqual(["2026", "2025", "Jan 28", "30 September"]);
    expect(datesIn("A1:CV2000, Q2-2025, 1999")).toEqual(["2000", "2025", "1999"]);
    expect(datesIn('"Microsoft 365 Version 2008 (Build 13127.20408) or later, Excel 2021 or later"; createElementNS("http://www.w3.org/2000/svg", "svg")')).toEqual([]);
    expect(datesIn('"FY0", "FY-1", "FY-4", "TTM", "Qn YYYY", "Mon D, YYYY", 32767, 86_400_000, 0123456789ab, 13127.20408, v1.19')).toEqual([]);
    expect(datesIn("Version 2008 alone, Office 2020")).toEqual(["2008", "2020"]);
  });

  it("no file under src/ but the generated dataset names a year or a date", () => {
    expect(datedSourceLines()).toEqual([]);
  });

  it("the help Excel shows (dist/functions.json, generated from the functions' JSDoc) names no year or date", () => {
    const metadata = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as Metadata;
    expect(metadata.functions.length).toBeGreaterThan(0);
    const texts = metadata.functions.flatMap((f) => [
      [`KC.${f.name}`, f.description],
      ...f.parameters.map((p) => [`KC.${f.name} ${p.name}`, p.description ?? ""]),
      [`KC.${f.name} result`, f.result?.description ?? ""],
    ]);
    expect(texts.filter(([, text]) => datesIn(text as string).length).map(([where, text]) => `${where}: ${text}`)).toEqual([]);
  });
});
