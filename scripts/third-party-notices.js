/**
 * Writes dist/THIRD-PARTY-NOTICES.txt: every package whose code webpack bundled into a dist/*.js file, with its
 * version, licence and licence text, and which files carry it. Found by walking the compilation's modules to their
 * package.json; packages inlined in a prebuilt webpack bundle (keys such as "./node_modules/rxjs/Observable.js") are
 * listed under the package that ships that bundle; webpack's own runtime is in every script. The licence comments the
 * minimizer extracted into the same file (optimization.minimizer in webpack.config.js) stay at the end.
 */
const fs = require("fs");
const path = require("path");

const NOTICES = "THIRD-PARTY-NOTICES.txt";
const RULE = "=".repeat(100);
const LICENCE_FILE = /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i;
const INLINED = /^(?:\/\*\*\*\/ )?"\.\/node_modules\/((?:@[^/"]+\/)?[^/"]+)\/[^"]*":/gm;

class NoticesError extends Error {
  name = "NoticesError";
}

/** The folder of the installed package that holds `file`: the nearest package.json with a name, under node_modules. */
function packageRoot(file) {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, "utf8")).name) return dir;
  }
  throw new NoticesError(`no package.json above ${file}`);
}

/** Name, version, licence, homepage and licence text of the package installed at `dir`. */
function describe(dir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  const file = fs.readdirSync(dir).find((name) => LICENCE_FILE.test(name));
  if (!file) throw new NoticesError(`${manifest.name} ${manifest.version} has no LICENSE file: its notice cannot be shipped`);
  const licence = typeof manifest.license === "string" ? manifest.license : (manifest.license?.type ?? "see licence text");
  const repository = typeof manifest.repository === "string" ? manifest.repository : manifest.repository?.url;
  return { name: manifest.name, version: manifest.version, licence, home: manifest.homepage ?? repository ?? "", text: fs.readFileSync(path.join(dir, file), "utf8").trim(), manifest, dir };
}

/** The files each bundled module's resource ends up in. */
function resourcesByFile(compilation) {
  const found = new Map();
  const visit = (module, files) => {
    for (const inner of module.modules ?? []) visit(inner, files);
    if (!module.resource) return;
    const entry = found.get(module.resource) ?? { module, files: new Set() };
    files.forEach((file) => entry.files.add(file));
    found.set(module.resource, entry);
  };
  for (const chunk of compilation.chunks) {
    const files = [...chunk.files].filter((file) => file.endsWith(".js"));
    for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) visit(module, files);
  }
  return found;
}

/** Every third-party package in the scripts: one entry per name and version, with the files that carry it. */
function bundledPackages(compilation) {
  const entries = new Map();
  const add = (info, files, note = "") => {
    const key = `${info.name}@${info.version}`;
    const entry = entries.get(key) ?? { ...info, files: new Set(), notes: new Set() };
    files.forEach((file) => entry.files.add(file));
    if (note) entry.notes.add(note);
    entries.set(key, entry);
  };
  for (const [resource, { module, files }] of resourcesByFile(compilation)) {
    if (!resource.split(path.sep).includes("node_modules")) continue;
    const host = describe(packageRoot(resource));
    add(host, files);
    // Code another package's prebuilt bundle carries inside it, under that package's declared version.
    const source = String(module.originalSource()?.source() ?? "");
    for (const name of new Set([...source.matchAll(INLINED)].map((m) => m[1]))) {
      const declared = { ...host.manifest.devDependencies, ...host.manifest.dependencies }[name];
      const installed = describe(path.dirname(require.resolve(`${name}/package.json`, { paths: [host.dir] })));
      const version = declared ?? installed.version;
      add({ ...installed, version }, files, `inlined in the prebuilt bundle of ${host.name} ${host.version}, which declares ${name} ${declared ?? "(undeclared)"}; licence text of the installed ${installed.version}`);
    }
  }
  const scripts = [...compilation.chunks].flatMap((chunk) => [...chunk.files].filter((file) => file.endsWith(".js")));
  if (scripts.length > 0) add(describe(path.dirname(require.resolve("webpack/package.json"))), scripts, "its module runtime, which it writes into every script");
  return [...entries.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** The text of the notices file: a header, then one block per package, then what the minimizer extracted. */
function noticesText(packages, extracted) {
  const blocks = packages.map((p) =>
    [`${p.name} ${p.version} (${p.licence})`, `In ${[...p.files].sort().join(", ")}${p.notes.size ? `: ${[...p.notes].join("; ")}` : ""}`, p.home, "", p.text].filter((line, i) => i !== 2 || line).join("\n"),
  );
  const header = "KC for Excel: third-party software in dist/*.js, with the licences it is used under.\nWritten by the build (scripts/third-party-notices.js) from the modules webpack bundled.";
  const tail = extracted ? [`Licence comments kept from the bundled code\n\n${extracted.trim()}`] : [];
  return `${[header, ...blocks, ...tail].join(`\n\n${RULE}\n\n`)}\n`;
}

class ThirdPartyNoticesPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("ThirdPartyNoticesPlugin", (compilation) => {
      // After the minimizer (OPTIMIZE_SIZE), so the licence comments it extracted are there to keep.
      compilation.hooks.processAssets.tap({ name: "ThirdPartyNoticesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, () => {
        const extracted = compilation.getAsset(NOTICES)?.source.source().toString();
        const text = new sources.RawSource(noticesText(bundledPackages(compilation), extracted));
        if (extracted === undefined) compilation.emitAsset(NOTICES, text);
        else compilation.updateAsset(NOTICES, text);
      });
    });
  }
}

module.exports = { ThirdPartyNoticesPlugin, NOTICES, NoticesError };
