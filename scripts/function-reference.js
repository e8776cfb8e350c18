/**
 * The KC function reference, rendered from the generated functions.json: as Markdown for the README (`npm run docs`
 * rewrites the section; a test fails when it is stale) and as dist/help.html, where each function's help link lands.
 */
const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

const signature = (f) => `=KC.${f.name}(${f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
const anchor = (f) => `kc-${f.name.toLowerCase()}`;
const returns = (f) => (f.result && f.result.dimensionality === "matrix" ? "a spilled range" : `a ${f.result && f.result.type ? f.result.type : "value"}`);

function markdown(metadata) {
  const lines = ["| Function | What it returns |", "|---|---|"];
  for (const f of metadata.functions) lines.push(`| [\`${signature(f)}\`](#${anchor(f)}) | ${f.description.replace(/\|/g, "\\|")} |`);
  for (const f of metadata.functions) {
    lines.push("", `### ${f.name}`, "", `<a id="${anchor(f)}"></a>\`${signature(f)}\` — returns ${returns(f)}.`, "", f.description, "");
    for (const p of f.parameters) lines.push(`- \`${p.name}\`${p.optional ? " (optional)" : ""}: ${p.description || ""}`.trimEnd());
  }
  return lines.join("\n");
}

function html(metadata) {
  const body = metadata.functions
    .map((f) => {
      const params = f.parameters.map((p) => `<li><code>${escapeHtml(p.name)}</code>${p.optional ? " (optional)" : ""}: ${escapeHtml(p.description || "")}</li>`).join("");
      return `<section id="${anchor(f)}"><h2>KC.${escapeHtml(f.name)}</h2><p><code>${escapeHtml(signature(f))}</code> — returns ${escapeHtml(returns(f))}.</p><p>${escapeHtml(f.description)}</p><ul>${params}</ul></section>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self'">
<title>KC for Excel: function reference</title>
<link rel="stylesheet" href="taskpane.css">
</head>
<body class="help">
<h1>KC for Excel: function reference</h1>
<p>Figures come from the two source documents bundled with the add-in; money is in millions of the reporting currency unless a currency or units argument says otherwise; ratios are fractions; dates are Excel dates. <code>#VALUE!</code> means a bad argument, <code>#N/A</code> data the dataset lacks; the message says which.</p>
${body}
</body>
</html>
`;
}

/** Webpack plugin: points functions.json's help links at the built host and emits help.html beside it. */
class FunctionReferencePlugin {
  constructor({ devHost, host }) {
    this.devHost = devHost;
    this.host = host;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("FunctionReferencePlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "FunctionReferencePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset("functions.json");
        if (!asset) return;
        const json = asset.source.source().toString().split(this.devHost).join(this.host);
        compilation.updateAsset("functions.json", new sources.RawSource(json));
        compilation.emitAsset("help.html", new sources.RawSource(html(JSON.parse(json))));
      });
    });
  }
}

module.exports = { markdown, html, FunctionReferencePlugin };

/** `npm run docs`: rewrites the README's function reference and card examples from dist/ (run `npm run build` first). */
if (require.main === module) {
  const fs = require("fs");
  const path = require("path");
  const root = path.join(__dirname, "..");
  const metadata = JSON.parse(fs.readFileSync(path.join(root, "dist", "functions.json"), "utf8"));
  const readmePath = path.join(root, "README.md");
  const { dataTypeSection, loadLibrary } = require("./card-example");
  const sections = [
    ["function-reference", markdown(metadata)],
    ["data-type-cards", dataTypeSection(loadLibrary(path.join(root, "dist")))],
  ];
  let readme = fs.readFileSync(readmePath, "utf8");
  for (const [name, body] of sections) {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const [head, rest] = readme.split(start);
    if (rest === undefined || !rest.includes(end)) throw new Error(`README.md has no ${start} … ${end} section`);
    readme = `${head}${start}\n${body}\n${end}${rest.split(end)[1]}`;
  }
  fs.writeFileSync(readmePath, readme);
  console.warn("README.md function reference and data-type cards rewritten from dist/");
}
