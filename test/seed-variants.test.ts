/**
 * A new snapshot flows through: edited copies of the seed pages (every table figure changed, a fiscal year or a
 * 20-F filing added, blocks reordered, a prose figure changed, a line made unreadable) go through the real generator
 * and the real functions entry, and the bundled functions answer what the edited pages say, read by the tests' own
 * reader, or generation stops naming the seed file and line.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { SPEC, type KcName } from "../src/data/spec";
import { StubError } from "./support/custom-functions-stub";
import { loadFunctions } from "./support/load-functions";
import { filing, statementPeriods, statementRow } from "./support/seed-tables";
import { excelSerial, HK_PAGE, lineOf, readSeedsFrom, seedLines, US_PAGE } from "./support/seed-reader";
import { bundle, bundleOf, ORIGINAL, replaceAll, variant, type Pages, type Variant } from "./support/seed-variants";

/** The statement table's rows and the metric each is asked for by. */
const ROWS: Readonly<Record<string, string>> = {
  "Total Revenue": "revenue",
  "Gross Profit": "gross_profit",
  EBITDA: "ebitda",
  "Net Income": "net_income",
  "Total Assets": "total_assets",
  "Cash, Cash Equivalents and Short-Term Investments": "cash_and_short_term_investments",
  "Total Debt": "total_debt",
  "Total Liabilities": "total_liabilities",
  "Stockholders Equity": "total_equity",
  "Free Cash Flow": "free_cash_flow",
  "Operating Cash Flow": "operating_cash_flow",
  "Investing Cash Flow": "investing_cash_flow",
  "Financing Cash Flow": "financing_cash_flow",
};

const FILING_FIELDS = ["form", "fiscal_year", "period_end", "filed", "revenue", "revenue_growth", "eps", "eps_growth", "result"] as const;

/** A figure as the pages write it ("1.08", "-13.8") changed to another with as many decimals and the same sign. */
const changed = (digits: string) => {
  const decimals = digits.split(".")[1]?.length ?? 0;
  const value = Number(digits);
  return (value * 1.37 + Math.sign(value || 1) * 3 * 10 ** -decimals).toFixed(decimals);
};

const lines = (text: string) => text.split("\n");
const statementStart = (hk: string) => lines(hk).findIndex((l) => l.startsWith("Breakdown"));
/** The indexes of the statement table's figure rows on the analysis page. */
const statementRows = (hk: string) => {
  const all = lines(hk);
  const rows: number[] = [];
  for (let i = statementStart(hk) + 1; (all[i] ?? "").trim() !== ""; i++) if (/\d[KMB]$/.test(all[i] as string)) rows.push(i);
  return rows;
};
/** The overview page's Form 20-F blocks: [first line index, line count] each, in page order. */
const filingBlocks = (us: string) => {
  const all = lines(us);
  const starts = all.flatMap((l, i) => (/^\s*•\s*Form 20-F - FY \d{4}$/.test(l) ? [i] : []));
  return starts.map((s, k) => [s, (starts[k + 1] ?? all.length) - s] as const);
};
/** The analysis page's corporate events: [first line index, line count] each (title to the rating line and a blank). */
const eventBlocks = (hk: string) => {
  const all = lines(hk);
  const heading = all.findIndex((l) => l.trim().endsWith(" Corporate Events"));
  const glossary = all.findIndex((l, i) => i > heading && l.trim() === "Glossary");
  const dates = all.flatMap((l, i) => (i > heading && i < glossary && /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/.test(l.trim()) ? [i] : []));
  return dates.map((d, k) => [d - 1, (k + 1 < dates.length ? (dates[k + 1] as number) - 1 : glossary) - (d - 1)] as const);
};
/** `text` with the blocks put in reverse order where they stand (they must be contiguous). */
const reversed = (text: string, blocks: ReadonlyArray<readonly [number, number]>) => {
  const all = lines(text);
  const first = (blocks[0] as readonly [number, number])[0];
  const parts = blocks.map(([s, n]) => all.slice(s, s + n));
  const last = blocks[blocks.length - 1] as readonly [number, number];
  return [...all.slice(0, first), ...parts.reverse().flat(), ...all.slice(last[0] + last[1])].join("\n");
};

