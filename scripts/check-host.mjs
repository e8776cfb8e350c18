/**
 * `npm run check-host -- https://addins.example.com/kc/`: does this host serve the built add-in the way Excel needs?
 *
 * Reads the built manifest (dist/manifest.xml, or --manifest <file>), takes every URL it names (icons, support page,
 * task pane, functions script, functions metadata), fetches each from the given base as Excel on the web would (with
 * `Origin: https://excel.officeapps.live.com`) and prints one line per problem: not HTTPS, not reachable, a status
 * other than 200, the wrong content type for what the manifest uses the URL for, no CORS header on functions.json or
 * functions.js, or a functions.json that differs from dist/functions.json (or --metadata <file>). Exit 0 and
 * "OK: N URLs checked" when there is none, 1 when there are problems, 2 on a usage error.
 *
 * Which URLs: the manifest was built for one host (ADDIN_HOST, https://localhost:3000/ by default), the folder of its
 * task pane page. Each URL under that folder is checked at the same path under the given base; a URL elsewhere is
 * checked as it stands. When the base is the one the manifest was built for, every URL is checked as it stands.
 *
 * Certificates: the host's certificate must be one Node trusts, as Excel needs one the user's system trusts. Add a
 * development CA with --ca <file> (repeatable) or NODE_EXTRA_CA_CERTS; for localhost the development certificate that
 * `npm start` uses (~/.office-addin-dev-certs/ca.crt, or its self-signed localhost.crt) is trusted without asking.
 */
import { existsSync, readFileSync } from "node:fs";
import https from "node:https";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import tls from "node:tls";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual, parseArgs } from "node:util";

const require = createRequire(import.meta.url);
const { manifestUrls, builtBase } = require("./manifest-urls.cjs");
const { CERTIFICATE_DIR } = require("./certificate.cjs");

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const ORIGIN = "https://excel.officeapps.live.com";
const USAGE = "Usage: npm run check-host -- <https://host/path/> [--manifest <file>] [--metadata <file>] [--ca <file>]... [--timeout <seconds>]";

/** What the manifest uses a URL for, and the content type that use needs. */
const ROLES = {
  page: { label: "page", wants: "text/html", accepts: (type) => type === "text/html" },
  script: { label: "functions script", wants: "JavaScript (text/javascript)", accepts: (type) => /^(text|application)\/(x-)?(javascript|ecmascript)$/.test(type) },
  metadata: { label: "functions metadata", wants: "application/json", accepts: (type) => type === "application/json" },
  icon: {
    label: "icon",
    wants: "an image (image/png for .png)",
    accepts: (type, url) => (extname(new URL(url).pathname).toLowerCase() === ".png" ? type === "image/png" : type.startsWith("image/")),
  },
};
const CROSS_ORIGIN = new Set(["metadata", "script"]);
const isHttps = (url) => URL.canParse(url) && new URL(url).protocol === "https:";
const UNTRUSTED = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ALTNAME/;

function usage(message) {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        manifest: { type: "string", default: join(ROOT, "dist", "manifest.xml") },
        metadata: { type: "string", default: join(ROOT, "dist", "functions.json") },
        ca: { type: "string", multiple: true, default: [] },
        timeout: { type: "string", default: "10" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    usage(error.message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length !== 1) usage("Give exactly one base URL: where dist/ is served.");
  let base;
  try {
    base = new URL(positionals[0]);
  } catch {
    usage(`Not a URL: "${positionals[0]}".`);
  }
  base.search = base.hash = "";
  if (!base.pathname.endsWith("/")) base.pathname += "/";
  const timeout = Number(values.timeout);
  if (!(timeout > 0)) usage(`--timeout must be a number of seconds (got "${values.timeout}").`);
  for (const file of [values.manifest, values.metadata, ...values.ca]) {
    if (!existsSync(file)) usage(`No such file: ${file}${file.startsWith(join(ROOT, "dist")) ? " (run `npm run build` first)" : ""}.`);
  }
  return { base: base.href, manifest: values.manifest, metadata: values.metadata, ca: values.ca, timeoutMs: timeout * 1000 };
}

/** Certificates to trust beyond Node's own: --ca files, NODE_EXTRA_CA_CERTS, and for localhost the development CA. */
function trusted(base, caFiles) {
  const files = [...caFiles];
  if (["localhost", "127.0.0.1", "[::1]"].includes(new URL(base).hostname)) {
    files.push(...["ca.crt", "localhost.crt"].map((name) => join(CERTIFICATE_DIR, name)).filter(existsSync));
  }
  if (files.length === 0) return undefined; // Node's default store, NODE_EXTRA_CA_CERTS included
  // An explicit `ca` replaces Node's store, so NODE_EXTRA_CA_CERTS has to be added back by hand.
  if (process.env.NODE_EXTRA_CA_CERTS && existsSync(process.env.NODE_EXTRA_CA_CERTS)) files.push(process.env.NODE_EXTRA_CA_CERTS);
  return [...tls.rootCertificates, ...files.map((file) => readFileSync(file, "utf8"))];
}

function describe(error) {
  const message = error.message || error.code || (error.errors ?? []).map((e) => e.message).join("; ") || String(error);
  return UNTRUSTED.test(error.code ?? "") ? `${message} (Excel needs a certificate the system trusts; for a development CA pass --ca <file>)` : message;
}

function fetch(url, agent, timeoutMs) {
  return new Promise((resolve) => {
    const request = https.get(url, { agent, headers: { Origin: ORIGIN, "User-Agent": "kc-for-excel check-host" }, timeout: timeoutMs }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", (error) => resolve({ error }));
    });
    request.on("timeout", () => request.destroy(Object.assign(new Error(`no answer within ${timeoutMs / 1000} s`), { code: "ETIMEDOUT" })));
    request.on("error", (error) => resolve({ error }));
  });
}

