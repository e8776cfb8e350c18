/**
 * Requirement sets that match the code: every Office.js member src/ uses needs only a set manifest.xml requires, or
 * sits behind an isSetSupported check (the rule: test/support/api-sets.ts). Sets come from the annotations of
 * @types/office-js and @types/custom-functions-runtime; the Excel versions behind them from Microsoft's tables.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type ts from "typescript";
import { compareVersions, manifestSets, officeUses, programFor, provides, ROOT, setsInDoc, show, sourceFiles, violations, type ApiSet, type Use } from "./support/api-sets";

const FIXTURE = join(__dirname, "fixtures", "api-sets", "checks.ts");
const declared = manifestSets(readFileSync(join(ROOT, "manifest.xml"), "utf8"));
let program: ts.Program;
let uses: Use[];

beforeAll(() => {
  program = programFor([...sourceFiles(), FIXTURE]);
  uses = officeUses(program, sourceFiles());
});

/** The highest version of each set that some use needs with no check around it. */
function uncheckedNeeds(list: readonly Use[]): Map<string, string> {
  const highest = new Map<string, string>();
  for (const { needs, checkedBy } of list) {
    if (!needs || checkedBy) continue;
    const before = highest.get(needs.name);
    if (!before || compareVersions(needs.version, before) > 0) highest.set(needs.name, needs.version);
  }
  return highest;
}

describe("the sources against manifest.xml", () => {
  it("use only members of the sets the manifest requires, except behind an isSetSupported check", () => {
    expect(violations(uses, declared)).toEqual([]);
  });

  it("find the Office.js members the sources use and the set each needs, listed here by set", () => {
    const bySet = new Map<string, Set<string>>();
    for (const u of uses) {
      const key = u.needs ? show(u.needs) : "(no set annotated)";
      const beyond = u.needs && !declared.some((d) => provides(d, u.needs as ApiSet));
      bySet.set(key, (bySet.get(key) ?? new Set()).add(beyond && u.checkedBy ? `${u.member} [checked: ${show(u.checkedBy)}]` : u.member));
    }
    const order = [...bySet.keys()].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    console.warn(`Office.js members used by src/ (manifest declares ${declared.map(show).join(", ")}):\n${order.map((k) => `  ${k}: ${[...(bySet.get(k) ?? [])].sort().join(", ")}`).join("\n")}`);

    const members = new Set(uses.map((u) => u.member));
    expect(members.size).toBeGreaterThan(20);
    const needs = (member: string) => uses.find((u) => u.member === member)?.needs;
    expect(needs("Excel.Range.getSpillingToRangeOrNullObject")).toEqual({ name: "ExcelApi", version: "1.12" });
    expect(needs("Excel.WorksheetCollection.getItemOrNullObject")).toEqual({ name: "ExcelApi", version: "1.4" });
    // Written, not read: "[Api set: ExcelApi 1.1 for reading visibility; 1.2 for setting it.]"
    expect(needs("Excel.Worksheet.visibility")).toEqual({ name: "ExcelApi", version: "1.2" });
    // Enum members without their own annotation take the enum's.
    expect(needs("Excel.SheetVisibility.veryHidden")).toEqual({ name: "ExcelApi", version: "1.1" });
    expect(needs("CustomFunctions.Error")).toEqual({ name: "CustomFunctionsRuntime", version: "1.2" });
    expect(needs("CustomFunctions.ErrorCode.notAvailable")).toEqual({ name: "CustomFunctionsRuntime", version: "1.3" });
  });

  it("convert formulas to values only after checking ExcelApi 1.12, which the spilled block needs", () => {
    const spill = uses.filter((u) => u.member === "Excel.Range.getSpillingToRangeOrNullObject");
    expect(spill.length).toBeGreaterThan(0);
    for (const u of spill) expect(u.checkedBy).toEqual({ name: "ExcelApi", version: "1.12" });
  });

  it("make the manifest require exactly the highest version of each set that the code uses unchecked", () => {
    const highest = uncheckedNeeds(uses);
    expect(highest.size).toBeGreaterThan(1);
    for (const [name, version] of highest) expect(`${name} ${declared.find((d) => d.name === name)?.version ?? "(not declared)"}`).toBe(`${name} ${version}`);
  });

  it("require no ExcelApi version that some Excel with the manifest's other sets lacks", () => {
    // Microsoft's tables: CustomFunctionsRuntime 1.3 starts at Windows Version 2008 (Build 13127.20296), Office 2021,
    // retail 2311, Mac 16.40, the web (never iPad); SharedRuntime 1.1 at Version 2002, Mac 16.35. ExcelApi 1.11 is in
    // all of them (Version 2002 Build 12527.20470, Office 2021, Mac 16.33); ExcelApi 1.12 needs Build 13127.20408.
    const excel = declared.find((d) => d.name === "ExcelApi");
    expect(excel && compareVersions(excel.version, "1.11")).toBeLessThanOrEqual(0);
    expect(declared.map(show)).toEqual(expect.arrayContaining(["SharedRuntime 1.1", "CustomFunctionsRuntime 1.3"]));
  });
});