/** (a) Every figure of the statement table and of the 20-F list changed, and every filing date moved a day. */
function everyTableFigureChanged(): { pages: Pages; count: number } {
  const hk = lines(ORIGINAL.hk);
  let count = 0;
  for (const i of statementRows(ORIGINAL.hk)) {
    const r = replaceAll(hk[i] as string, /-?\d+(?:\.\d+)?(?=[KMB])/g, changed);
    hk[i] = r.text;
    count += r.count;
  }
  const us = lines(ORIGINAL.us);
  for (const [start, n] of filingBlocks(ORIGINAL.us)) {
    for (let i = start; i < start + n; i++) {
      const line = us[i] as string;
      const r = line.trim().startsWith("Revenue:") || line.trim().startsWith("EPS:")
        ? replaceAll(line, /-?\d+(?:\.\d+)?(?=[KMB%+-]|$)/g, (m) => changed(m))
        : replaceAll(line, /(?<=Filed: [A-Z][a-z]{2} )\d{1,2}(?=,)/g, (d) => String(Number(d) + 1));
      us[i] = r.text;
      count += r.count;
    }
  }
  return { pages: { us: us.join("\n"), hk: hk.join("\n") }, count };
}

/** (b) A "Dec 2025" column after TTM, with a figure on every row. */
function decemberColumnAdded(): { pages: Pages; count: number } {
  const hk = lines(ORIGINAL.hk);
  const header = statementStart(ORIGINAL.hk);
  hk[header] = (hk[header] as string).replace("TTM", "TTMDec 2025");
  let count = hk[header] === lines(ORIGINAL.hk)[header] ? 0 : 1;
  for (const i of statementRows(ORIGINAL.hk)) {
    const r = replaceAll(hk[i] as string, /^.*?[A-Za-z]-?\d+(?:\.\d+)?[KMB]/g, (ttm) => `${ttm}${changed(/-?[\d.]+(?=[KMB]$)/.exec(ttm)?.[0] as string)}${ttm.slice(-1)}`);
    hk[i] = r.text;
    count += r.count;
  }
  return { pages: { us: ORIGINAL.us, hk: hk.join("\n") }, count };
}

/** (c) A Form 20-F FY2025 block at the head of the list. */
function filingAdded(): { pages: Pages; count: number } {
  const us = lines(ORIGINAL.us);
  const [first] = filingBlocks(ORIGINAL.us)[0] as readonly [number, number];
  const block = ["  • Form 20-F - FY 2025", "", "    Period End: Dec 31, 2025|Filed: Apr 21, 2026|", "    Revenue: $1.31B+17.4%", "    |", "    EPS: $-0.52+54.0%", "    Beat"];
  us.splice(first, 0, ...block);
  return { pages: { us: us.join("\n"), hk: ORIGINAL.hk }, count: block.length };
}

/** (e) Figures and a date in the pages' prose, each changed to a value no page states. */
const PROSE = {
  highlights: { from: "Total revenues reached RMB7.79B in 2024", to: "Total revenues reached RMB8.12B in 2024" },
  call: { from: "Xiaomi and Kingsoft ecosystem reached RMB 629 million", to: "Xiaomi and Kingsoft ecosystem reached RMB 655 million" },
  analysis: { from: "Date of analysis: Jan 28, 2026", to: "Date of analysis: Feb 3, 2026" },
} as const;

type Core = {
  facts: { id: string; metric: string; period: string; value: number; currency: string | null; primary: boolean }[];
  reconciliations: { id: string; note: string; status: string }[];
};
const coreOf = (v: Variant) => JSON.parse(v.generated.ok ? v.generated.core : "null") as Core;
const textOf = (v: Variant) => JSON.parse(v.generated.ok ? v.generated.text : "null") as { plausibilityRules: { id: string; text: string }[] };
const primaryValue = (core: Core, metric: string, period: string) => core.facts.find((f) => f.primary && f.metric === metric && f.period === period && f.currency === "RMB")?.value as number;

