import { readFileSync } from "fs";
import { join } from "path";
import { DIST, loadFunctions } from "./support/load-functions";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { markdown } = require("../scripts/function-reference.js") as { markdown: (m: unknown) => string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { dataTypeSection } = require("../scripts/card-example.js") as { dataTypeSection: (library: unknown) => string };
const metadata = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as { functions: { name: string; helpUrl: string }[] };

describe("the function reference", () => {
  it("in the README is what functions.json generates (run `npm run docs` when this fails)", () => {
    const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");
    const section = readme.split("<!-- function-reference:start -->\n")[1]?.split("\n<!-- function-reference:end -->")[0];
    expect(section).toBe(markdown(metadata));
  });

  it("shows in the README the cards the shipped bundle's KC.COMPANY and KC.CARD build (run `npm run docs` when this fails)", () => {
    const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");
    const section = readme.split("<!-- data-type-cards:start -->\n")[1]?.split("\n<!-- data-type-cards:end -->")[0];
    const library = loadFunctions().context.kcLibrary as unknown;
    expect(section).toBe(dataTypeSection(library));
    expect(section).toContain('**`=KC.CARD("net_income",2024,"USD")`** → card');
  });

  it("is served as help.html with an anchor for every function's help link", () => {
    const help = readFileSync(join(DIST, "help.html"), "utf8");
    for (const f of metadata.functions) {
      const anchor = f.helpUrl.split("#")[1];
      expect(help).toMatch(new RegExp(`id="?${anchor}"?[ >]`));
      expect(f.helpUrl).toMatch(/^https:\/\/[^/]+\/.*help\.html#kc-/);
    }
  });
});