describe("the check rule", () => {
  it("covers exactly the uses the fixture marks as covered", () => {
    const text = readFileSync(FIXTURE, "utf8").split("\n");
    const found = officeUses(program, [FIXTURE]).filter((u) => u.member === "Excel.Range.getSpillingToRangeOrNullObject");
    const marked = text.flatMap((line, i) => (/getSpillingToRangeOrNullObject\(\)/.test(line) ? [`${i + 1} ${/\/\/ covered$/.test(line) ? "covered" : "not covered"}`] : []));
    expect(found.map((u) => `${u.line} ${u.checkedBy ? "covered" : "not covered"}`)).toEqual(marked);
    expect(marked.filter((m) => m.endsWith(" covered") && !m.endsWith("not covered")).length).toBeGreaterThan(4);
    expect(marked.filter((m) => m.endsWith("not covered")).length).toBeGreaterThan(4);
  });

  it("reports an unchecked use with its file, line, member, the set it needs and what the manifest declares", () => {
    const found = officeUses(program, [FIXTURE]);
    const [first] = violations(found, [{ name: "ExcelApi", version: "1.4" }]);
    expect(first).toMatch(/^test\/fixtures\/api-sets\/checks\.ts:\d+ Excel\.Range\.getSpillingToRangeOrNullObject needs ExcelApi 1\.12; manifest declares ExcelApi 1\.4; no isSetSupported guard$/);
    expect(violations(found, [{ name: "ExcelApi", version: "1.12" }])).toEqual([]);
  });

  it("reads each form of annotation Microsoft's type definitions use", () => {
    const cases: [string, ApiSet[]][] = [
      ["[Api set: ExcelApi 1.12]", [{ name: "ExcelApi", version: "1.12" }]],
      ["[Api set: ExcelApi 1.1 for reading visibility; 1.2 for setting it.]", [{ name: "ExcelApi", version: "1.2" }]],
      ["[Api set: ExcelApi 1.9, ExcelApi Preview for null `destinationRange`]", [{ name: "ExcelApi", version: "1.9" }]],
      ["[Api set: ExcelApiOnline 1.1]", [{ name: "ExcelApiOnline", version: "1.1" }]],
      ["[Api set: ExcelApi BETA (PREVIEW ONLY)]", [{ name: "ExcelApi", version: "preview" }]],
      ["**Requirement set**: {@link https://learn.microsoft.com/javascript/api/requirement-sets/common/shared-runtime-requirement-sets | SharedRuntime 1.1}", [{ name: "SharedRuntime", version: "1.1" }]],
      ["Gets the range's address.", []],
    ];
    for (const [doc, sets] of cases) expect([doc, setsInDoc(doc)]).toEqual([doc, sets]);
  });

  it("counts a set as provided only by the same set at the same or a later version, never a preview", () => {
    expect(provides({ name: "ExcelApi", version: "1.13" }, { name: "ExcelApi", version: "1.12" })).toBe(true);
    expect(provides({ name: "ExcelApi", version: "1.4" }, { name: "ExcelApi", version: "1.12" })).toBe(false);
    expect(provides({ name: "ExcelApi", version: "1.20" }, { name: "ExcelApiOnline", version: "1.1" })).toBe(false);
    expect(provides({ name: "ExcelApi", version: "1.21" }, { name: "ExcelApi", version: "preview" })).toBe(false);
  });

  it("reads the manifest's sets, a Set without MinVersion taking the Sets default", () => {
    expect(manifestSets('<Requirements><Sets DefaultMinVersion="1.2"><Set Name="ExcelApi"/><Set Name="SharedRuntime" MinVersion="1.1"/></Sets></Requirements>')).toEqual([
      { name: "ExcelApi", version: "1.2" },
      { name: "SharedRuntime", version: "1.1" },
    ]);
    expect(manifestSets("<OfficeApp/>")).toEqual([]);
  });
});
