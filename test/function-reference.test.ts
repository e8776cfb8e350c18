import { readFileSync } from "fs";
import { join } from "path";
import { DIST } from "./support/load-functions";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { markdown } = require("../scripts/function-reference.js") as { markdown: (m: unknown) => string };
const metadata = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as { functions: { name: string; helpUrl: string }[] };

describe("the function reference", () => {
  it("in the README is what functions.json generates (run `npm run docs` when this fails)", () => {
    const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");
    const section = readme.split("<!-- function-reference:start -->\n")[1]?.split("\n<!-- function-reference:end -->")[0];
    expect(section).toBe(markdown(metadata));
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