const answersOf = (v: Variant) => {
  const { registered } = loadFunctions(undefined, bundleOf(v));
  return (name: KcName, ...args: unknown[]) => {
    const fn = registered.get(name);
    if (!fn) throw new Error(`${name} is not registered in ${v.name}'s bundle`);
    return fn(...args, ...Array(Math.max(0, SPEC[name].params.length - args.length)).fill(null));
  };
};
type Call = ReturnType<typeof answersOf>;

/** What the table functions answer for every statement cell and filing the seeds under `seeds` hold. */
function tableAnswers(call: Call) {
  const years = lines(ORIGINAL.us).flatMap((l) => /Form 20-F - FY (\d{4})$/.exec(l)?.[1] ?? []).map(Number);
  return {
    figures: Object.values(ROWS).flatMap((metric) => statementPeriods().map((p) => [metric, p, call("FIGURE", metric, p)])),
    filings: years.flatMap((y) => FILING_FIELDS.map((field) => [y, field, call("FILING", y, field)])),
    usd: years.map((y) => [y, call("REVENUE", y, "USD"), call("FIGURE", "eps", y, "USD")]),
    periods: call("PERIODS"),
    history: Object.values(ROWS).map((metric) => call("HISTORY", metric, "FY-4", "TTM")),
    statements: ["income", "balance", "cashflow"].map((s) => call("STATEMENT", s)),
    events: call("EVENTS"),
    fx: call("FXRATE", "FY0"),
    asOf: [call("ASOF"), call("ASOF", "financials"), call("COMPANY")],
  };
}

let base: string;
const V: Record<string, Variant> = {};
const counts: Record<string, number> = {};
let bundleSeconds = 0;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), "kc-seed-variants-"));
  const edits: Record<string, { pages: Pages; count: number }> = {
    original: { pages: ORIGINAL, count: 0 },
    figures: everyTableFigureChanged(),
    year: decemberColumnAdded(),
    filing: filingAdded(),
    filingsReordered: { pages: { us: reversed(ORIGINAL.us, filingBlocks(ORIGINAL.us)), hk: ORIGINAL.hk }, count: filingBlocks(ORIGINAL.us).length },
    eventsReordered: { pages: { us: ORIGINAL.us, hk: reversed(ORIGINAL.hk, eventBlocks(ORIGINAL.hk)) }, count: eventBlocks(ORIGINAL.hk).length },
    prose: { pages: { us: ORIGINAL.us.replace(PROSE.highlights.from, PROSE.highlights.to), hk: ORIGINAL.hk.replace(PROSE.call.from, PROSE.call.to) }, count: 2 },
    analysis: { pages: { us: ORIGINAL.us, hk: ORIGINAL.hk.replace(PROSE.analysis.from, PROSE.analysis.to) }, count: 1 },
  };
  for (const [name, edit] of Object.entries(edits)) {
    V[name] = variant(base, name, edit.pages);
    counts[name] = edit.count;
  }
  const started = Date.now();
  await bundle(Object.values(V).filter((v) => v.generated.ok));
  bundleSeconds = (Date.now() - started) / 1000;
}, 240_000);

afterEach(() => readSeedsFrom(null));

afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

/** Reads the seed pages of `v` with the tests' own reader for the rest of the test. */
const reading = (v: Variant) => readSeedsFrom(v.seeds);
const generatedOk = (v: Variant | undefined) => {
  const generated = v?.generated;
  expect(generated && !generated.ok ? generated.message : "generated").toBe("generated");
  return v as Variant;
};

