/** What the pane says after building the KC model: each part of the build's summary in one status line. */
import "../src/functions/share-library";
import core from "../src/data/core.json";
import { kcModel } from "../src/data/model";
import type { DatasetCore } from "../src/data/schema";
import { buildModel } from "../src/office/model-writer";
import { buildSummary } from "../src/taskpane/model-view";
import { FakeWorkbook } from "./support/fake-excel";

const model = kcModel(core as unknown as DatasetCore);

function excel(minor: number): FakeWorkbook {
  const book = new FakeWorkbook();
  book.excelApi = minor;
  Object.assign(globalThis, {
    Excel: { run: (...args: Parameters<FakeWorkbook["run"]>) => book.run(...args) },
    Office: { context: { diagnostics: { platform: "PC" }, requirements: { isSetSupported: (name: string, version: string) => name === "ExcelApi" && Number(version.split(".")[1]) <= minor } } },
  });
  return book;
}

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
  delete (globalThis as { Office?: unknown }).Office;
});

describe("the status line after a build", () => {
  it("counts what was built and says the build is one undo step, in three round trips", async () => {
    excel(20);
    const cells = model.cells.flat().filter(Boolean).length;
    await expect(buildModel(model).then(buildSummary)).resolves.toBe(
      `Built KC Model: ${cells} cells, ${model.names.length} named lines, ${model.charts.length + 1} charts with a net-income waterfall. Undo takes the whole build back in one step. 3 round trips to Excel.`,
    );
  });

  it("says why the waterfall and the single undo step are missing where Excel lacks their sets", async () => {
    excel(8);
    const said = await buildModel(model).then(buildSummary);
    expect(said).toContain("with no waterfall (A waterfall chart needs Excel with ExcelApi 1.9. This Excel lacks ExcelApi 1.9; update Office to use it)");
    expect(said).toContain("Undoing the whole model in one step needs Excel with ExcelApi 1.20");
  });
});
