/**
 * A small workbook model behind objects shaped like Excel's, held to Excel's rules where the seam depends on them:
 * nothing is read before load() and context.sync() (reading earlier throws PropertyNotLoaded), writes land only at the
 * next sync, a multi-area selection makes getSelectedRange fail (InvalidSelection), and every sync's request and
 * response are measured and refused over Excel on the web's 5 MB limit.
 */
import { a1, columnName, topLeft, type Area } from "../../src/office/excel";

type Scalar = string | number | boolean;
type CellData = { formula: Scalar; value: Scalar; format?: string; spill?: string };
export type Sheet = { name: string; cells: Map<string, CellData>; visibility: string; tables: string[] };
/** One context.sync(): the JSON bytes it sent (queued operations and their data) and received (what was loaded). */
export type SyncRecord = { readonly request: number; readonly response: number };

/**
 * "Excel on the web has a payload size limit for requests and responses of 5MB. RichAPI.Error will be thrown if that
 * limit is exceeded." (Microsoft, "Resource limits and performance optimization for Office Add-ins",
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins);
 * the error codes are RequestPayloadSizeLimitExceeded and ResponsePayloadSizeLimitExceeded ("Error handling with the
 * application-specific JavaScript APIs"). Held here at 5,000,000 bytes of UTF-8 JSON, the stricter reading of "5MB".
 */
export const PAYLOAD_LIMIT = 5_000_000;

export class ExcelError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
  }
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), "utf8");
/** A sheet name as Excel writes it in an address: quoted where it is more than letters, digits and underscores. */
const qualified = (sheet: string, address: string) => `${/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;

/** "A1:B2" or "C5" → its area. */
function areaOf(address: string): Area {
  const from = topLeft(address);
  const to = topLeft(address.split(":")[1] ?? address);
  return { row: from.row, column: from.column, rows: to.row - from.row + 1, columns: to.column - from.column + 1 };
}

/** An operation queued for the next sync: what it adds to the request, and what it does then (returning what it loaded). */
type Operation = { readonly request: unknown; run(): { bytes: number; commit(): void } | void };

/** One Excel.run's queue of operations. */
class Context {
  private queue: Operation[] = [];
  constructor(readonly book: FakeWorkbook) {}

  add(operation: Operation): void {
    this.queue.push(operation);
  }

  async sync(): Promise<void> {
    const operations = this.queue.splice(0);
    const request = operations.reduce((n, op) => n + bytes(op.request), 0);
    if (request > PAYLOAD_LIMIT) {
      this.book.syncs.push({ request, response: 0 });
      throw new ExcelError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${request} bytes).`);
    }
    const loads = operations.map((op) => op.run()).filter((load): load is { bytes: number; commit(): void } => !!load);
    const response = loads.reduce((n, load) => n + load.bytes, 0);
    this.book.syncs.push({ request, response });
    if (response > PAYLOAD_LIMIT) throw new ExcelError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${response} bytes).`);
    loads.forEach((load) => load.commit());
  }
}

/** An object whose properties are read from the model at the sync after load(), and throw before. */
abstract class Loadable {
  private readonly loaded = new Map<string, unknown>();
  readonly isNullObject: boolean = false;
  constructor(protected readonly context: Context, readonly path: string) {}

  protected abstract fetch(property: string): unknown;

  load(properties: string | string[] = []): this {
    const names = (Array.isArray(properties) ? properties : properties.split(",")).map((p) => p.trim()).filter(Boolean);
    this.context.add({
      request: { load: this.path, names },
      run: () => {
        const values = names.map((name) => [name, this.fetch(name)] as const);
        return { bytes: bytes(Object.fromEntries(values)), commit: () => values.forEach(([name, value]) => this.loaded.set(name, value)) };
      },
    });
    return this;
  }

  protected read<T>(property: string): T {
    if (!this.loaded.has(property)) {
      throw new ExcelError("PropertyNotLoaded", `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.loaded.get(property) as T;
  }
}

class FakeRange extends Loadable {
  readonly format = { autofitColumns: () => this.context.add({ request: { autofit: this.path }, run: () => undefined }) };