describe("seed variants through the generator and the bundled functions", () => {
  it("regenerates the committed core.json byte for byte from unedited copies of the seeds", () => {
    const v = generatedOk(V.original);
    expect(v.generated.ok && v.generated.core).toBe(readFileSync(join(__dirname, "..", "src", "data", "core.json"), "utf8"));
    // Six bundles take about 4 s on two cores; a minute means the bundling lost its shortcuts.
    expect(bundleSeconds).toBeLessThan(60);
  });

  it("(a) answers every changed statement cell, 20-F field, USD revenue and EPS as the edited pages state them", () => {
    const v = generatedOk(V.figures);
    expect(v.pages.hk).not.toBe(ORIGINAL.hk);
    expect(v.pages.us).not.toBe(ORIGINAL.us);
    expect(counts.figures).toBe(13 * 6 + 5 * 5);
    const call = answersOf(v);
    reading(v);
    for (const [label, metric] of Object.entries(ROWS)) {
      for (const [period, figure] of Object.entries(statementRow(label))) {
        readSeedsFrom(null);
        expect(figure.value).not.toBe(statementRow(label)[period]?.value);
        reading(v);
        expect([metric, period, call("FIGURE", metric, period)]).toEqual([metric, period, figure.value]);
      }
    }
    for (const year of [2020, 2021, 2022, 2023, 2024]) {
      const f = filing(year);
      const expected = { form: "20-F", fiscal_year: year, period_end: excelSerial(f.periodEnd), filed: excelSerial(f.filed), revenue: f.revenue.value, revenue_growth: f.revenueGrowth.value, eps: f.eps.value, eps_growth: f.epsGrowth.value, result: f.result };
      expect(Object.fromEntries(FILING_FIELDS.map((field) => [field, call("FILING", year, field)]))).toEqual(expected);
      expect(call("REVENUE", year, "USD")).toBe(f.revenue.value);
      expect(call("FIGURE", "eps", year, "USD")).toBe(f.eps.value);
    }
  });

  it("(a) the notes that explain a disagreeing ratio are worked out from the edited figures", () => {
    const n = lineOf(HK_PAGE, "Net Income");
    const row = (seedLines(HK_PAGE)[n - 1] as string).trim();
    const edited = replaceAll(row, /-?\d+(?:\.\d+)?(?=[KMB])/g, (m) => (Number(m) * 1.5).toFixed(2));
    expect(edited.count).toBe(6);
    const v = generatedOk(variant(base, "income", { us: ORIGINAL.us, hk: ORIGINAL.hk.replace(row, edited.text) }));
    const core = coreOf(v);
    const note = (id: string) => core.reconciliations.find((r) => r.id === id)?.note ?? "";
    const income = primaryValue(core, "net_income", "TTM");
    expect(income).toBeCloseTo(primaryValue(coreOf(V.original as Variant), "net_income", "TTM") * 1.5, 1);
    expect(note("roe_TTM")).toContain(`ending equity gives about ${((income / primaryValue(core, "total_equity", "TTM")) * 100).toFixed(1)}%`);
    expect(note("ocf_to_net_income_TTM")).toContain(`TTM figures give about ${(primaryValue(core, "operating_cash_flow", "TTM") / income).toFixed(2)}.`);
    expect(note("ocf_to_net_income_TTM")).toContain(`FY2024 figures give about ${(primaryValue(core, "operating_cash_flow", "FY2024") / primaryValue(core, "net_income", "FY2024")).toFixed(2)}.`);
  });

  it("(b) takes a Dec 2025 column as FY2025: listed, answered, the latest fiscal year, in HISTORY and STATEMENT", () => {
    const v = generatedOk(V.year);
    expect(counts.year).toBe(1 + 13);
    reading(v);
    expect(statementPeriods()).toContain("FY2025");
    const revenue = statementRow("Total Revenue");
    const call = answersOf(v);
    expect((call("PERIODS") as string[][]).flat()).toContain("FY2025");
    expect(call("REVENUE", 2025)).toBe(revenue.FY2025?.value);
    expect(call("FIGURE", "revenue", "FY0")).toBe(revenue.FY2025?.value);
    expect(call("FIGURE", "revenue", "FY-1")).toBe(revenue.FY2024?.value);
    const history = (call("HISTORY", "revenue", "FY-5", "FY0") as unknown[][]).flat();
    expect(history).toEqual(["FY2020", "FY2021", "FY2022", "FY2023", "FY2024", "FY2025"].map((p) => revenue[p]?.value));
    const income = (call("STATEMENT", "income") as unknown[][]).map((row) => row.map(String));
    expect(income[0]).toContain("FY2025");
    const column = (income[0] as string[]).indexOf("FY2025");
    expect(income.find((row) => row.includes("revenue") || row.includes("Total revenue"))?.[column]).toBe(String(revenue.FY2025?.value));
    // With a fiscal 2025, quarters of 2025 are held to it as well as to TTM, and the rule no longer says it is missing.
    const rule = (of: Variant) => textOf(of).plausibilityRules.find((r) => r.id === "quarter_within_period")?.text;
    expect(rule(V.original as Variant)).toContain("(the dataset has no fiscal 2025)");
    expect(rule(v)).toContain("the TTM period or fiscal year containing it");
  });

  it("(c) takes a Form 20-F FY2025 block: KC.FILING answers it and KC.PERIODS lists FY2025", () => {
    const v = generatedOk(V.filing);
    expect(v.pages.us).not.toBe(ORIGINAL.us);
    reading(v);
    const f = filing(2025);
    const call = answersOf(v);
    expect(Object.fromEntries(FILING_FIELDS.map((field) => [field, call("FILING", 2025, field)]))).toEqual({
      form: "20-F", fiscal_year: 2025, period_end: excelSerial(f.periodEnd), filed: excelSerial(f.filed), revenue: f.revenue.value,
      revenue_growth: f.revenueGrowth.value, eps: f.eps.value, eps_growth: f.epsGrowth.value, result: f.result,
    });
    expect(call("REVENUE", 2025, "USD")).toBe(f.revenue.value);
    expect((call("PERIODS") as string[][]).flat()).toContain("FY2025");
  });

  it.each(["filingsReordered", "eventsReordered"])("(d) %s: answers as on the original pages", (name) => {
    const v = generatedOk(V[name]);
    expect(counts[name]).toBeGreaterThan(1);
    expect(v.pages.us + v.pages.hk).not.toBe(ORIGINAL.us + ORIGINAL.hk);
    expect([...lines(v.pages.us), ...lines(v.pages.hk)].sort()).toEqual([...lines(ORIGINAL.us), ...lines(ORIGINAL.hk)].sort());
    const strip = (x: unknown) => JSON.parse(JSON.stringify(x, (k, value) => (typeof value === "string" ? value.replace(/\bline \d+\b|:\d+\b/g, "line #") : value)));
    const original = tableAnswers(answersOf(V.original as Variant));
    expect(Object.values(original).flat(3).filter((a) => a instanceof StubError)).toEqual([]);
    expect(original.figures.length + original.filings.length + (original.events as unknown[][]).length).toBeGreaterThan(13 * 6 + 5 * 9 + 3);
    expect(strip(tableAnswers(answersOf(v)))).toEqual(strip(original));
  });
  it("(e) a prose figure changed: the bundled functions answer the new figure and list the new conflict, never the old figure", () => {
    const v = generatedOk(V.prose);
    for (const { from, to } of [PROSE.highlights, PROSE.call]) {
      expect(ORIGINAL.us + ORIGINAL.hk).toContain(from);
      expect(v.pages.us + v.pages.hk).toContain(to);
    }
    const call = answersOf(v);
    const original = answersOf(V.original as Variant);
    // The call's ecosystem revenue is the only statement of it, so it is the figure KC.FIGURE answers.
    expect(original("FIGURE", "ecosystem_revenue", "Q2-2025")).toBe(629);
    expect(call("FIGURE", "ecosystem_revenue", "Q2-2025")).toBe(655);
    expect(String(call("SOURCE", "ecosystem_revenue", "Q2-2025"))).toContain("RMB 655 million");
    // The highlights' revenue is not primary (the statement table is), so the change shows as a conflict.
    expect(call("REVENUE", "FY2024")).toBe(original("REVENUE", "FY2024"));
    const conflicts = (grid: unknown) => JSON.stringify(grid);
    expect(conflicts(original("CONFLICTS"))).not.toContain("RMB8.12B");
    expect(conflicts(call("CONFLICTS"))).toContain("RMB8.12B");
    expect(conflicts(call("CONFLICTS"))).not.toContain("RMB7.79B");
  });

  it("(e) a new date of analysis: KC.ASOF and the dataset version answer it, never the old date", () => {
    const v = generatedOk(V.analysis);
    const call = answersOf(v);
    expect(answersOf(V.original as Variant)("ASOF")).toBe(excelSerial("2026-01-28"));
    expect(call("ASOF")).toBe(excelSerial("2026-02-03"));
    expect(call("ASOF", "analysis")).toBe(excelSerial("2026-02-03"));
    expect(String(call("ASOF", "version"))).toMatch(/^2026-02-03 · [0-9a-f]{12}$/);
    expect(JSON.stringify(call("EVENTS"))).not.toContain(String(excelSerial("2026-01-28")));
  });
  it("(c) a seventh performance comparison row and a fourth key-metrics row are read like the others", () => {
    const hk = lines(ORIGINAL.hk);
    hk.splice(lineOf(HK_PAGE, "HK:0536") - 1, 0, "HK:9999", "Example Holdings Ltd", "2.34", "-0.05", "-2.09%");
    const us = lines(ORIGINAL.us);
    us.splice(lineOf(US_PAGE, "PLUS$"), 0, "ABCD$1.23B12.37.7%12.5%");
    const v = generatedOk(variant(base, "peers", { us: us.join("\n"), hk: hk.join("\n") }));
    const peers = (JSON.parse(v.generated.ok ? v.generated.text : "{}") as { peers: { list: string; ticker: string | null; values: Record<string, unknown> }[] }).peers;
    const count = (list: string, of: Variant | null) =>
      (JSON.parse(of?.generated.ok ? of.generated.text : "{}") as { peers: { list: string }[] }).peers.filter((p) => p.list === list).length;
    expect(count("hk_performance", v)).toBe(count("hk_performance", V.original as Variant) + 1);
    expect(count("key_metrics", v)).toBe(count("key_metrics", V.original as Variant) + 1);
    expect(peers.find((p) => p.ticker === "HK:9999")?.values).toMatchObject({ price: 2.34, change: -0.05, change_percent: -0.0209, currency: "HKD" });
    expect(peers.find((p) => p.ticker === "ABCD")?.values).toMatchObject({ market_cap_usd_m: 1230, pe_ttm: 12.3, roe_ttm: 0.077, debt_to_assets: 0.125 });
  });
  it("(b) a fiscal year dropped from the statement table: the prose figures for it answer, and the checks that need it stay, as not computable, naming what is missing", () => {
    const hk = lines(ORIGINAL.hk);
    const header = statementStart(ORIGINAL.hk);
    const columns: string[] = (hk[header] as string).match(/TTM|Dec \d{4}/g) ?? [];
    const dropped = columns.indexOf("Dec 2023");
    expect(dropped).toBeGreaterThan(0);
    hk[header] = (hk[header] as string).replace("Dec 2023", "");
    for (const i of statementRows(ORIGINAL.hk)) {
      let k = -1;
      hk[i] = (hk[i] as string).replace(/-?\d+(?:\.\d+)?[KMB]/g, (m) => (++k === dropped ? "" : m));
    }
    const v = variant(base, "no-2023", { us: ORIGINAL.us, hk: hk.join("\n") });
    const generated = generatedOk(v);
    const checks = coreOf(generated).reconciliations;
    const check = (id: string) => checks.find((r) => r.id === id);
    expect(check("gross_margin_FY2023")).toMatchObject({ status: "not_computable", note: "Stated 12.1%; the dataset has no gross_profit FY2023 to recompute it from." });
    expect(check("gross_margin_FY2024")?.status).toBe("reconciles");
    expect(checks.map((r) => r.id)).toEqual(coreOf(V.original as Variant).reconciliations.map((r) => r.id));
    // The 2024 highlights state 2023's revenue; with no table column for 2023, theirs is the figure KC answers.
    const revenue2023 = coreOf(generated).facts.find((f) => f.metric === "revenue" && f.period === "FY2023" && f.currency === "RMB");
    expect(revenue2023).toMatchObject({ primary: true, value: 7050 });
    expect(coreOf(generated).facts.some((f) => f.metric === "gross_profit" && f.period === "FY2023")).toBe(false);
  });
});

