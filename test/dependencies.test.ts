/** The installed tree keeps the promises package.json makes: every package runs on every Node it admits, and npm finds it whole. */
import { spawnSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const semver = require("semver") as { validRange(range: string): string | null; subset(sub: string, dom: string): boolean };

const ROOT = join(__dirname, "..");
type Manifest = { engines?: { node?: string } };
type Lockfile = { lockfileVersion: number; packages: Record<string, Manifest & { version?: string }> };

const project = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Manifest;
const lockfile = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as Lockfile;

/** Lockfile entries whose engines.node admits fewer Node versions than the project's engines.node. */
export function narrowerEngines(projectRange: string, packages: Lockfile["packages"]): string[] {
  return Object.entries(packages)
    .filter(([path]) => path !== "")
    .flatMap(([path, entry]) => {
      const range = entry.engines?.node;
      if (range === undefined) return [];
      if (semver.validRange(range) === null) return [`${path}@${entry.version}: unreadable engines.node "${range}"`];
      return semver.subset(projectRange, range) ? [] : [`${path}@${entry.version} needs node "${range}"`];
    });
}

describe("installed dependencies", () => {
  const range = project.engines?.node ?? "";

  it("package.json states a valid Node range and the lockfile records every package's engines", () => {
    expect(semver.validRange(range)).not.toBeNull();
    expect(lockfile.lockfileVersion).toBeGreaterThanOrEqual(2);
    expect(Object.keys(lockfile.packages).length).toBeGreaterThan(100);
  });

  it("every installed package supports every Node version package.json engines admits", () => {
    expect(narrowerEngines(range, lockfile.packages)).toEqual([]);
  });

  it("flags a package that needs a newer Node than the project admits", () => {
    const packages = { "": {}, "node_modules/late": { version: "1.0.0", engines: { node: ">= 22.15.0" } }, "node_modules/fine": { version: "2.0.0", engines: { node: ">=18" } } };
    expect(narrowerEngines(range, packages)).toEqual(['node_modules/late@1.0.0 needs node ">= 22.15.0"']);
  });

  it("npm ls finds no missing, invalid or extraneous package in the whole tree", () => {
    const ls = spawnSync("npm", ["ls", "--all"], { cwd: ROOT, encoding: "utf8" });
    const problems = ls.stderr.split("\n").filter((line) => /^npm error (missing|invalid|extraneous|peer)/.test(line));
    expect({ status: ls.status, problems }).toEqual({ status: 0, problems: [] });
  });
});
