/**
 * Cells that hold data types, passed to KC functions as Excel passes them. functions.json sets
 * allowCustomDataForDataTypeAny, so Excel hands an `any` parameter the cell's value object (Excel.CellValue) instead
 * of its basic value. The shapes below are typed against @types/office-js, so they are the documented ones.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { StubError } from "./support/custom-functions-stub";
import { DIST, functionsMetadata, loadFunctions } from "./support/load-functions";
import { statementRow } from "./support/seed-tables";

const { registered } = loadFunctions();
const call = (id: string, ...args: unknown[]) => (registered.get(id) as (...a: unknown[]) => unknown)(...args);
const revenue = statementRow("Total Revenue");

const year2024: Excel.FormattedNumberCellValue = { type: "FormattedNumber", basicValue: 2024, numberFormat: "0" };
const doubleWithCard: Excel.DoubleCellValue = {
  type: "Double",
  basicValue: 2024,
  basicType: "Double",
  properties: { note: { type: "String", basicValue: "fiscal year" } },
};
const ttmText: Excel.StringCellValue = { type: "String", basicValue: "TTM" };
const company: Excel.EntityCellValue = { type: "Entity", text: "Kingsoft Cloud", properties: { Ticker: { type: "String", basicValue: "KC" } } };
const linked: Excel.LinkedEntityCellValue = { type: "LinkedEntity", text: "KC", id: { entityId: "x", domainId: "y", serviceId: 268, culture: "en-US" } };
const error: Excel.ErrorCellValue = { type: "Error", basicValue: "#N/A", errorType: "NotAvailable" };
const empty: Excel.EmptyCellValue = { type: "Empty", basicValue: "" };

describe("KC functions given cells that hold data types", () => {
  it("are allowed to receive data types on their any parameters", () => {
    const json = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as { allowCustomDataForDataTypeAny?: boolean };
    expect(json.allowCustomDataForDataTypeAny).toBe(true);
    expect(functionsMetadata().find((f) => f.name === "FIGURE")?.parameters.find((p) => p.name === "period")?.type).toBe("any");
  });

  it("read a formatted number or a number with properties as its number", () => {
    expect(call("REVENUE", year2024, null, null)).toBe(revenue.FY2024?.value);
    expect(call("FIGURE", "net_income", doubleWithCard, null, null)).toBe(statementRow("Net Income").FY2024?.value);
    expect(call("CAGR", "revenue", 2020, year2024)).toBeCloseTo(call("CAGR", "revenue", 2020, 2024) as number, 12);
  });

  it("read a string value as its text and an empty value as omitted", () => {
    expect(call("REVENUE", ttmText, null, null)).toBe(revenue.TTM?.value);
    expect(call("GROWTHRATE", "revenue", 2024, empty)).toBe(call("GROWTHRATE", "revenue", 2024, null));
  });

  it("read data types inside a range argument", () => {
    expect(call("REVENUE", [[year2024]], null, null)).toBe(revenue.FY2024?.value);
  });

  it("refuse an entity with #VALUE! that says to reference one of its fields", () => {
    for (const entity of [company, linked]) {
      const result = call("REVENUE", entity, null, null) as StubError;
      expect(result).toBeInstanceOf(StubError);
      expect(result.code).toBe("#VALUE!");
      expect(result.message).toMatch(/holds a data type.*reference one of its fields \(e\.g\. =A1\.Field\)/);
    }
    expect((call("REVENUE", company, null, null) as StubError).message).toContain('"Kingsoft Cloud"');
  });

  it("refuse a cell that holds an error by saying so", () => {
    const result = call("REVENUE", error, null, null) as StubError;
    expect(result.code).toBe("#VALUE!");
    expect(result.message).toMatch(/holds an error \(#N\/A\)/);
  });

  it("refuse a value of a type they do not know without throwing", () => {
    const result = call("REVENUE", { type: "SomethingNew", basicValue: "#VALUE!" }, null, null) as StubError;
    expect(result.code).toBe("#VALUE!");
    expect(result.message).toMatch(/type SomethingNew/);
  });
});
