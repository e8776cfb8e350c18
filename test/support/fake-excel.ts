/**
 * A small workbook model behind objects shaped like Excel's, for testing src/office against. Every rule it holds the
 * add-in to names its source beside the code that enforces it, by these tags:
 *  - [model] Microsoft, "Using the application-specific API model",
 *    https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model
 *  - [errors] Microsoft, "Error handling with the application-specific JavaScript APIs", section "Error codes and
 *    messages", https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
 *  - [limits] Microsoft, "Resource limits and performance optimization for Office Add-ins", section "Excel add-ins",
 *    https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
 *  - [payload] Microsoft, "Performance optimization using the Excel JavaScript API", section "Payload size limit best
 *    practices", https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices
 *  - [blank] Microsoft, "Blank and null values in Excel add-ins",
 *    https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values
 *  - [events] Microsoft, "Work with Events using the Excel JavaScript API", section "Remove an event handler",
 *    https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#remove-an-event-handler
 *  - [ref] the Excel API reference, https://learn.microsoft.com/javascript/api/excel/ (Excel.Range, Excel.Workbook, …),
 *    whose member text @types/office-js repeats
 *  - [office.js] the library Excel loads, as the @microsoft/office-js 1.1.110 package ships it
 *    (dist/excel-web-16.00.debug.js; dist/excel-win32-16.01.debug.js is the same where quoted)
 *  - [undo] Microsoft, "Undo capabilities with the Excel JavaScript API",
 *    https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities
 *  - [sheet names] Microsoft, "Rename a worksheet", https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
 *  - [names] Microsoft, "Define and use names in formulas", section "Learn about syntax rules for names",
 *    https://support.microsoft.com/office/define-and-use-names-in-formulas-4d0f13ac-53b7-422e-afd2-abd7ff379c64
 *  - [charts] Microsoft, "Create and customize charts with the Excel JavaScript API",
 *    https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-charts; [1.9] "Excel JavaScript API requirement
 *    set 1.9" (New Charts: "maps, box and whisker, waterfall, sunburst, pareto. and funnel"),
 *    https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-9-requirement-set
 * A rule marked "Assumption" has no such source: it is this project's own reading of Excel, kept for the reason given.
 * What the double does not model (recalculation, custom functions, data types, the real wire format, hosts) only real
 * Excel can show; README.md, "Testing", lists it.
 */
import { a1, columnName, topLeft, type Area } from "../../src/office/excel";

type Scalar = string | number | boolean;
type CellData = { formula: Scalar; value: Scalar; format?: string; spill?: string; color?: string; bold?: boolean };
/** A defined name: its name as given, what it refers to ("='KC Model'!$C$10:$H$10") and its comment. */
export type NameData = { readonly name: string; readonly reference: string; readonly comment: string };
export type SeriesData = { name: string; values: string | null; categories: string | null; chartType: string; axisGroup: "Primary" | "Secondary" };
export type ChartData = { name: string; type: string; title: string; position: { start: string; end: string | null } | null; series: SeriesData[] };
export type Sheet = {
  name: string;
  cells: Map<string, CellData>;
  visibility: string;
  tables: string[];
  /** Sheet-scoped names, by name in lower case (Excel compares names ignoring case). */
  names?: Map<string, NameData>;
  charts?: ChartData[];
  /** Column widths in points, by zero-based column. */
  widths?: Map<number, number>;
  /** How many rows and columns are frozen in the top- and left-most pane. */
  frozen?: { rows: number; columns: number };
};
/** Where Excel runs, for the [undo] table's columns "Supported in Excel on the web" and "… on Windows and … on Mac". */
export type Platform = "web" | "desktop";
/** One context.sync(): the JSON bytes it sent (queued operations and their data) and received (what was loaded). */
export type SyncRecord = { readonly request: number; readonly response: number };

/**
 * [limits]: "Excel on the web has a payload size limit for requests and responses of 5MB. RichAPI.Error will be thrown
 * if that limit is exceeded." [errors] names the codes, RequestPayloadSizeLimitExceeded and
 * ResponsePayloadSizeLimitExceeded, each "This error only occurs in Office on the web." The double holds every host to
 * it (the add-in must work on the web) at 5,000,000 bytes, the stricter reading of "5MB".
 * Assumption: a payload is measured as the UTF-8 JSON of each queued operation and of what each load returns. [payload]
 * says only what it "combines: the number of API calls, the number of objects, such as Range objects, the length of
 * the value to set or get"; office.js's own wire format differs, so the add-in aims each sync at a fifth of the limit.
 */
export const PAYLOAD_LIMIT = 5_000_000;

/**
 * [limits]: "A range is limited to 5,000,000 cells for read operations. When a read exceeds this limit, the API will
 * either return null or throw an error." The double throws RangeExceedsLimit ([errors]: "The cell count in the range
 * has exceeded the maximum supported number."), the one of the two a test notices.
 */
export const READ_CELL_LIMIT = 5_000_000;

/**
 * The sheet's grid. Microsoft, "Excel specifications and limits" (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3):
 * "Total number of rows and columns on a worksheet: 1,048,576 rows by 16,384 columns"; [ref] Range.getCell: "The cell
 * can be outside the bounds of its parent range, so long as it stays within the worksheet grid." Assumption: a range
 * past the grid (or of no rows) is refused at the sync with InvalidArgument ([errors]: "The argument is invalid or
 * missing or has an incorrect format."); the reference names no code for it.
 */
const GRID = { rows: 1_048_576, columns: 16_384 };