  constructor(context: Context, readonly sheet: string, readonly area: Area, failure?: ExcelError) {
    super(context, qualified(sheet, a1(area)));
    // Getting a range is an operation too: Excel counts the objects a request creates.
    context.add({
      request: { get: this.path },
      run: () => {
        if (failure) throw failure;
      },
    });
  }

  private get cells() {
    return (this.context.book.sheets.get(this.sheet) as Sheet).cells;
  }
  private at(r: number, c: number): string {
    return `${columnName(this.area.column + c)}${this.area.row + r + 1}`;
  }
  private grid(pick: (cell: CellData | undefined) => unknown): unknown[][] {
    return Array.from({ length: this.area.rows }, (_, r) => Array.from({ length: this.area.columns }, (_, c) => pick(this.cells.get(this.at(r, c)))));
  }

  protected fetch(property: string): unknown {
    const { row, column, rows, columns } = this.area;
    const known: Record<string, () => unknown> = {
      address: () => this.path,
      rowIndex: () => row,
      columnIndex: () => column,
      rowCount: () => rows,
      columnCount: () => columns,
      formulas: () => this.grid((cell) => cell?.formula ?? ""),
      values: () => this.grid((cell) => cell?.value ?? ""),
    };
    const get = known[property];
    if (!get) throw new Error(`the fake Range has no ${property}`);
    return get();
  }

  get address(): string { return this.read("address"); }
  get rowIndex(): number { return this.read("rowIndex"); }
  get columnIndex(): number { return this.read("columnIndex"); }
  get rowCount(): number { return this.read("rowCount"); }
  get columnCount(): number { return this.read("columnCount"); }
  get formulas(): unknown[][] { return this.read("formulas"); }
  set formulas(data: unknown[][]) { this.write("formulas", data); }
  get values(): unknown[][] { return this.read("values"); }
  set values(data: unknown[][]) { this.write("values", data); }
  set numberFormat(data: unknown[][]) { this.write("numberFormat", data); }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, this.sheet);
  }

  private derive(row: number, column: number, rows: number, columns: number): FakeRange {
    return new FakeRange(this.context, this.sheet, { row: this.area.row + row, column: this.area.column + column, rows, columns });
  }
  getCell(r: number, c: number): FakeRange { return this.derive(r, c, 1, 1); }
  getResizedRange(dr: number, dc: number): FakeRange { return this.derive(0, 0, this.area.rows + dr, this.area.columns + dc); }
  getOffsetRange(dr: number, dc: number): FakeRange { return this.derive(dr, dc, this.area.rows, this.area.columns); }

  getSpillingToRangeOrNullObject(): FakeRange | NullObject {
    const spill = this.cells.get(this.at(0, 0))?.spill;
    if (spill) return new FakeRange(this.context, this.sheet, areaOf(spill));
    this.context.add({ request: { spillOf: this.path }, run: () => undefined });
    return new NullObject();
  }

  clear(_applyTo?: string): void {
    this.context.add({
      request: { clear: this.path },
      run: () => {
        for (let r = 0; r < this.area.rows; r++) for (let c = 0; c < this.area.columns; c++) this.cells.delete(this.at(r, c));
      },
    });
  }

  private write(field: "formulas" | "values" | "numberFormat", data: unknown[][]): void {
    const { rows, columns } = this.area;
    // As in Excel: an array written to a range must have the range's dimensions.
    if (data.length !== rows || data.some((line) => line.length !== columns)) {
      throw new Error(`InvalidArgument: ${field} of ${data.length}×${data[0]?.length ?? 0} written to a ${rows}×${columns} range (${this.path}).`);
    }
    this.context.add({ request: { set: field, of: this.path, data }, run: () => this.apply(field, data) });
  }

  private apply(field: "formulas" | "values" | "numberFormat", data: unknown[][]): void {
    data.forEach((line, r) =>
      line.forEach((v, c) => {
        const key = this.at(r, c);
        const cell = this.cells.get(key) ?? { formula: "", value: "" };
        if (field === "numberFormat") cell.format = String(v);
        else if (typeof v === "string" && v.startsWith("'")) {
          // As typed in Excel: a leading apostrophe keeps the rest as text.
          cell.formula = v;
          cell.value = v.slice(1);
        } else if (typeof v === "string" && /^[+-]/.test(v) && Number.isNaN(Number(v))) {
          // Excel reads text that starts with + or - as a formula, whether written as values or formulas.
          cell.formula = v;
          cell.value = `(formula ${v})`;
        } else if (typeof v === "string" && cell.format !== "@" && /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/.test(v)) {
          // Text that reads as a number is stored as the number, as typed into a cell not formatted as Text: Range.values
          // is parsed like typing ("Locale-shaped strings ... are stored as text instead of as dates", Excel.Range.values,
          // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member); Microsoft's
          // "Format numbers as text" (https://support.microsoft.com/office/format-numbers-as-text-583160db-d690-4c8b-a6b5-be4f4d8a1a21)
          // keeps such text with the Text format ("@") or a leading apostrophe.
          cell.formula = Number(v);
          cell.value = Number(v);
        } else if (!(typeof v === "string" && v.startsWith("="))) {
          // A constant. Text starting with "=" (below) is a formula however it is written, as values or formulas.
          cell.formula = v as Scalar;
          cell.value = v as Scalar;
        } else {
          cell.formula = v;
          cell.value = `(computed ${v})`;
        }
        if (field !== "numberFormat") delete cell.spill;
        this.cells.set(key, cell);
      }),
    );
  }
}

