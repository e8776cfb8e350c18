/** The task pane ships only the part of @microsoft/office-js-helpers it uses: Storage, and what Storage reaches. */
import { readFileSync } from "fs";
import { join } from "path";
import vm from "vm";
import { DIST } from "./support/load-functions";

/* eslint-disable @typescript-eslint/no-require-imports */
const { keepExports, PrebuiltBundleError } = require("../scripts/prebuilt-exports-loader.js") as {
  keepExports: (source: string, exports: string[]) => { code: string; kept: string[] };
  PrebuiltBundleError: new (message: string) => Error;
};
const { OFFICE_HELPERS_USED } = require("../webpack.config.js") as { OFFICE_HELPERS_USED: string[] };
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = join(__dirname, "..");
const LIBRARY = readFileSync(require.resolve("@microsoft/office-js-helpers"), "utf8");
const DROPPED = ["login.windows.net", "graph.microsoft.com", "ms-MessageBar", "displayDialogAsync"];

type Helpers = { Storage: new (container: string, type?: number) => { get(key: string): unknown; set(key: string, value: unknown): unknown }; StorageType: Record<string, number> };

/** Evaluates a (pruned) copy of the library as a CommonJS module in a window whose localStorage is a Map. */
function evaluate(code: string): { helpers: Helpers; saved: Map<string, string> } {
  const saved = new Map<string, string>();
  const localStorage = { getItem: (k: string) => saved.get(k) ?? null, setItem: (k: string, v: string) => saved.set(k, String(v)), removeItem: (k: string) => saved.delete(k) };
  const module = { exports: {} };
  vm.runInNewContext(code, { window: { localStorage }, module, exports: module.exports, console: { warn: () => undefined } });
  return { helpers: module.exports as Helpers, saved };
}

describe("@microsoft/office-js-helpers, tree-shaken", () => {
  const pruned = keepExports(LIBRARY, OFFICE_HELPERS_USED);

  it("keeps exactly the names src/office/storage.ts imports", () => {
    const source = readFileSync(join(ROOT, "src", "office", "storage.ts"), "utf8");
    const imports = [...source.matchAll(/import\s*{([^}]*)}\s*from\s*"@microsoft\/office-js-helpers"/g)].flatMap((m) => (m[1] ?? "").split(",").map((name) => name.trim()));
    expect(imports.sort()).toEqual([...OFFICE_HELPERS_USED].sort());
    expect(Object.keys(evaluate(pruned.code).helpers).sort()).toEqual([...OFFICE_HELPERS_USED].sort());
  });

  it("Storage still saves to and reads from localStorage under its container", () => {
    const { helpers, saved } = evaluate(pruned.code);
    const store = new helpers.Storage("kc-test", helpers.StorageType.LocalStorage);
    store.set("state", '{"tab":"filings"}');
    expect(saved.get("@kc-test/state")).toBe(JSON.stringify('{"tab":"filings"}'));
    expect(store.get("state")).toBe('{"tab":"filings"}');
    const memory = new helpers.Storage("kc-test", helpers.StorageType.InMemoryStorage);
    memory.set("state", "x");
    expect(memory.get("state")).toBe("x");
  });

  it("drops the authentication, dialog, Excel and UI modules and nothing Storage reaches", () => {
    expect(pruned.kept).toContain("./src/helpers/storage.ts");
    expect(pruned.kept).toContain("./node_modules/rxjs/Observable.js");
    for (const id of ["./src/authentication/authenticator.ts", "./src/helpers/dialog.ts", "./src/excel/utilities.ts", "./src/ui/ui.ts"]) expect(pruned.kept).not.toContain(id);
    for (const text of DROPPED) expect(pruned.code).not.toContain(text);
    expect(pruned.code.length).toBeLessThan(LIBRARY.length * 0.7);
  });

  it("stops the build on a name the library does not export", () => {
    expect(() => keepExports(LIBRARY, ["Storage", "LocalVault"])).toThrow(PrebuiltBundleError);
    expect(() => keepExports(LIBRARY, ["Storage", "LocalVault"])).toThrow(/exports no LocalVault/);
  });

  it("the shipped taskpane.js has Storage and none of the dropped code", () => {
    const taskpane = readFileSync(join(DIST, "taskpane.js"), "utf8");
    expect(taskpane).toContain("Browser local or session storage is not supported.");
    for (const text of DROPPED) expect(taskpane).not.toContain(text);
  });
});