describe("seed variants that generation must refuse", () => {
  it("stops when the dashboard's quarter and the latest results announcement disagree, naming both lines", () => {
    const dashboard = lineOf(US_PAGE, "Q3 2025 Data");
    const announcement = lineOf(HK_PAGE, "quarter ending September 30, 2025");
    const v = variant(base, "quarters", { us: ORIGINAL.us.replace("Q3 2025 Data", "Q4 2025 Data"), hk: ORIGINAL.hk });
    expect(v.pages.us).not.toBe(ORIGINAL.us);
    expect(v.generated).toMatchObject({ ok: false, message: expect.stringContaining(`${US_PAGE}:${dashboard}`) });
    expect(v.generated).toMatchObject({ ok: false, message: expect.stringContaining(`${HK_PAGE}:${announcement}`) });
  });

  it("stops when no page names the latest quarter", () => {
    const v = variant(base, "no-quarter", { us: ORIGINAL.us.replace("Q3 2025 Data", "Latest Quarter Data"), hk: ORIGINAL.hk.replace("quarter ending September 30, 2025", "quarter of 2025") });
    expect(v.pages.us).not.toBe(ORIGINAL.us);
    expect(v.pages.hk).not.toBe(ORIGINAL.hk);
    expect(v.generated).toMatchObject({ ok: false, message: expect.stringContaining("no page names the latest quarter") });
  });

  it("(f) a statement row with a figure missing: generation stops naming the file and line", () => {
    const n = lineOf(HK_PAGE, "Gross Profit");
    const row = (seedLines(HK_PAGE)[n - 1] as string).trim();
    const short = row.replace(/-?\d+(?:\.\d+)?[KMB]$/, "");
    expect(short).not.toBe(row);
    const v = variant(base, "row", { us: ORIGINAL.us, hk: ORIGINAL.hk.replace(row, short) });
    expect(v.generated).toMatchObject({ ok: false, message: expect.stringContaining(`${HK_PAGE} line ${n}`) });
  });

  it("(f) a 20-F block whose date line is garbled: generation stops naming the file and line", () => {
    const n = filing(2022).titleLine + 2;
    const dates = (seedLines(US_PAGE)[n - 1] as string).trim();
    expect(dates).toMatch(/^Period End:/);
    const garbled = dates.replace("Filed:", "Filed on");
    expect(garbled).not.toBe(dates);
    const v = variant(base, "dates", { us: ORIGINAL.us.replace(dates, garbled), hk: ORIGINAL.hk });
    expect(v.generated).toMatchObject({ ok: false, message: expect.stringContaining(`${US_PAGE} line ${n}`) });
  });
  it("(f) a key-metrics row that does not read: generation stops naming the file and line", () => {
    const n = lineOf(US_PAGE, "DAVE$");
    const row = (seedLines(US_PAGE)[n - 1] as string).trim();
    const v = variant(base, "key-metrics", { us: ORIGINAL.us.replace(row, row.replace("%", " pct")), hk: ORIGINAL.hk });
    expect(v.pages.us).not.toBe(ORIGINAL.us);
    expect(v.generated).toMatchObject({ ok: false, message: expect.stringContaining(`${US_PAGE} line ${n}: key-metrics row not recognised`) });
  });

  it("(f) a performance comparison row cut short: generation stops naming the file and line", () => {
    const n = lineOf(HK_PAGE, "HK:0536");
    const hk = lines(ORIGINAL.hk);
    hk.splice(n + 1, 1);
    const v = variant(base, "performance", { us: ORIGINAL.us, hk: hk.join("\n") });
    expect(v.generated).toMatchObject({ ok: false, message: expect.stringContaining(`${HK_PAGE} line`) });
    expect(v.generated.ok ? "" : v.generated.message).toMatch(/^002_\S+ line \d+: performance comparison (price|change|% change): cannot read/);
  });
});