/**
 * [errors]: an error has a `code` ("Error codes are not localized"), a `message` and may have `debugInfo`; office.js
 * names it "RichApi.Error" (its OfficeExtension.Error). Messages here are [errors]' own where it gives one.
 */
export class ExcelError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
  }
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), "utf8");
/**
 * A sheet name as an address writes it: quoted where it is more than letters, digits, periods and underscores.
 * Assumption: Excel also quotes a name that reads as a reference ("A1", "R1C1"); the tests use no such name.
 */
const qualified = (sheet: string, address: string) => `${/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;

const invalid = (what: string) => new ExcelError("InvalidArgument", `The argument is invalid or missing or has an incorrect format (${what}).`);
const notFound = (what: string) => new ExcelError("ItemNotFound", `The requested resource doesn't exist (${what}).`);

/** "A1:B2" or "C5" → its area; an address Excel could not read is InvalidArgument at the sync. */
function areaOf(address: string): Area {
  try {
    const from = topLeft(address);
    const to = topLeft(address.split(":")[1] ?? address);
    return { row: from.row, column: from.column, rows: to.row - from.row + 1, columns: to.column - from.column + 1 };
  } catch {
    throw invalid(address);
  }
}

/** The A1 address of the cell `r` rows and `c` columns from an area's top-left. */
const at = (area: Area, r: number, c: number) => `${columnName(area.column + c)}${area.row + r + 1}`;
const inGrid = (area: Area) => area.row >= 0 && area.column >= 0 && area.rows >= 1 && area.columns >= 1 && area.row + area.rows <= GRID.rows && area.column + area.columns <= GRID.columns;

type Load = { readonly bytes: number; commit(): void };
/** An operation queued for the next sync: what it adds to the request, and what it does then (returning what it loaded). */
/**
 * An operation queued for the next sync: what it adds to the request, and what it does then (returning what it loaded).
 * `undoless` names the platforms where the [undo] table lists its API as not supporting undo.
 */
type Operation = { readonly request: unknown; run(): Load | void; readonly undoless?: readonly Platform[] };

/**
 * One Excel.run's queue. [model], "Proxy objects": "Any methods that you invoke or properties that you set or load on
 * proxy objects are simply added to a queue of pending commands. When you call the sync() method on the request
 * context …, the queued commands are dispatched to the Office application and run."
 */
class Context {
  private queue: Operation[] = [];
  /** Whether this context's syncs merge into one undo group (Excel.run with mergeUndoGroup, ExcelApi 1.20). */
  constructor(readonly book: FakeWorkbook, readonly merged = false) {}

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
    // Assumption: an operation that fails ends the batch; those before it have run, none after it runs. No Microsoft
    // page says what a failed batch leaves, and the add-in never relies on a failed batch having written anything.
    const loads: Load[] = [];
    try {
      for (const op of operations) {
        this.book.operations++;
        // [undo]: "If an API within the group doesn't offer undo support, the UndoNotSupported error is thrown to let
        // you know that the operation can't be grouped." Assumption: it fails at that operation, like any other refusal.
        if (this.merged && op.undoless?.includes(this.book.platform)) {
          throw new ExcelError("UndoNotSupported", `The operation can't be grouped into one undo step (${JSON.stringify(op.request)}).`);
        }
        const load = op.run();
        if (load) loads.push(load);
      }
    } catch (error) {
      this.book.syncs.push({ request, response: 0 });
      throw error;
    }
    const response = loads.reduce((n, load) => n + load.bytes, 0);
    this.book.syncs.push({ request, response });
    // Assumption: a response over the limit is refused after the batch's writes ran. The add-in never mixes writes with
    // a read that could be refused, so either reading passes the same code.
    if (response > PAYLOAD_LIMIT) throw new ExcelError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${response} bytes).`);
    loads.forEach((load) => load.commit());
  }
}

/**
 * An object whose properties are read from the model at the sync after load(), and throw before. [model], "load()":
 * "Before you can read the properties of a proxy object, you must explicitly load the properties … and then call
 * context.sync()". The message is office.js's PropertyNotLoaded resource string.
 *
 * Getting the object is itself a queued operation ([payload]: a request counts "the number of objects"), which fails at
 * the sync where the object does not exist, or, for an …OrNullObject one, makes `isNullObject` true. [model],
 * "*OrNullObject methods and properties": "Office automatically loads this property when context.sync is called";
 * before that sync office.js's isNullObject getter throws PropertyNotLoaded (Utility.throwIfNotLoaded('isNullObject', …)).
 */
abstract class Loadable {
  private readonly loaded = new Map<string, unknown>();
  private nullness: boolean | undefined;

  constructor(protected readonly context: Context, readonly path: string, private readonly orNull = false) {
    context.add({
      request: { get: path },
      run: () => {
        const exists = this.exists();
        return { bytes: 0, commit: () => void (this.nullness = !exists) };
      },
    });
  }

  /** Whether the object is there now; throws where Excel refuses to get it (and there is no null object to give). */
  protected abstract resolve(): boolean;
  protected abstract fetch(property: string): unknown;

  private exists(): boolean {
    const there = this.resolve();
    if (!there && !this.orNull) throw notFound(this.path);
    return there;
  }

  get isNullObject(): boolean {
    if (this.nullness === undefined) throw notLoaded("isNullObject");
    return this.nullness;
  }

  load(properties: string | string[] = []): this {
    const names = (Array.isArray(properties) ? properties : properties.split(",")).map((p) => p.trim()).filter(Boolean);
    this.context.add({
      request: { load: this.path, names },
      run: () => {
        // A null object loads nothing; its properties then read as undefined, as office.js gives them.
        const values = this.exists() ? names.map((name) => [name, this.fetch(name)] as const) : names.map((name) => [name, undefined] as const);
        return { bytes: bytes(Object.fromEntries(values)), commit: () => values.forEach(([name, value]) => this.loaded.set(name, value)) };
      },
    });
    return this;
  }

  protected read<T>(property: string): T {
    if (!this.loaded.has(property)) throw notLoaded(property);
    return this.loaded.get(property) as T;
  }

  /** office.js's setters keep the value set on the proxy (`this.m_values = value`): it reads back without a load. */
  protected remember(property: string, value: unknown): void {
    this.loaded.set(property, value);
  }
}

const notLoaded = (property: string) =>
  new ExcelError("PropertyNotLoaded", `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);

