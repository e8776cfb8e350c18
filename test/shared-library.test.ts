/** The dataset ships once: functions.js carries the library and its data and shares them; taskpane.js reads them. */
import { readFileSync } from "fs";
import { join } from "path";
import type { Library } from "../src/data/library";
import { DIST, loadFunctions } from "./support/load-functions";

const ROOT = join(__dirname, "..");
const dist = (file: string) => readFileSync(join(DIST, file), "utf8");

/** Quoted text of the figures (core.json) that the pane's own prose (text.json) does not repeat. */
function coreOnlyStrings(): string[] {
  const core = JSON.parse(readFileSync(join(ROOT, "src", "data", "core.json"), "utf8")) as unknown;
  const text = readFileSync(join(ROOT, "src", "data", "text.json"), "utf8");
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === "string" && value.length >= 40) found.add(value);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(core);
  return [...found].filter((s) => !text.includes(JSON.stringify(s).slice(1, -1)));
}

describe("the library functions.js shares with the task pane", () => {
  const { registered, context } = loadFunctions();
  const shared = (context as { kcLibrary?: Library }).kcLibrary;

  it("is published by functions.js even where CustomFunctions is its only global (the JavaScript-only runtime)", () => {
    expect(shared).toBeDefined();
    expect(Object.isFrozen(shared)).toBe(true);
  });

  it("holds the whole dataset, as core.json has it", () => {
    const core = JSON.parse(readFileSync(join(ROOT, "src", "data", "core.json"), "utf8")) as unknown;
    expect(JSON.parse(JSON.stringify(shared?.dataset))).toEqual(core);
  });

  it("answers as the registered custom functions do, and audits", () => {
    expect(shared?.KC.REVENUE(2024, null, null)).toMatchObject({ ok: true, value: 7790 });
    expect(registered.get("REVENUE")?.(2024, null, null)).toBe(7790);
    expect(shared?.auditFormula("=KC.REVENUE(2024)").map((entry) => entry.status)).toEqual(["value"]);
  });

  it("is in functions.js only: taskpane.js carries none of the figures' quoted text", () => {
    const strings = coreOnlyStrings();
    const functions = dist("functions.js");
    const taskpane = dist("taskpane.js");
    expect(strings.filter((s) => functions.includes(s)).length).toBeGreaterThan(50);
    expect(strings.filter((s) => taskpane.includes(s))).toEqual([]);
  });

  it("is loaded first: taskpane.html runs functions.js before taskpane.js", () => {
    const scripts = [...dist("taskpane.html").matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)].map((m) => m[1]);
    expect(scripts.filter((src) => !src?.startsWith("https:"))).toEqual(["functions.js", "taskpane.js"]);
  });
});
