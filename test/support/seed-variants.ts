/**
 * Edited copies of the seed pages, each in its own folder under the system's temp dir (never in the checkout): the
 * real generator runs on each, and the real functions entry is bundled over each generated core.json in one webpack
 * run, so a test can ask the shipped functions what a changed page makes of them.
 */
import { createHash } from "crypto";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import webpack from "webpack";
import { generate } from "../../scripts/data/dataset";
import { HK_PAGE, US_PAGE } from "./seed-reader";

const ROOT = join(__dirname, "..", "..");

export type Pages = { us: string; hk: string };

/** The two pages as seeds/ holds them. */
export const ORIGINAL: Readonly<Pages> = {
  us: readFileSync(join(ROOT, "seeds", US_PAGE), "utf8"),
  hk: readFileSync(join(ROOT, "seeds", HK_PAGE), "utf8"),
};

export type Generated = { readonly ok: true; readonly core: string; readonly text: string } | { readonly ok: false; readonly message: string };

export type Variant = { readonly name: string; readonly root: string; readonly seeds: string; readonly pages: Pages; readonly generated: Generated };

/**
 * Writes `pages` as seeds/ of a new folder `base/name`, with a SHA256SUMS that records them, runs the generator
 * there (what `npm run data` writes) and keeps src/data/core.json and text.json, or the message generation stopped with.
 */
export function variant(base: string, name: string, pages: Pages): Variant {
  const root = join(base, name);
  const seeds = join(root, "seeds");
  mkdirSync(seeds, { recursive: true });
  const sums = [US_PAGE, HK_PAGE].map((file) => {
    const text = file === US_PAGE ? pages.us : pages.hk;
    writeFileSync(join(seeds, file), text);
    return `${createHash("sha256").update(text).digest("hex")}  ${file}\n`;
  });
  writeFileSync(join(seeds, "SHA256SUMS"), sums.join(""));
  let generated: Generated;
  try {
    const files = generate(root).files;
    const core = files["core.json"];
    mkdirSync(join(root, "src", "data"), { recursive: true });
    writeFileSync(join(root, "src", "data", "core.json"), core);
    generated = { ok: true, core, text: files["text.json"] };
  } catch (error) {
    generated = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  return { name, root, seeds, pages, generated };
}

/** The path of the functions.js bundled for a variant by bundle(). */
export const bundleOf = (v: Variant) => join(v.root, "dist", "functions.js");

/**
 * Bundles src/functions/functions.ts once per variant, with its generated core.json in place of src/data/core.json:
 * the production build's loaders and metadata plugin, without minifying or type-checking (dist/ suites cover those).
 */
export function bundle(variants: readonly Variant[]): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const shipped = require(join(ROOT, "webpack.config.js"))({}, { mode: "production" }) as webpack.Configuration;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
  const rules = (shipped.module?.rules ?? []).map((rule) =>
    rule && typeof rule === "object" && String(rule.test) === String(/\.ts$/) ? { ...rule, use: { loader: "ts-loader", options: { transpileOnly: true } } } : rule,
  );
  const configs = variants.map((v): webpack.Configuration => ({
    name: v.name,
    context: ROOT,
    mode: "production",
    devtool: false,
    entry: { functions: "./src/functions/functions.ts" },
    output: { ...shipped.output, path: join(v.root, "dist"), clean: true },
    target: shipped.target,
    resolve: shipped.resolve,
    module: { rules },
    optimization: { minimize: false, splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new webpack.NormalModuleReplacementPlugin(/^\.\/core\.json$/, join(v.root, "src", "data", "core.json")),
    ],
  }));
  return new Promise((resolve, reject) => {
    webpack(configs, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

/** `text` with every match of `pattern` (a global regex) replaced by `to(match)`, and how many there were. */
export function replaceAll(text: string, pattern: RegExp, to: (match: string) => string): { text: string; count: number } {
  let count = 0;
  return { text: text.replace(pattern, (m) => (count++, to(m))), count };
}