type Field = "formulas" | "values" | "numberFormat";

/** A range, located at the sync: a selection, a used range or a spilled block is what it is when the batch runs. */
class FakeRange extends Loadable {
  readonly format = ((range: FakeRange) => ({
    autofitColumns: () => range.context.add({ request: { autofit: range.path }, run: () => undefined }),
    font: {
      /**
       * [ref] RangeFont.color: "HTML color code representation of the text color (e.g., #FF0000 represents Red)."
       * Assumption: anything but #RRGGBB is InvalidArgument (Excel also takes color names; the add-in writes none).
       */
      set color(color: string) {
        range.eachCell("font.color", color, (cell) => {
          if (!/^#[0-9A-Fa-f]{6}$/.test(color)) throw invalid(`font color ${color}`);
          cell.color = color.toUpperCase();
        });
      },
      /** [ref] RangeFont.bold: "Represents the bold status of the font." */
      set bold(bold: boolean) {
        range.eachCell("font.bold", bold, (cell) => void (cell.bold = bold));
      },
    },
    /**
     * [ref] RangeFormat.columnWidth (ExcelApi 1.2): "Specifies the width of all columns within the range", in points.
     * Microsoft, "Excel specifications and limits": "Column width: 255 characters"; Assumption: a width that is not a
     * positive number of points is InvalidArgument (the double does not convert characters to points to check 255).
     */
    set columnWidth(points: number) {
      range.context.add({
        request: { set: "columnWidth", of: range.path, points },
        run: () => {
          if (!(typeof points === "number" && points > 0)) throw invalid(`column width ${points}`);
          const widths = (range.model.widths ??= new Map());
          for (let c = 0; c < range.area.columns; c++) widths.set(range.area.column + c, points);
        },
      });
    },
  }))(this);

  /** Queues a format set on every cell of the range, made at the sync. */
  private eachCell(property: string, value: unknown, set: (cell: CellData) => void): void {
    this.context.add({
      request: { set: property, of: this.path, value },
      run: () => {
        const [cells, area] = [this.model.cells, this.area];
        for (let r = 0; r < area.rows; r++) {
          for (let c = 0; c < area.columns; c++) {
            const key = at(area, r, c);
            const cell = cells.get(key) ?? { formula: "", value: "" };
            set(cell);
            cells.set(key, cell);
          }
        }
      },
    });
  }

  /** The range's absolute address with its sheet ("'KC Model'!$C$10:$H$10"), worked out at the sync. */
  absolute(): string {
    return absolute(this.model.name, this.area);
  }

  private readonly failure: (() => ExcelError | undefined) | undefined;

  constructor(context: Context, readonly sheet: string, private readonly locate: () => Area | null, path: string, options: { orNull?: boolean; failure?: () => ExcelError | undefined } = {}) {
    super(context, path, options.orNull);
    this.failure = options.failure;
  }

  protected resolve(): boolean {
    const failure = this.failure?.();
    if (failure) throw failure;
    if (!this.context.book.sheetNamed(this.sheet)) throw notFound(this.sheet);
    const area = this.located();
    if (area && !inGrid(area)) throw invalid(`${this.path} lies outside the sheet's 1,048,576 rows by 16,384 columns`);
    return area !== null;
  }

  get model(): Sheet {
    const sheet = this.context.book.sheetNamed(this.sheet);
    if (!sheet) throw notFound(this.sheet);
    return sheet;
  }
  get area(): Area {
    const area = this.located();
    if (!area) throw notFound(this.path);
    return area;
  }
  /** Where the range is, worked out once per operation (a used range walks every cell of its sheet). */
  private located(): Area | null {
    if (this.cache?.operation !== this.context.book.operations) this.cache = { operation: this.context.book.operations, area: this.locate() };
    return this.cache.area;
  }
  private cache: { operation: number; area: Area | null } | undefined;
  private grid(pick: (cell: CellData | undefined) => unknown): unknown[][] {
    const area = this.area;
    const cells = this.model.cells;
    if (area.rows * area.columns > READ_CELL_LIMIT) throw new ExcelError("RangeExceedsLimit", `The cell count in the range has exceeded the maximum supported number (${area.rows * area.columns} cells).`);
    return Array.from({ length: area.rows }, (_, r) => Array.from({ length: area.columns }, (_, c) => pick(cells.get(at(area, r, c)))));
  }

  protected fetch(property: string): unknown {
    const { row, column, rows, columns } = this.area;
    const known: Record<string, () => unknown> = {
      address: () => qualified(this.model.name, a1(this.area)),
      rowIndex: () => row,
      columnIndex: () => column,
      rowCount: () => rows,
      columnCount: () => columns,
      // [ref] Range.formulas: "If a cell has no formula, its value is returned instead." [blank]: "Empty strings in
      // responses indicate cells contain no data."
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

  private derive(name: string, place: (area: Area) => Area): FakeRange {
    return new FakeRange(this.context, this.sheet, () => place(this.area), `${this.path}.${name}`);
  }
  getCell(r: number, c: number): FakeRange {
    return this.derive(`getCell(${r},${c})`, (a) => ({ row: a.row + r, column: a.column + c, rows: 1, columns: 1 }));
  }
  getResizedRange(dr: number, dc: number): FakeRange {
    this.context.book.needs("Range.getResizedRange", 3);
    return this.derive(`getResizedRange(${dr},${dc})`, (a) => ({ ...a, rows: a.rows + dr, columns: a.columns + dc }));
  }
  getOffsetRange(dr: number, dc: number): FakeRange {
    return this.derive(`getOffsetRange(${dr},${dc})`, (a) => ({ ...a, row: a.row + dr, column: a.column + dc }));
  }

  /**
   * [ref] Range.getSpillingToRangeOrNullObject: "If the range isn't an anchor cell or the spill range can't be found,
   * then this method returns an object with its isNullObject property set to true." Decided at the sync.
   */
  getSpillingToRangeOrNullObject(): FakeRange {
    this.context.book.needs("Range.getSpillingToRangeOrNullObject", 12);
    const spill = () => {
      const address = this.model.cells.get(at(this.area, 0, 0))?.spill;
      return address ? areaOf(address) : null;
    };
    return new FakeRange(this.context, this.sheet, spill, `${this.path}.getSpillingToRangeOrNullObject()`, { orNull: true });
  }

  /** [ref] Range.clear(applyTo): "Clear range values and formatting"; Excel.ClearApplyTo "Contents" keeps formats. */
  clear(applyTo: string = "All"): void {
    this.context.add({
      request: { clear: this.path, applyTo },
      run: () => {
        const [cells, area] = [this.model.cells, this.area];
        for (let r = 0; r < area.rows; r++) {
          for (let c = 0; c < area.columns; c++) {
            const key = at(area, r, c);
            const cell = cells.get(key);
            if (!cell) continue;
            if (applyTo === "Contents") clearContents(cells, key, cell);
            else if (applyTo === "Formats") delete cell.format;
            else cells.delete(key);
          }
        }
      },
    });
  }

  /**
   * An array written to a range must have the range's dimensions: Excel refuses it at the sync with InvalidArgument,
   * "The number of rows or columns in the input array doesn't match the size or dimensions of the range." (that error
   * as Excel returned it, errorLocation "Range.values": https://github.com/OfficeDev/office-js/issues/1025). [blank]:
   * "In Excel, a range is represented by a 2-D array, where the first dimension is rows and the second dimension is
   * columns."
   */
  private write(field: Field, data: unknown[][]): void {
    this.remember(field, data);
    this.context.add({
      request: { set: field, of: this.path, data },
      run: () => {
        const { rows, columns } = this.area;
        if (!Array.isArray(data) || data.length !== rows || data.some((line) => !Array.isArray(line) || line.length !== columns)) {
          throw new ExcelError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${field} of ${data.length}×${data[0]?.length ?? 0} written to ${rows}×${columns} at ${this.path}).`);
        }
        this.apply(field, data);
      },
    });
  }

  private apply(field: Field, data: unknown[][]): void {
    const [cells, area] = [this.model.cells, this.area];
    data.forEach((line, r) =>
      line.forEach((v, c) => {
        // [blank]: "specify the values, number format, or formula for those cells in the 2-D array, and specify null
        // for all other cells": null leaves a cell as it is.
        if (v === null) return;
        const key = at(area, r, c);
        const cell = cells.get(key) ?? { formula: "", value: "" };
        if (field === "numberFormat") {
          cell.format = String(v);
          cells.set(key, cell);
          return;
        }
        delete cell.spill;
        // [blank]: "When you specify a blank value for a property …, it's interpreted as an instruction to clear or
        // reset the property": an empty string empties the cell.
        if (v === "") return clearContents(cells, key, cell);
        if (typeof v === "string" && v.startsWith("'")) {
          // Assumption: as typed in Excel, a leading apostrophe keeps the rest as text. No Microsoft page says what
          // Range.formulas then returns; asText (src/office/cells.ts) relies on the value being the text itself.
          cell.formula = v;
          cell.value = v.slice(1);
        } else if (typeof v === "string" && /^[=+-]/.test(v) && !(/^[+-]/.test(v) && !Number.isNaN(Number(v)))) {
          // [ref] Range.values: "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="),
          // Excel interprets this value as a formula." The same through values and formulas. Assumption: a sign
          // followed by a number ("-5") is that number, as Excel reads it when typed.
          cell.formula = v;
          cell.value = `(computed ${v})`;
        } else if (typeof v === "string" && cell.format !== "@" && /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/.test(v)) {
          // Text that reads as a number is stored as the number, as typed into a cell not formatted as Text: Range.values
          // is parsed like typing ("Locale-shaped strings ... are stored as text instead of as dates", Excel.Range.values,
          // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member); Microsoft's
          // "Format numbers as text" (https://support.microsoft.com/office/format-numbers-as-text-583160db-d690-4c8b-a6b5-be4f4d8a1a21)
          // keeps such text with the Text format ("@") or a leading apostrophe.
          cell.formula = Number(v);
          cell.value = Number(v);
        } else {
          cell.formula = v as Scalar;
          cell.value = v as Scalar;
        }
        cells.set(key, cell);
      }),
    );
  }
}

/** Empties a cell's contents; a cell with a format keeps it. */
function clearContents(cells: Map<string, CellData>, key: string, cell: CellData): void {
  if (cell.format === undefined) cells.delete(key);
  else cells.set(key, { formula: "", value: "", format: cell.format });
}

/** The content of a cell, as getUsedRange(true) counts it. */
const hasValue = (cell: CellData) => cell.formula !== "";

/** An area's absolute address on a sheet, as Excel writes a name's reference: "'KC Model'!$C$10:$H$10". */
function absolute(sheet: string, { row, column, rows, columns }: Area): string {
  const cell = (r: number, c: number) => `$${columnName(c)}$${r + 1}`;
  const first = cell(row, column);
  return qualified(sheet, rows === 1 && columns === 1 ? first : `${first}:${cell(row + rows - 1, column + columns - 1)}`);
}

/**
 * [sheet names]: "Worksheet names cannot: Be blank. Contain more than 31 characters. Contain any of the following
 * characters: / \ ? * : [ ]. … Begin or end with an apostrophe ('). … Be named "History"." Assumption: the API refuses
 * such a name with InvalidArgument; [ref] WorksheetCollection.add names no code.
 */
function checkSheetName(name: string): void {
  if (name.trim() === "" || name.length > 31 || /[/\\?*:[\]]/.test(name) || /^'|'$/.test(name) || name.toLowerCase() === "history") throw invalid(`sheet name ${JSON.stringify(name)}`);
}

/**
 * [names]: "The first character of a name must be a letter, an underscore character (_), or a backslash (\). Remaining
 * characters in the name can be letters, numbers, periods, and underscore characters"; "Names cannot be the same as a
 * cell reference, such as Z$100 or R1C1"; "You cannot use the uppercase and lowercase characters "C", "c", "R", or "r"
 * as a defined name"; "A name can contain up to 255 characters"; "Excel does not distinguish between uppercase and
 * lowercase characters in names"; "Names must be unique within their scope". Assumption: the API refuses a malformed
 * name with InvalidArgument and a name its scope has with ItemAlreadyExists ([errors]: "The resource being created
 * already exists."); [ref] NamedItemCollection.add names no code.
 */
function checkName(name: string, scope: ReadonlyMap<string, NameData>): void {
  const a1Like = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  const isReference = (a1Like !== null && inGrid({ ...topLeft(name), rows: 1, columns: 1 })) || /^R\d*C\d*$/i.test(name);
  if (!/^[A-Za-z_\\][A-Za-z0-9._]*$/.test(name) || name.length > 255 || /^[CR]$/i.test(name) || isReference) throw invalid(`name ${JSON.stringify(name)}`);
  if (scope.has(name.toLowerCase())) throw new ExcelError("ItemAlreadyExists", `The resource being created already exists (name ${name}).`);
}

/**
 * [1.9]: the chart types ExcelApi 1.9 added; [ref] Excel.ChartType marks each "[Api set: ExcelApi 1.9]". Assumption:
 * an Excel without that set refuses them at the sync with InvalidArgument.
 */
const CHART_TYPES_1_9 = ["Histogram", "Boxwhisker", "Pareto", "RegionMap", "Treemap", "Waterfall", "Sunburst", "Funnel"];

/**
 * A chart's series by position, changed at the sync. [ref] ChartSeries: name (ExcelApi 1.1), chartType, setValues,
 * setXAxisValues (ExcelApi 1.7), axisGroup (ExcelApi 1.8). Assumption: a position past the last series is ItemNotFound.
 */
class FakeSeries {
  /** `index` is the series' position, known at the sync (a series added in the same batch has none before it). */
  constructor(private readonly context: Context, private readonly chart: ChartData, private readonly index: () => number) {}

  private change(what: string, value: unknown, apply: (series: SeriesData) => void): void {
    this.context.add({
      request: { set: what, of: this.chart.title, value: value instanceof FakeRange ? value.path : value },
      run: () => {
        const series = this.chart.series[this.index()];
        if (!series) throw notFound(`series ${this.index()} of ${this.chart.name}`);
        apply(series);
      },
    });
  }
  set name(name: string) { this.change("name", name, (s) => void (s.name = name)); }
  set chartType(type: string) {
    this.context.book.needs("ChartSeries.chartType", 7);
    this.change("chartType", type, (s) => void (s.chartType = type));
  }
  set axisGroup(group: "Primary" | "Secondary") {
    this.context.book.needs("ChartSeries.axisGroup", 8);
    this.change("axisGroup", group, (s) => {
      if (group !== "Primary" && group !== "Secondary") throw invalid(`axis group ${group}`);
      s.axisGroup = group;
    });
  }
  setValues(range: FakeRange): void {
    this.context.book.needs("ChartSeries.setValues", 7);
    this.change("values", range, (s) => void (s.values = range.absolute()));
  }
  setXAxisValues(range: FakeRange): void {
    this.context.book.needs("ChartSeries.setXAxisValues", 7);
    this.change("xAxisValues", range, (s) => void (s.categories = range.absolute()));
  }
}

/**
 * A chart added by ChartCollection.add (ExcelApi 1.1): [ref] "Creates a new chart", from `sourceData` by `seriesBy`.
 * Assumption: by rows, each row of the source is a series over that row's cells, named "Series1", "Series2", …, of the
 * chart's type on the primary axis, as Excel's own chart from a selection without header cells gives them. By columns,
 * a source of two or more columns takes its first column as the category labels (as Excel does with a first column of
 * text) and each further column as a series over its cells.
 */
class FakeChart {
  readonly data: ChartData;
  constructor(private readonly context: Context, sheet: () => Sheet, type: string, source: FakeRange, seriesBy: string) {
    this.data = { name: "", type, title: "", position: null, series: [] };
    context.add({
      request: { addChart: type, of: source.path, seriesBy },
      run: () => {
        if (CHART_TYPES_1_9.includes(type) && context.book.excelApi < 9) throw invalid(`chart type ${type} needs ExcelApi 1.9`);
        if (seriesBy !== "Rows" && seriesBy !== "Columns") throw new Error(`the fake charts.add takes series by "Rows" or "Columns", not ${seriesBy}`);
        const area = source.area;
        const charts = (sheet().charts ??= []);
        this.data.name = `Chart ${charts.length + 1}`;
        if (seriesBy === "Rows") {
          for (let r = 0; r < area.rows; r++) {
            this.data.series.push({ name: `Series${r + 1}`, values: absolute(source.model.name, { ...area, row: area.row + r, rows: 1 }), categories: null, chartType: type, axisGroup: "Primary" });
          }
        } else {
          const labelled = area.columns > 1;
          const categories = labelled ? absolute(source.model.name, { ...area, columns: 1 }) : null;
          for (let c = labelled ? 1 : 0; c < area.columns; c++) {
            this.data.series.push({ name: `Series${this.data.series.length + 1}`, values: absolute(source.model.name, { ...area, column: area.column + c, columns: 1 }), categories, chartType: type, axisGroup: "Primary" });
          }
        }
        charts.push(this.data);
      },
    });
  }

  private change(what: string, value: unknown, apply: () => void): void {
    this.context.add({ request: { set: what, of: "chart", value }, run: apply });
  }
  /** [ref] Chart.name: "Specifies the name of a chart object." */
  set name(name: string) { this.change("name", name, () => void (this.data.name = name)); }
  /** [ref] ChartTitle.text: "Specifies the chart's title text." */
  readonly title = ((chart: FakeChart) => ({
    set text(text: string) { chart.change("title", text, () => void (chart.data.title = text)); },
  }))(this);
  /** [ref] Chart.setPosition(startCell, endCell?): "Positions the chart relative to cells on the worksheet." */
  setPosition(start: string, end?: string): void {
    this.change("position", [start, end], () => {
      for (const cell of end ? [start, end] : [start]) if (!/^[A-Z]{1,3}\d+$/.test(cell) || !inGrid(areaOf(cell))) throw invalid(`chart position ${cell}`);
      this.data.position = { start, end: end ?? null };
    });
  }
  /** [ref] ChartSeriesCollection.getItemAt (ExcelApi 1.1), add(name) (ExcelApi 1.7): "The new added series is not visible until values, x-axis values, or bubble sizes for it are set". */
  get series() {
    return {
      getItemAt: (index: number) => new FakeSeries(this.context, this.data, () => index),
      add: (name: string) => {
        this.context.book.needs("ChartSeriesCollection.add", 7);
        let index = -1;
        this.context.add({ request: { addSeries: name }, run: () => void (index = this.data.series.push({ name, values: null, categories: null, chartType: this.data.type, axisGroup: "Primary" }) - 1) });
        return new FakeSeries(this.context, this.data, () => index);
      },
    };
  }
}

class FakeWorksheet extends Loadable {
  /** `key` is the name it was asked for; [model]: getItem "throws an ItemNotFound exception" where there is none. */
  constructor(context: Context, readonly key: string, orNull = false) {
    super(context, qualified(key, ""), orNull);
  }

  protected resolve(): boolean {
    return this.context.book.sheetNamed(this.key) !== undefined;
  }

  private get model(): Sheet {
    const sheet = this.context.book.sheetNamed(this.key);
    if (!sheet) throw notFound(this.key);
    return sheet;
  }

  protected fetch(property: string): unknown {
    if (property === "name") return this.model.name;
    if (property === "visibility") return this.model.visibility;
    throw new Error(`the fake Worksheet has no ${property}`);
  }

  get name(): string { return this.read("name"); }
  /** [ref] Excel.SheetVisibility: "Visible", "Hidden", "VeryHidden"; anything else is InvalidArgument (Assumption: the code). */
  set visibility(value: string) {
    this.context.add({
      request: { set: "visibility", of: this.path, value },
      run: () => {
        if (!["Visible", "Hidden", "VeryHidden"].includes(value)) throw invalid(`visibility ${value}`);
        this.model.visibility = value;
      },
    });
  }

  get tables() {
    return {
      add: (address: string, _headers: boolean) => {
        const local = address.split("!").pop() ?? address;
        this.context.add({ request: { addTable: address }, run: () => void this.model.tables.push(address) });
        const body = (i: number) => {
          const area = areaOf(local);
          return { row: area.row + 1, column: area.column + i, rows: area.rows - 1, columns: 1 };
        };
        return {
          name: "",
          columns: { getItemAt: (i: number) => ({ getDataBodyRange: () => new FakeRange(this.context, this.key, () => body(i), `${address}.columns[${i}].body`) }) },
        };
      },
    };
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.context, this.key, () => areaOf(address), qualified(this.key, address));
  }

  /**
   * [ref] Worksheet.names (ExcelApi 1.4): "Collection of names scoped to the current worksheet". [undo] lists
   * NamedItem.comment as without undo in Excel on the web; Assumption: a comment given to add() sets that property.
   */
  get names() {
    return {
      add: (name: string, reference: FakeRange | string, comment = "") => {
        this.context.book.needs("NamedItemCollection.add", 4);
        this.context.add({
          request: { addName: name, of: this.path, reference: reference instanceof FakeRange ? reference.path : reference, comment },
          undoless: comment ? ["web"] : [],
          run: () => {
            const names = (this.model.names ??= new Map());
            checkName(name, names);
            names.set(name.toLowerCase(), { name, reference: reference instanceof FakeRange ? `=${reference.absolute()}` : reference, comment });
          },
        });
      },
    };
  }

  /** [ref] Worksheet.charts (ExcelApi 1.1) and ChartCollection.add; its items' names read at the sync after load. */
  get charts() {
    const sheet = () => this.model;
    let loaded: { name: string }[] | null = null;
    const charts = {
      add: (type: string, source: FakeRange, seriesBy: string) => new FakeChart(this.context, sheet, type, source, seriesBy),
      load: (properties: string) => {
        if (properties !== "items/name") throw new Error(`the fake ChartCollection loads items/name only, not ${properties}`);
        this.context.add({
          request: { loadCharts: this.path },
          run: () => {
            const names = (sheet().charts ?? []).map((c) => ({ name: c.name }));
            return { bytes: bytes(names), commit: () => void (loaded = names) };
          },
        });
        return charts;
      },
      get items() {
        if (!loaded) throw notLoaded("items");
        return loaded;
      },
    };
    return charts;
  }

  /**
   * [ref] Worksheet.freezePanes (ExcelApi 1.7). WorksheetFreezePanes.freezeAt(frozenRange): "The range provided
   * corresponds to cells that will be frozen in the top- and left-most pane"; freezeRows(count): "Freeze the top row or
   * rows of the worksheet in place"; freezeColumns(count): "Freeze the first column or columns". Assumption: each call
   * replaces the panes frozen before it, and freezeAt freezes every row and column up to the range's bottom-right cell.
   */
  get freezePanes() {
    this.context.book.needs("Worksheet.freezePanes", 7);
    const freeze = (request: unknown, panes: () => { rows: number; columns: number }) =>
      this.context.add({ request, run: () => void (this.model.frozen = panes()) });
    return {
      freezeAt: (range: string) =>
        freeze({ freezeAt: range, of: this.path }, () => {
          const area = areaOf(range);
          if (!inGrid(area)) throw invalid(`frozen range ${range}`);
          return { rows: area.row + area.rows, columns: area.column + area.columns };
        }),
      freezeRows: (count = 1) => freeze({ freezeRows: count, of: this.path }, () => ({ rows: count, columns: 0 })),
      freezeColumns: (count = 1) => freeze({ freezeColumns: count, of: this.path }, () => ({ rows: 0, columns: count })),
    };
  }

  /** [ref] Worksheet.activate: "Activate the worksheet in the Excel UI." Assumption: a new sheet opens at A1. */
  activate(): void {
    this.context.add({ request: { activate: this.path }, run: () => void (this.context.book.selection = { sheet: this.model.name, address: "A1" }) });
  }

  /**
   * [ref] Worksheet.delete: "Deletes the worksheet from the workbook. Note that if the worksheet's visibility is set to
   * "VeryHidden", the delete operation will fail with an InvalidOperation exception." [undo]: Worksheet.delete has no
   * undo in Excel on the web, on Windows or on Mac. A sheet's names go with it.
   */
  delete(): void {
    this.context.add({
      request: { delete: this.path },
      undoless: ["web", "desktop"],
      run: () => {
        const model = this.model;
        if (model.visibility === "VeryHidden") throw new ExcelError("InvalidOperation", "Invalid operation in the current state.");
        this.context.book.sheets.delete([...this.context.book.sheets].find(([, s]) => s === model)?.[0] ?? model.name);
      },
    });
  }

  /**
   * [ref] Worksheet.getUsedRange: "The used range is the smallest range that encompasses any cells that have a value or
   * formatting assigned to them. If the entire worksheet is blank, this function will return the top left cell";
   * valuesOnly: "If true, considers only cells with values as used cells (ignoring formatting)."
   */
  getUsedRange(valuesOnly = false): FakeRange {
    const locate = () => {
      let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
      for (const [key, cell] of this.model.cells) {
        if (valuesOnly && !hasValue(cell)) continue;
        const { row, column } = topLeft(key);
        [top, left, bottom, right] = [Math.min(top, row), Math.min(left, column), Math.max(bottom, row), Math.max(right, column)];
      }
      return bottom < 0 ? { row: 0, column: 0, rows: 1, columns: 1 } : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
    };
    return new FakeRange(this.context, this.key, locate, `${this.path}.getUsedRange(${valuesOnly})`);
  }
}

/**
 * A collection whose items are there after load() and sync(). [model], "Load from a collection": "All the items are
 * loaded if you load any item properties."
 */
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
    if (!this.ready) throw notLoaded("items");
    return this.current;
  }

  getItemAt(index: number): T {
    return this.list()[index] as T;
  }
}

class FakeRangeAreas extends Loadable {
  readonly areas: Collection<FakeRange>;
  constructor(context: Context, private readonly ranges: FakeRange[]) {
    super(context, ranges.map((r) => r.path).join(","));
    this.areas = new Collection(context, () => ranges);
  }
  protected resolve(): boolean {
    return true;
  }
  protected fetch(property: string): unknown {
    if (property === "areaCount") return this.ranges.length;
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
  /** How many queued operations have run, in any context. */
  operations = 0;
  /**
   * The highest ExcelApi 1.x this Excel supports (20: every set the double knows). [office.js] checks a member's set
   * where it is called, before anything is queued: `_throwIfApiNotSupported("Workbook.getSelectedRanges", "ExcelApi",
   * "1.9", …)` throws ApiNotFound ([errors]: "The API you are trying to use could not be found. It may be available in
   * a newer version of the Office application.") with its ApiNotFoundDetails message.
   */
  excelApi = 20;
  /**
   * Workbook members the office.js in use does not have at all: the library of an Excel older than the member. Excel
   * 2016's own (dist/excel-win32-16.00.debug.js) has neither getSelectedRanges nor getActiveCell.
   */
  lacks: readonly ("getSelectedRanges" | "getActiveCell")[] = [];
  /** Where this Excel runs, for the [undo] table. */
  platform: Platform = "desktop";
  /** Every Excel.run through run(): whether it asked for one undo group, and whether its syncs were merged into one. */
  readonly runs: { readonly requested: boolean; readonly merged: boolean }[] = [];

  /**
   * Excel.run(batch) or Excel.run(options, batch) in a new context. [undo]: "When true, all context.sync() calls in a
   * single Excel.run are merged into one undo group"; [ref] RunOptions.mergeUndoGroup is ExcelApi 1.20. Assumption: an
   * Excel without ExcelApi 1.20 ignores the option (office.js 1.1.110 does not name it), so nothing is merged there.
   */
  run<T>(...args: [(context: Excel.RequestContext) => Promise<T>] | [Excel.RunOptions, (context: Excel.RequestContext) => Promise<T>]): Promise<T> {
    const [options, batch] = args.length === 1 ? [{} as Excel.RunOptions, args[0]] : args;
    const merged = options.mergeUndoGroup === true && this.excelApi >= 20;
    this.runs.push({ requested: options.mergeUndoGroup === true, merged });
    return batch(this.context(merged));
  }

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

  /**
   * A sheet by name, ignoring case. Assumption: the reference does not say getItem ignores case, but Excel keeps no two
   * sheets whose names differ only in case, and restoreKcFormulas matches names that way.
   */
  sheetNamed(name: string): Sheet | undefined {
    return [...this.sheets.values()].find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Throws ApiNotFound where this Excel lacks ExcelApi 1.`minor`, as office.js does at the call. */
  needs(member: string, minor: number): void {
    if (minor > this.excelApi) {
      throw new ExcelError("ApiNotFound", `The method or property ${member} is part of the ExcelApi 1.${minor} requirement set, which is not available in your version of Excel.`);
    }
  }

  /** The RequestContext Excel.run would pass. */
  context(merged = false): Excel.RequestContext {
    const context = new Context(this, merged);
    const selected = () => this.selection.address.split(",");
    const handlers = this.selectionHandlers;
    const needs = (member: string, minor: number) => this.needs(member, minor);
    const worksheets = Object.assign(new Collection(context, () => [...this.sheets.values()].map((sheet) => new FakeWorksheet(context, sheet.name))), {
      getItemOrNullObject: (name: string) => {
        this.needs("WorksheetCollection.getItemOrNullObject", 4);
        return new FakeWorksheet(context, name, true);
      },
      getItem: (name: string) => new FakeWorksheet(context, name),
      getActiveWorksheet: () => new FakeWorksheet(context, this.selection.sheet),
      /**
       * [ref] WorksheetCollection.add: "If specified, the name should be unique"; a name taken is ItemAlreadyExists
       * ([errors]: "The resource being created already exists.").
       */
      add: (name: string) => {
        context.add({
          request: { addSheet: name },
          run: () => {
            checkSheetName(name);
            if (this.sheetNamed(name)) throw new ExcelError("ItemAlreadyExists", `The resource being created already exists (${name}).`);
            this.sheets.set(name, { name, cells: new Map(), visibility: "Visible", tables: [] });
          },
        });
        return new FakeWorksheet(context, name);
      },
    });
    const workbook: Record<string, unknown> = {
      worksheets,
      /**
       * [events]: "Remove event handlers using the remove method with the same RequestContext"; adding and removing are
       * queued like any other command, and take effect at that context's sync.
       */
      get onSelectionChanged() {
        needs("Workbook.onSelectionChanged", 3);
        return {
          add: (handler: () => Promise<void>) => {
            context.add({ request: { addHandler: "onSelectionChanged" }, run: () => void handlers.push(handler) });
            return {
              context: requestContext,
              remove: () =>
                context.add({
                  request: { removeHandler: "onSelectionChanged" },
                  run: () => {
                    const at = handlers.indexOf(handler);
                    if (at >= 0) handlers.splice(at, 1);
                  },
                }),
            };
          },
        };
      },
      /**
       * [ref] Workbook.getSelectedRange: "If there are multiple ranges selected, this method will throw an error." At the
       * sync (office.js queues the call unchecked). Assumption: the code is InvalidSelection ([errors]: "The current
       * selection is invalid for this operation."); the reference names none.
       */
      getSelectedRange: () =>
        new FakeRange(context, this.selection.sheet, () => areaOf(selected()[0] as string), "getSelectedRange()", {
          failure: () => (selected().length > 1 ? new ExcelError("InvalidSelection", "The current selection is invalid for this operation.") : undefined),
        }),
      getActiveCell: () => {
        this.needs("Workbook.getActiveCell", 7);
        const active = () => ({ ...areaOf(this.selection.active ?? selected()[0] ?? "A1"), rows: 1, columns: 1 });
        return new FakeRange(context, this.selection.sheet, active, "getActiveCell()");
      },
      getSelectedRanges: () => {
        this.needs("Workbook.getSelectedRanges", 9);
        return new FakeRangeAreas(context, selected().map((address) => new FakeRange(context, this.selection.sheet, () => areaOf(address), address)));
      },
    };
    for (const member of this.lacks) delete workbook[member];
    const requestContext = { workbook, sync: () => context.sync() } as unknown as Excel.RequestContext;
    return requestContext;
  }
}