/** What an …OrNullObject method gives for nothing: isNullObject, and a load that loads nothing. */
class NullObject {
  readonly isNullObject = true;
  load(): this {
    return this;
  }
}

class FakeWorksheet extends Loadable {
  constructor(context: Context, readonly sheetName: string) {
    super(context, qualified(sheetName, ""));
  }

  private get model(): Sheet {
    const sheet = this.context.book.sheets.get(this.sheetName);
    if (!sheet) throw new ExcelError("ItemNotFound", `The requested resource doesn't exist (${this.sheetName}).`);
    return sheet;
  }

  protected fetch(property: string): unknown {
    if (property === "name") return this.model.name;
    if (property === "visibility") return this.model.visibility;
    throw new Error(`the fake Worksheet has no ${property}`);
  }

  get name(): string { return this.read("name"); }
  set visibility(value: string) {
    this.context.add({ request: { set: "visibility", of: this.path, value }, run: () => void (this.model.visibility = value) });
  }

  get tables() {
    return {
      add: (address: string, _headers: boolean) => {
        const area = areaOf(address.split("!").pop() ?? address);
        this.context.add({ request: { addTable: address }, run: () => void this.model.tables.push(address) });
        return {
          name: "",
          columns: { getItemAt: (i: number) => ({ getDataBodyRange: () => new FakeRange(this.context, this.sheetName, { row: area.row + 1, column: area.column + i, rows: area.rows - 1, columns: 1 }) }) },
        };
      },
    };
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.context, this.sheetName, areaOf(address));
  }

  /** The smallest block holding every cell with something in it; A1 on an empty sheet, as in Excel. */
  getUsedRange(_valuesOnly?: boolean): FakeRange {
    let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
    for (const key of this.model.cells.keys()) {
      const { row, column } = topLeft(key);
      [top, left, bottom, right] = [Math.min(top, row), Math.min(left, column), Math.max(bottom, row), Math.max(right, column)];
    }
    const area = bottom < 0 ? { row: 0, column: 0, rows: 1, columns: 1 } : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
    return new FakeRange(this.context, this.sheetName, area);
  }
}

/** A collection whose items are there after load() and sync(). */
class Collection<T extends Loadable> {
  private ready = false;
  private current: T[] = [];
  constructor(private readonly context: Context, private readonly list: () => T[]) {}

