/**
 * A small workbook model behind office-addin-mock objects: ranges read their address, formulas and values from the
 * model only after load() and context.sync(), as in Excel, and writes to formulas, values and numberFormat land in it.
 */
import { OfficeMockObject } from "office-addin-mock";
import { columnName, topLeft } from "../../src/office/excel";

type Cell = { formula: string | number | boolean; value: string | number | boolean; format?: string; spill?: string };
export type Sheet = { name: string; cells: Map<string, Cell>; visibility: string; tables: string[] };

export class FakeWorkbook {
  readonly sheets = new Map<string, Sheet>();
  selection = { sheet: "Sheet1", address: "A1" };
  readonly selectionHandlers: (() => Promise<void>)[] = [];
  private readonly mocks: OfficeMockObject[] = [];

  constructor(cells: Record<string, { formula: string | number; value: string | number; spill?: string }> = {}) {
    this.sheets.set("Sheet1", { name: "Sheet1", cells: new Map(Object.entries(cells).map(([k, v]) => [k, { ...v }])), visibility: "Visible", tables: [] });
  }

  cell(sheet: string, address: string): Cell | undefined {
    return this.sheets.get(sheet)?.cells.get(address);
  }

  private track<T extends OfficeMockObject>(mock: T): T {
    this.mocks.push(mock);
    return mock;
  }