/** A short account of the first place two JSON values part, e.g. `functions[3].name: "A" served, "B" built`. */
function firstDifference(served, built, path = "") {
  if (isDeepStrictEqual(served, built)) return null;
  const bothObjects = served && built && typeof served === "object" && typeof built === "object" && Array.isArray(served) === Array.isArray(built);
  if (bothObjects) {
    for (const key of new Set([...Object.keys(built), ...Object.keys(served)])) {
      const difference = firstDifference(served[key], built[key], Array.isArray(built) ? `${path}[${key}]` : path ? `${path}.${key}` : key);
      if (difference) return difference;
    }
  }
  const brief = (value) => (value === undefined ? "nothing" : JSON.stringify(value).slice(0, 60));
  return `${path || "the whole file"}: ${brief(served)} served, ${brief(built)} built`;
}

/** The problems with one URL, as sentences; none when Excel can use it for every role the manifest gives it. */
function problems(url, roles, response, built) {
  if (!URL.canParse(url)) return ["not a URL"];
  if (!isHttps(url)) return ["not HTTPS: Office loads add-in files only over https://"];
  if (response.error) return [`not reachable: ${describe(response.error)}`];
  if (response.status !== 200) return [`HTTP status ${response.status}${response.headers.location ? ` (redirects to ${response.headers.location})` : ""}, not 200`];
  const found = [];
  const type = String(response.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  for (const role of roles) {
    if (!ROLES[role].accepts(type, url)) found.push(`content type ${type || "(none)"}, but the manifest uses it as the ${ROLES[role].label}: needs ${ROLES[role].wants}`);
  }
  const allowed = response.headers["access-control-allow-origin"];
  if ([...roles].some((role) => CROSS_ORIGIN.has(role)) && allowed !== "*" && allowed !== ORIGIN) {
    found.push(allowed === undefined
      ? `no CORS header (Access-Control-Allow-Origin): Excel on the web, at ${ORIGIN}, cannot read it; send "Access-Control-Allow-Origin: *"`
      : `CORS header Access-Control-Allow-Origin is "${allowed}", which shuts out Excel on the web at ${ORIGIN}; send "*"`);
  }
  if (roles.has("metadata")) {
    let served;
    try {
      served = JSON.parse(response.body.toString("utf8"));
    } catch (error) {
      return [...found, `not JSON (${error.message}): Excel registers no functions from it`];
    }
    const difference = firstDifference(served, built.json);
    if (difference) found.push(`differs from ${built.file}, at ${difference}: upload the current build (and bump <Version> in the manifest)`);
  }
  return found;
}

const settings = options();
const xml = readFileSync(settings.manifest, "utf8");
let from, urls;
try {
  from = builtBase(xml);
  urls = manifestUrls(xml);
} catch (error) {
  usage(`${settings.manifest} is not a readable manifest: ${error.message}`);
}
const onto = (url) => (from && url.startsWith(from) ? settings.base + url.slice(from.length) : url);
const roles = new Map();
for (const { url, role } of urls) {
  const target = onto(url);
  roles.set(target, (roles.get(target) ?? new Set()).add(role));
}
if (roles.size === 0) usage(`${settings.manifest} names no URLs: is it an add-in manifest?`);
if (from && from !== settings.base && isHttps(settings.base)) {
  console.log(`Note: ${settings.manifest} was built for ${from}; checking its files at ${settings.base}. Before you distribute it, build with ADDIN_HOST=${settings.base}`);
}

let built;
try {
  built = { file: settings.metadata, json: JSON.parse(readFileSync(settings.metadata, "utf8")) };
} catch (error) {
  usage(`${settings.metadata} is not JSON: ${error.message}`);
}
const agent = new https.Agent({ ca: trusted(settings.base, settings.ca) });
const lines = [];
await Promise.all(
  [...roles].map(async ([url, used]) => {
    const response = isHttps(url) ? await fetch(url, agent, settings.timeoutMs) : {};
    const labels = [...used].map((role) => ROLES[role].label).join(", ");
    for (const problem of problems(url, used, response, built)) lines.push(`${url} (${labels}): ${problem}`);
  }),
);
agent.destroy();

if (lines.length === 0) {
  console.log(`OK: ${roles.size} URLs checked at ${settings.base}`);
} else {
  console.log(lines.sort().join("\n"));
  console.log(`${lines.length} problem${lines.length === 1 ? "" : "s"} in ${roles.size} URLs checked at ${settings.base}`);
  process.exitCode = 1;
}