  load(properties: string): this {
    const names = properties.split(",").map((p) => p.trim().replace(/^items\//, ""));
    const items = this.list();
    items.forEach((item) => item.load(names));
    this.context.add({ request: { loadItems: names }, run: () => ({ bytes: 0, commit: () => void (this.ready = true) }) });
    this.current = items;
    return this;
  }

  get items(): T[] {
    if (!this.ready) throw new ExcelError("PropertyNotLoaded", "The property 'items' is not available: load the collection and sync first.");
    return this.current;
  }

  getItemAt(index: number): T {
    return this.list()[index] as T;
  }
}

class FakeRangeAreas extends Loadable {
  readonly areas: Collection<FakeRange>;
  constructor(context: Context, private readonly ranges: FakeRange[], failure?: ExcelError) {
    super(context, ranges.map((r) => r.path).join(","));
    this.areas = new Collection(context, () => ranges);
    context.add({
      request: { get: this.path },
      run: () => {
        if (failure) throw failure;
      },
    });
  }
  protected fetch(property: string): unknown {
    if (property === "areaCount") return this.ranges.length;
    if (property === "address") return this.path;
    throw new Error(`the fake RangeAreas has no ${property}`);
  }
  get areaCount(): number { return this.read("areaCount"); }
}

export class FakeWorkbook {
  readonly sheets = new Map<string, Sheet>();
  /** The selected areas ("A1:B2" or, for a Ctrl+click selection, "A1:B2,D5") on a sheet, and the active cell. */
  selection: { sheet: string; address: string; active?: string } = { sheet: "Sheet1", address: "A1" };
  readonly selectionHandlers: (() => Promise<void>)[] = [];
  /** Every context.sync() so far, refused ones included. */
  readonly syncs: SyncRecord[] = [];
  /**
   * getSelectedRanges (ExcelApi 1.9): "missing" where office.js lacks it, "ApiNotFound" where an older Excel answers
   * the call with that error at sync.
   */
  selectedRanges: "supported" | "missing" | "ApiNotFound" = "supported";

  constructor(cells: Record<string, { formula: Scalar; value: Scalar; spill?: string }> = {}) {
    this.sheets.set("Sheet1", { name: "Sheet1", cells: new Map(Object.entries(cells).map(([k, v]) => [k, { ...v }])), visibility: "Visible", tables: [] });
  }

  cell(sheet: string, address: string): CellData | undefined {
    return this.sheets.get(sheet)?.cells.get(address);
  }

  /** Moves the selection and tells whoever listens, as Excel does. */
  async select(address: string): Promise<void> {
    this.selection = { sheet: "Sheet1", address };
    for (const handler of [...this.selectionHandlers]) await handler();
  }

  private sheetNamed(name: string): Sheet | undefined {
    return [...this.sheets.values()].find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** The RequestContext Excel.run would pass. */
  context(): Excel.RequestContext {
    const context = new Context(this);
    const areas = () => this.selection.address.split(",").map((address) => new FakeRange(context, this.selection.sheet, areaOf(address)));
    const worksheets = Object.assign(new Collection(context, () => [...this.sheets.keys()].map((name) => new FakeWorksheet(context, name))), {
      getItemOrNullObject: (name: string) => {
        const sheet = this.sheetNamed(name);
        return sheet ? new FakeWorksheet(context, sheet.name) : new NullObject();
      },
      getItem: (name: string) => new FakeWorksheet(context, this.sheetNamed(name)?.name ?? name),
      getActiveWorksheet: () => new FakeWorksheet(context, this.selection.sheet),
      add: (name: string) => {
        this.sheets.set(name, { name, cells: new Map(), visibility: "Visible", tables: [] });
        return new FakeWorksheet(context, name);
      },
    });
    const workbook = {
      worksheets,
      onSelectionChanged: {
        add: (handler: () => Promise<void>) => {
          this.selectionHandlers.push(handler);
          return { context: requestContext, remove: () => this.selectionHandlers.splice(this.selectionHandlers.indexOf(handler), 1) };
        },
      },
      getSelectedRange: () => {
        const [first, ...more] = this.selection.address.split(",");
        // As in Excel: "If multiple ranges are selected, the method throws an InvalidSelection error."
        const failure = more.length ? new ExcelError("InvalidSelection", "The current selection is invalid for this operation.") : undefined;
        return new FakeRange(context, this.selection.sheet, areaOf(first as string), failure);
      },
      getActiveCell: () => {
        const active = this.selection.active ?? this.selection.address.split(",")[0] ?? "A1";
        return new FakeRange(context, this.selection.sheet, { ...areaOf(active), rows: 1, columns: 1 });
      },
      ...(this.selectedRanges === "missing"
        ? {}
        : {
            getSelectedRanges: () =>
              new FakeRangeAreas(context, areas(), this.selectedRanges === "ApiNotFound" ? new ExcelError("ApiNotFound", "The API you are trying to use could not be found.") : undefined),
          }),
    };
    const requestContext = { workbook, sync: () => context.sync() } as unknown as Excel.RequestContext;
    return requestContext;
  }
}
