/**
 * The README's example of what KC.COMPANY's and KC.CARD's cards show, rendered as Markdown from the values the shipped
 * dist/functions.js builds (its library's companyEntity, figureCard and cardView: the same code that answers in
 * Excel), since no Excel renders them here. `npm run docs` rewrites the section; a test fails when it is stale.
 */
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const cell = (s) => String(s).replace(/\|/g, "\\|").replace(/\n/g, " ");

/** One card as a Markdown table: its title (and value), each section's rows with sublabel and sources. */
function cardMarkdown(formula, view) {
  const lines = [`**\`${formula}\`** → card "${view.title}"${view.value !== null ? `, value ${view.value}` : ""}`, "", "| Field | Value | Source |", "|---|---|---|"];
  for (const section of view.sections) {
    if (section.title) lines.push(`| **${cell(section.title)}** | | |`);
    for (const row of section.rows) lines.push(`| ${cell(row.name)} | ${cell(row.value)}${row.sublabel ? ` (${cell(row.sublabel)})` : ""} | ${cell(row.sources.join("; "))} |`);
  }
  if (view.provider) lines.push("", `Provider: ${view.provider}.`);
  return lines.join("\n");
}

/** The section: COMPANY's card, and CARD's for the 2024 net loss in USD (a conversion and a conflict). */
function dataTypeSection(library) {
  const card = library.figureCard("net_income", 2024, "USD", null);
  if (!card.ok) throw new Error(`KC.CARD("net_income",2024,"USD") answered ${library.explain(card.reason)}`);
  return [cardMarkdown("=KC.COMPANY()", library.cardView(library.companyEntity("1.19"))), "", cardMarkdown('=KC.CARD("net_income",2024,"USD")', library.cardView(card.value))].join("\n");
}

/** The library dist/functions.js publishes, loaded in a context of its own with a CustomFunctions that only records. */
function loadLibrary(dist) {
  const CustomFunctions = { associate() {}, Error: class {}, ErrorCode: {} };
  const context = vm.createContext({ CustomFunctions, console });
  vm.runInContext(fs.readFileSync(path.join(dist, "functions.js"), "utf8"), context, { filename: "functions.js" });
  return context.kcLibrary;
}

module.exports = { cardMarkdown, dataTypeSection, loadLibrary };