  /** A range mock over rows × columns from (row, column) of `sheet`. */
  range(sheetName: string, row: number, column: number, rows: number, columns: number): OfficeMockObject {
    const sheet = this.sheets.get(sheetName) as Sheet;
    const at = (r: number, c: number) => `${columnName(column + c)}${row + r + 1}`;
    const grid = <T>(pick: (cell: Cell | undefined) => T) => Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => pick(sheet.cells.get(at(r, c)))));
    const address = `${sheetName}!${at(0, 0)}${rows * columns > 1 ? `:${at(rows - 1, columns - 1)}` : ""}`;
    const mock = this.track(
      new OfficeMockObject({
        address,
        rowCount: rows,
        formulas: grid((cell) => cell?.formula ?? ""),
        values: grid((cell) => cell?.value ?? ""),
        format: { autofitColumns: () => undefined },
        getCell: (r: number, c: number) => this.range(sheetName, row + r, column + c, 1, 1),
        getResizedRange: (dr: number, dc: number) => this.range(sheetName, row, column, rows + dr, columns + dc),
        getOffsetRange: (dr: number, dc: number) => this.range(sheetName, row + dr, column + dc, rows, columns),
        getSpillingToRangeOrNullObject: () => {
          const spill = sheet.cells.get(at(0, 0))?.spill;
          if (!spill) return { isNullObject: true, load: () => undefined };
          const from = topLeft(spill);
          const to = topLeft(spill.split(":")[1] ?? spill);
          return Object.assign(this.range(sheetName, from.row, from.column, to.row - from.row + 1, to.column - from.column + 1), { isNullObject: false });
        },
        clear: () => {
          for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) sheet.cells.delete(at(r, c));
        },
      }),
    );
    Object.defineProperty(mock, "worksheet", { value: this.worksheet(sheetName) });
    const write = (field: "formulas" | "values" | "numberFormat", data: unknown[][]) => {
      // As in Excel: an array written to a range must have the range's dimensions.
      if (data.length !== rows || data.some((line) => line.length !== columns)) {
        throw new Error(`InvalidArgument: ${field} of ${data.length}×${data[0]?.length ?? 0} written to a ${rows}×${columns} range (${address}).`);
      }
      data.forEach((line, r) =>
        line.forEach((v, c) => {
          const key = at(r, c);
          const cell = sheet.cells.get(key) ?? { formula: "", value: "" };
          if (field === "numberFormat") cell.format = String(v);
          else if (typeof v === "string" && v.startsWith("'")) {
            // As typed in Excel: a leading apostrophe keeps the rest as text.
            cell.formula = v;
            cell.value = v.slice(1);
          } else if (typeof v === "string" && /^[+-]/.test(v) && Number.isNaN(Number(v))) {
            // Excel reads text that starts with + or - as a formula, whether written as values or formulas.
            cell.formula = v;
            cell.value = `(formula ${v})`;
          } else if (!(typeof v === "string" && v.startsWith("="))) {
            // A constant. Text starting with "=" (below) is a formula however it is written, as values or formulas.
            cell.formula = v as Cell["formula"];
            cell.value = v as Cell["value"];
          } else {
            cell.formula = v;
            cell.value = `(computed ${v})`;
          }
          sheet.cells.set(key, cell);
        }),
      );
    };
    return new Proxy(mock, {
      set(target, property, value) {
        if ((property === "formulas" || property === "values" || property === "numberFormat") && Array.isArray(value) && Array.isArray(value[0]) && !(target as unknown as { _syncing?: boolean })._syncing) {
          write(property, value as unknown[][]);
        }
        (target as unknown as Record<PropertyKey, unknown>)[property] = value;
        return true;
      },
    });
  }

  private worksheet(name: string): OfficeMockObject {
    const sheet = () => this.sheets.get(name) as Sheet;
    const mock = this.track(new OfficeMockObject({
      name,
      visibility: sheet().visibility,
      tables: {
        add: (address: string, _headers: boolean) => {
          sheet().tables.push(address);
          const { row, column } = topLeft(address);
          const last = topLeft(address.split(":")[1] ?? address);
          return {
            name: "",
            columns: { getItemAt: (i: number) => ({ getDataBodyRange: () => this.range(name, row + 1, column + i, last.row - row, 1) }) },
          };
        },
      },
      getRange: (address: string) => {
        const from = topLeft(address);
        const to = topLeft(address.split(":")[1] ?? address);
        return this.range(name, from.row, from.column, to.row - from.row + 1, to.column - from.column + 1);
      },
      getUsedRange: () => {
        const keys = [...sheet().cells.keys()].map((k) => topLeft(k));
        const rows = keys.length ? Math.max(...keys.map((k) => k.row)) + 1 : 1;
        const columns = keys.length ? Math.max(...keys.map((k) => k.column)) + 1 : 1;
        return this.range(name, 0, 0, rows, columns);
      },
    }));
    return new Proxy(mock, {
      set(target, property, value) {
        if (property === "visibility" && typeof value === "string" && value !== "Visible") sheet().visibility = value;
        (target as unknown as Record<PropertyKey, unknown>)[property] = value;
        return true;
      },
    });
  }

  /** Moves the selection and tells whoever listens, as Excel does. */
  async select(address: string): Promise<void> {
    this.selection = { sheet: "Sheet1", address };
    for (const handler of [...this.selectionHandlers]) await handler();
  }

  /** The RequestContext Excel.run would pass: context.sync() completes every load made so far. */
  context(): Excel.RequestContext {
    const worksheets = {
      getItemOrNullObject: (name: string) => (this.sheets.has(name) ? Object.assign(this.worksheet(name), { isNullObject: false }) : { isNullObject: true }),
      getItem: (name: string) => this.worksheet(name),
      getActiveWorksheet: () => this.worksheet(this.selection.sheet),
      add: (name: string) => {
        this.sheets.set(name, { name, cells: new Map(), visibility: "Visible", tables: [] });
        return this.worksheet(name);
      },
    };
    return {
      workbook: {
        worksheets,
        onSelectionChanged: {
          add: (handler: () => Promise<void>) => {
            this.selectionHandlers.push(handler);
            return { remove: () => this.selectionHandlers.splice(this.selectionHandlers.indexOf(handler), 1) };
          },
        },
        getSelectedRange: () => {
          const from = topLeft(this.selection.address);
          const to = topLeft(this.selection.address.split(":")[1] ?? this.selection.address);
          return this.range(this.selection.sheet, from.row, from.column, to.row - from.row + 1, to.column - from.column + 1);
        },
      },
      sync: async () => {
        for (const mock of this.mocks) {
          (mock as unknown as { _syncing: boolean })._syncing = true;
          await mock.sync();
          (mock as unknown as { _syncing: boolean })._syncing = false;
        }
      },
    } as unknown as Excel.RequestContext;
  }
}
