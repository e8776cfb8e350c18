/** Assembles the dataset from the two seeds and checks it against the schema, naming the seed line on failure. */
import { createHash } from "crypto";
import { Dataset, DatasetCore, DatasetText, type Fact, type Source } from "../../src/data/schema";
import { metricsFor, periodsFor } from "./catalogue";
import { contentHash } from "./content-hash";
import * as curated from "./curated";
import { factConflicts, impliedFx, nextEarningsConflict, reconciliations } from "./derive";
import { plausibilityChecks, plausibilityRules } from "./plausibility";
import { corporateEvents, filings, hkPeers, hkPerformance, statementTable, usPeers } from "./extract";
import { type Seed, SeedCitationError } from "./seed";
import { seedSumProblems } from "./seed-sums";
import { analysisDate, latestQuarterEnd, loadPages, pageTitles, type Pages } from "./snapshot";

export class DatasetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatasetError";
  }
}

/**
 * A figure marked secondary (`primary: false`) defers to another source of the same metric, period and currency, such
 * as the statement table. Where that source states nothing for the period (a year the table no longer shows), the
 * figure is the only statement there is, and it answers: it becomes primary. Several secondary figures and no primary
 * stay as they are, and generation stops on them naming the metric and period.
 */
function soleStatementsPrimary(facts: readonly Fact[]): Fact[] {
  const key = (f: Fact) => `${f.metric}|${f.period}|${f.currency ?? ""}`;
  const count = new Map<string, number>();
  for (const f of facts) count.set(key(f), (count.get(key(f)) ?? 0) + 1);
  return facts.map((f) => (!f.primary && count.get(key(f)) === 1 ? { ...f, primary: true } : f));
}

export function buildDataset(root: string): Dataset {
  const pages = loadPages(root);
  try {
    return assemble(pages);
  } catch (error) {
    throw located(error, [pages.us, pages.hk]);
  }
}

/**
 * A citation of a fragment found on no line, with the line that now starts most like it: a figure the page changed
 * ("Total revenues reached RMB7.79B" now reading RMB8.12B) fails there, and the message names that line.
 */
function located(error: unknown, seeds: readonly Seed[]): unknown {
  const m = error instanceof SeedCitationError ? /^(.+?): "(.*)" is on 0 lines/.exec(error.message) : null;
  const seed = m ? seeds.find((s) => s.file === m[1]) : undefined;
  if (!m || !seed) return error;
  const fragment = m[2] as string;
  const common = (line: string) => {
    const start = line.indexOf(fragment.slice(0, 12));
    if (start < 0) return 0;
    let n = 0;
    while (n < fragment.length && line[start + n] === fragment[n]) n++;
    return n;
  };
  const best = seed.lines.map((line, i) => ({ n: i + 1, shared: common(line) })).sort((a, b) => b.shared - a.shared)[0];
  if (!best || best.shared < 12) return error;
  const text = (seed.lines[best.n - 1] as string).trim();
  return new SeedCitationError(`${error instanceof Error ? error.message : error}; the nearest line is ${seed.file} line ${best.n}: "${text.slice(0, 120)}${text.length > 120 ? "…" : ""}"`);
}

