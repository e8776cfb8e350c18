/** dist/THIRD-PARTY-NOTICES.txt names every package bundled into dist/*.js, with its version, licence and licence text. */
import { existsSync, readdirSync, readFileSync } from "fs";
import { dirname, join } from "path";
import { DIST } from "./support/load-functions";

const ROOT = join(__dirname, "..");
const NOTICES = join(DIST, "THIRD-PARTY-NOTICES.txt");
const RULE = "=".repeat(100);
type Script = { files: string[]; modules: string[] };

/** A package's name from a path inside node_modules: its last `node_modules/<name>` or `node_modules/@scope/<name>`. */
const packageOf = (file: string) => [...file.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].at(-1)?.[1];

/** What webpack's stats say each script holds, plus what a bundled prebuilt file's own source map says it inlines. */
function bundledPackages(): Map<string, Set<string>> {
  const scripts = JSON.parse(readFileSync(join(ROOT, ".build", "bundle-modules.json"), "utf8")) as Script[];
  const found = new Map<string, Set<string>>();
  const add = (name: string, files: string[]) => found.set(name, new Set([...(found.get(name) ?? []), ...files]));
  for (const { files, modules } of scripts) {
    for (const module of modules) {
      const name = packageOf(module);
      if (!name) continue;
      add(name, files);
      const map = `${module}.map`;
      if (!existsSync(map)) continue;
      const { sources } = JSON.parse(readFileSync(map, "utf8")) as { sources: string[] };
      for (const source of sources) {
        // webpack 3 names its own helper modules "(webpack)/buildin/…" in a map.
        const inlined = source.includes("/(webpack)/") ? "webpack" : packageOf(source);
        if (inlined) add(inlined, files);
      }
    }
  }
  return found;
}

/** The notices as blocks: the first line `name version (licence)`, the second `In file, file…`, then the text. */
function notices(): { name: string; version: string; licence: string; files: string[]; text: string }[] {
  return readFileSync(NOTICES, "utf8")
    .split(`\n\n${RULE}\n\n`)
    .slice(1)
    .flatMap((block) => {
      const [title = "", where = "", ...rest] = block.split("\n");
      const heading = /^(\S+) (\S+) \(([^)]+)\)$/.exec(title);
      if (!heading) return [];
      const files = /^In ([^:]+)/.exec(where)?.[1]?.split(", ") ?? [];
      return [{ name: heading[1] ?? "", version: heading[2] ?? "", licence: heading[3] ?? "", files, text: rest.join("\n") }];
    });
}

function installedLicence(name: string): string {
  const dir = dirname(require.resolve(`${name}/package.json`, { paths: [join(ROOT, "node_modules", "@microsoft", "office-js-helpers")] }));
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i.test(f));
  return readFileSync(join(dir, file ?? "LICENSE"), "utf8").trim();
}

describe("third-party notices", () => {
  const bundled = bundledPackages();
  const listed = notices();

  it("finds third-party code in the scripts, including what a prebuilt bundle inlines", () => {
    expect([...bundled.keys()]).toEqual(expect.arrayContaining(["@microsoft/office-js-helpers", "lodash-es", "rxjs"]));
  });

  it.each([...bundledPackages()].map(([name, files]) => [name, [...files].sort()]))("lists %s, bundled into %j, with its version, licence and licence text", (name, files) => {
    const entries = listed.filter((entry) => entry.name === name);
    expect(entries.length).toBeGreaterThan(0);
    expect([...new Set(entries.flatMap((entry) => entry.files))].sort()).toEqual(expect.arrayContaining(files as string[]));
    for (const entry of entries) {
      expect(entry.version).toMatch(/\d+\.\d+\.\d+/);
      expect(entry.licence).toMatch(/^(MIT|Apache-2\.0|ISC|BSD-[23]-Clause)$/);
      expect(entry.text).toContain(installedLicence(name));
    }
  });

  it("lists webpack, whose runtime is in every script", () => {
    const scripts = readdirSync(DIST).filter((f) => f.endsWith(".js")).sort();
    const runtime = listed.find((entry) => entry.name === "webpack" && entry.files.length === scripts.length);
    expect(runtime?.files.sort()).toEqual(scripts);
    expect(runtime?.text).toContain(installedLicence("webpack"));
  });

  it("is the one licence file in dist/, and the scripts that carry licence comments point to it", () => {
    expect(readdirSync(DIST).filter((f) => /licen[cs]e/i.test(f))).toEqual([]);
    expect(readFileSync(join(DIST, "taskpane.js"), "utf8").startsWith("/*! For license information please see THIRD-PARTY-NOTICES.txt */")).toBe(true);
    expect(readFileSync(NOTICES, "utf8")).toContain("@microsoft/office-js-helpers v.1.0.2\n * Copyright (c) Microsoft. All rights reserved.");
  });
});