function assemble(pages: Pages): Dataset {
  const { us, hk } = pages;
  const analysis = analysisDate(hk);
  const quarter = latestQuarterEnd(pages);
  const titles = pageTitles(pages, analysis);
  const table = statementTable(hk);
  const reports = filings(us);
  const facts = soleStatementsPrimary([...table, ...reports.facts, ...curated.curatedFacts(pages)]);
  const call = curated.earningsCall(pages);
  const next = curated.nextEarnings(pages);
  const events = [...corporateEvents(hk), ...curated.timeline(pages, reports.filings, next, call)].sort(
    (a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id),
  );
  const periods = periodsFor([...facts.map((f) => f.period), ...reports.filings.map((f) => `FY${f.fiscalYear}`)], quarter.end);
  const late = periods.find((p) => p.kind === "quarter" && p.end > quarter.end);
  if (late) throw new DatasetError(`${late.id} has figures but ends after ${quarter.end}, the latest quarter the pages report (${quarter.sources.map((s) => `${s.file}:${s.line}`).join(", ")})`);
  const checks = plausibilityChecks(facts, periods);
  const sha = (s: Seed) => createHash("sha256").update(s.text).digest("hex");
  const content = {
    company: titles.company,
    asOf: { analysis: analysis.date, financials: quarter.end, source: analysis.source },
    seeds: [
      { file: us.file, ...titles.us, sha256: sha(us) },
      { file: hk.file, ...titles.hk, sha256: sha(hk) },
    ],
    periods,
    metrics: metricsFor(facts),
    facts,
    profile: curated.profile(pages),
    about: curated.about(pages),
    listings: curated.listings(pages),
    rating: curated.rating(pages),
    technicals: curated.technicals(pages),
    scores: curated.scores(pages),
    trends: curated.trends(pages),
    filings: reports.filings,
    events,
    earningsCall: call,
    highlights: curated.highlights(pages),
    outlook: curated.outlook(pages),
    risks: curated.risks(pages, call),
    riskSummary: curated.riskSummary(pages),
    positiveFactors: curated.positiveFactors(pages),
    ratingSummary: curated.ratingSummary(pages),
    statementSummaries: curated.statementSummaries(pages),
    peers: [...usPeers(us), ...hkPeers(hk), ...hkPerformance(hk, curated.hkPriceCurrency(hk))],
    nextEarnings: next,
    conflicts: [...factConflicts(facts), nextEarningsConflict(next, { file: hk.file, analysis: analysis.written })],
    reconciliations: reconciliations(facts, periods),
    plausibilityRules: plausibilityRules(periods),
    plausibility: checks,
    implausible: checks.filter((c) => c.status === "fails"),
    fx: impliedFx(facts),
    capital: curated.capital(pages),
  };
  return { ...content, contentHash: contentHash(content) };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 1)}\n`;

/**
 * What `npm run data` writes for the seeds under `root`: src/data/core.json and text.json, validated. Refuses seeds
 * that differ from seeds/SHA256SUMS.
 */
export function generate(root: string): { dataset: Dataset; files: { "core.json": string; "text.json": string } } {
  const problems = seedSumProblems(root);
  if (problems.length > 0) {
    throw new DatasetError(`${problems.join("\n")}\nThe seeds are the source documents byte for byte; if one was replaced on purpose, record it with \`cd seeds && sha256sum *.txt > SHA256SUMS\`.`);
  }
  const dataset = validate(buildDataset(root));
  return { dataset, files: { "core.json": json(DatasetCore.parse(dataset)), "text.json": json(DatasetText.parse(dataset)) } };
}

/** The nearest seed line to a failing path, so a bad dataset names where it came from. */
function sourceNear(data: unknown, path: ReadonlyArray<PropertyKey>): Source | null {
  let node: unknown = data;
  let found: Source | null = null;
  for (const key of path) {
    if (node === null || typeof node !== "object") break;
    const record = node as Record<PropertyKey, unknown>;
    const source = record.source as Source | undefined;
    if (source && typeof source.line === "number") found = source;
    node = record[key];
  }
  return found;
}

export function validate(data: unknown): Dataset {
  const result = Dataset.safeParse(data);
  if (result.success) {
    const ids = new Set<string>();
    for (const f of result.data.facts) {
      if (ids.has(f.id)) throw new DatasetError(`facts: duplicate id ${f.id} (${f.source.file}:${f.source.line})`);
      ids.add(f.id);
      if (!result.data.metrics.some((m) => m.id === f.metric)) throw new DatasetError(`facts.${f.id}: metric ${f.metric} is not in the catalogue (${f.source.file}:${f.source.line})`);
    }
    const checked = new Set<string>();
    for (const p of result.data.plausibility) {
      const name = `${p.rule} ${p.period} (${p.inputs.join(", ")})`;
      if (checked.has(name)) throw new DatasetError(`plausibility: ${name} is checked twice`);
      checked.add(name);
      const unknown = p.inputs.find((id) => !ids.has(id));
      if (unknown) throw new DatasetError(`plausibility: ${name} reads ${unknown}, which is not a fact`);
      if (!result.data.plausibilityRules.some((r) => r.id === p.rule)) throw new DatasetError(`plausibility: ${name} applies a rule the dataset does not explain`);
    }
    const failing = result.data.plausibility.filter((p) => p.status === "fails");
    if (JSON.stringify(result.data.implausible) !== JSON.stringify(failing)) throw new DatasetError("implausible: not the plausibility checks that fail");
    return result.data;
  }
  const lines = result.error.issues.slice(0, 10).map((issue) => {
    const where = sourceNear(data, issue.path);
    return `${issue.path.map(String).join(".")}: ${issue.message}${where ? ` (seed ${where.file} line ${where.line})` : ""}`;
  });
  throw new DatasetError(`the dataset does not match its schema:\n  ${lines.join("\n  ")}`);
}
