/**
 * dist/manifest.json, the Microsoft 365 unified manifest: valid against Microsoft's schema (shipped in the npm package
 * @microsoft/app-manifest, so no network), https URLs naming built files, package icons of the required sizes, and the
 * same facts as manifest.xml, read here from the XML with plain patterns, not with the build's own reader.
 */
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { existsSync, readFileSync } from "fs";
import { dirname, join } from "path";
import { readPng } from "./support/png";

const ROOT = join(__dirname, "..");
const DIST = join(ROOT, "dist");

/** The parts of a unified manifest this test reads; the schema checks the rest. */
type Runtime = {
  lifetime: string;
  code: { page: string; script?: string };
  actions: { id: string; type: string; view?: string }[];
  customFunctions: { namespace: { id: string; name: string }; metadataUrl: string };
};
type Control = { label: string; supertip: { title: string; description: string }; actionId: string };
type Extension = {
  requirements: { scopes: string[]; capabilities: { name: string; minVersion: string }[] };
  runtimes: Runtime[];
  ribbons: { tabs: { builtInTabId: string; groups: { controls: Control[] }[] }[] }[];
  customFunctions?: unknown;
};
type Manifest = {
  $schema: string;
  manifestVersion: string;
  id: string;
  version: string;
  name: { short: string };
  description: { full: string };
  developer?: { name: string; websiteUrl: string };
  icons: { color: string; outline: string };
  authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
  extensions: Extension[];
};
type Unified = {
  unifiedManifest: (xml: string) => Manifest;
  unifiedVersion: (version: string) => string;
  MANIFEST_VERSION: string;
};
/* eslint-disable @typescript-eslint/no-require-imports */
const { unifiedManifest, unifiedVersion, MANIFEST_VERSION } = require("../scripts/unified-manifest.js") as Unified;
const { manifestFacts } = require("../scripts/manifest-facts.js") as { manifestFacts: (xml: string) => unknown };
const { parseXml } = require("../scripts/xml-tree.js") as { parseXml: (xml: string) => { name: string; attributes: Record<string, string>; text: string } };
const { rewriteHost } = require("../scripts/manifest-host.js") as { rewriteHost: (xml: string, host: string) => string };
/* eslint-enable @typescript-eslint/no-require-imports */

const SCHEMA_DIR = join(dirname(require.resolve("@microsoft/app-manifest/package.json")), "build", "json-schemas", "teams");
const schemaFile = (version: string) => join(SCHEMA_DIR, `v${version}`, "MicrosoftTeams.schema.json");
const schema = JSON.parse(readFileSync(schemaFile(MANIFEST_VERSION), "utf8")) as object;
// The options Microsoft's own validator (@microsoft/app-manifest's AppManifestUtils) uses for these draft-04 schemas.
const ajv = new Ajv({ allErrors: true, strictTypes: false });
addFormats(ajv, ["uri", "email", "regex"]);
ajv.addSchema(schema, "teams");
const validate = ajv.getSchema("teams")!;
const validateFunction = ajv.compile({ $ref: "teams#/definitions/extensionFunction" });
const refusals = (check: typeof validate, value: unknown) => (check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

const manifestText = readFileSync(join(DIST, "manifest.json"), "utf8");
const manifest = JSON.parse(manifestText) as Manifest;
const xml = readFileSync(join(DIST, "manifest.xml"), "utf8");
const [extension] = manifest.extensions;
const [runtime] = extension!.runtimes;

/** Expected values, read from manifest.xml with patterns independent of scripts/manifest-facts.js. */
const first = (pattern: RegExp) => (pattern.exec(xml) ?? [])[1];
const resources = new Map([...xml.matchAll(/<bt:(?:Url|String|Image) id="([^"]+)" DefaultValue="([^"]+)"/g)].map((m) => [m[1], m[2]]));
// The host dist/ was built for (ADDIN_HOST, or the development host): manifest.json must name the same one.
const HOST = first(/<SourceLocation DefaultValue="([^"]+\/)taskpane\.html"\/>/)!;
const xmlSets = [...xml.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)].map((m) => ({ name: m[1], minVersion: m[2] }));

function strings(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, inner]) => strings(inner, `${path}/${key}`));
  return [];
}
/** Every { size, url } pair: ribbon and alternate icons, which Office loads from the web host. */
function sizedIcons(value: unknown): { size: number; url: string }[] {
  if (!value || typeof value !== "object") return [];
  const here = "size" in value && "url" in value ? [value as { size: number; url: string }] : [];
  return [...here, ...Object.values(value).flatMap(sizedIcons)];
}
const urls = (value: unknown) => strings(value).filter(([path, text]) => path !== "/$schema" && /^[a-z]+:\/\//i.test(text));

describe("dist/manifest.json", () => {
  it(`validates against Microsoft's unified manifest schema ${MANIFEST_VERSION} offline`, () => {
    expect(existsSync(schemaFile(MANIFEST_VERSION))).toBe(true);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`);
    expect(refusals(validate, manifest)).toEqual([]);
  });

  it("uses only https URLs on manifest.xml's host, each naming a file the build produced", () => {
    const found = urls(manifest);
    expect(found.length).toBeGreaterThanOrEqual(15);
    for (const [path, url] of found) {
      expect(`${path} ${url}`).toMatch(/ https:\/\//);
      expect(`${path} ${url.startsWith(HOST)}`).toBe(`${path} true`);
      expect(`${path} ${existsSync(join(DIST, url.slice(HOST.length).split("#")[0]!))}`).toBe(`${path} true`);
    }
  });

  it("has a three-part version mapped from manifest.xml's four-part one", () => {
    const xmlVersion = first(/<Version>([^<]+)<\/Version>/) ?? "";
    expect(xmlVersion).toMatch(/^\d+\.\d+\.\d+\.0$/);
    expect(manifest.version).toBe(xmlVersion.replace(/\.0$/, ""));
    expect(manifest.version).toMatch(/^\d{1,5}\.\d{1,5}\.\d{1,5}$/);
  });

  it("states manifest.xml's identity, names, requirement sets and permission", () => {
    expect(manifest.id).toBe(first(/<Id>([^<]+)<\/Id>/));
    expect(manifest.name.short).toBe(first(/<DisplayName DefaultValue="([^"]+)"/));
    expect(manifest.description.full).toBe(first(/<Description DefaultValue="([^"]+)"/));
    expect(manifest.developer?.name).toBe(first(/<ProviderName>([^<]+)</));
    expect(manifest.developer?.websiteUrl).toBe(first(/<SupportUrl DefaultValue="([^"]+)"/));
    expect([...xmlSets].sort((a, b) => String(a.name).localeCompare(String(b.name)))).toEqual([
      { name: "CustomFunctionsRuntime", minVersion: "1.3" },
      { name: "ExcelApi", minVersion: "1.9" },
      { name: "SharedRuntime", minVersion: "1.1" },
    ]);
    expect(extension!.requirements.capabilities).toEqual(xmlSets);
    expect(extension!.requirements.scopes).toEqual(["workbook"]);
    expect(first(/<Permissions>([^<]+)</)).toBe("ReadWriteDocument");
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([{ name: "Document.ReadWrite.User", type: "Delegated" }]);
  });

  it("runs the KC custom functions in the task pane's long-lived shared runtime", () => {
    expect(extension!.runtimes).toHaveLength(1);
    expect(runtime!.lifetime).toBe("long");
    expect(first(/<Runtime resid="([^"]+)" lifetime="long"\/>/)).toBe("Taskpane.Url");
    expect(runtime!.code).toEqual({ page: resources.get("Taskpane.Url"), script: resources.get("Functions.Script.Url") });
    expect(runtime!.customFunctions).toEqual({
      namespace: { id: resources.get("Functions.Namespace"), name: resources.get("Functions.Namespace") },
      metadataUrl: resources.get("Functions.Metadata.Url"),
    });
    expect(runtime!.customFunctions.namespace.id).toBe("KC");
    expect(runtime!.code.page).toMatch(/\/taskpane\.html$/);
    expect(runtime!.code.script).toMatch(/\/functions\.js$/);
    expect(runtime!.customFunctions.metadataUrl).toMatch(/\/functions\.json$/);
  });

  it("puts a button on the Home tab that opens the task pane in that runtime", () => {
    const [ribbon] = extension!.ribbons;
    const [tab] = ribbon!.tabs;
    expect(tab!.builtInTabId).toBe(first(/<OfficeTab id="([^"]+)">/));
    expect(tab!.builtInTabId).toBe("TabHome");
    const [control] = tab!.groups[0]!.controls;
    expect(control!.label).toBe(resources.get("TaskpaneButton.Label"));
    expect(control!.supertip.description).toBe(resources.get("TaskpaneButton.Tooltip"));
    // The schema cannot check that a control's actionId names an action: the button would do nothing.
    const action = runtime!.actions.find((a) => a.id === control!.actionId);
    expect(action).toMatchObject({ type: "openPage", view: first(/<TaskpaneId>([^<]+)</) });
  });

  it("names package icons beside it of the sizes Microsoft 365 requires, and web icons of the sizes it declares", () => {
    const color = readPng(join(DIST, manifest.icons.color));
    expect([color.width, color.height]).toEqual([192, 192]);
    // Full bleed: Microsoft 365 masks the square itself, so no pixel is transparent.
    for (const [x, y] of [[0, 0], [191, 0], [0, 191], [191, 191], [96, 96]] as const) expect(color.pixel(x, y)[3]).toBe(255);
    const outline = readPng(join(DIST, manifest.icons.outline));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let drawn = 0;
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const [r, g, b, a] = outline.pixel(x, y);
        if (a > 0) expect([x, y, r, g, b]).toEqual([x, y, 255, 255, 255]);
        if (a > 0) drawn++;
      }
    }
    expect(drawn).toBeGreaterThan(100);
    expect(drawn).toBeLessThan(32 * 32 - 100);
    const webIcons = sizedIcons(manifest);
    expect(webIcons.length).toBeGreaterThan(5);
    for (const { size, url } of webIcons) {
      const png = readPng(join(DIST, url.slice(HOST.length)));
      expect(`${url} ${png.width}x${png.height}`).toBe(`${url} ${size}x${size}`);
    }
    for (const [name, size] of [["icon-color-192.png", 192], ["icon-outline-32.png", 32]] as const) {
      const png = readPng(join(ROOT, "assets", name));
      expect([name, png.width, png.height]).toEqual([name, size, size]);
    }
  });

  it("points at custom functions metadata whose functions meet the unified manifest's rules", () => {
    const metadata = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as { functions: { id: string }[] };
    const refused = metadata.functions.filter((f) => refusals(validateFunction, f).length > 0).map((f) => f.id);
    expect(metadata.functions.length).toBeGreaterThan(0);
    expect(refused).toEqual([]);
  });
});

describe("the unified manifest's version", () => {
  it("keeps the first three parts of manifest.xml's version", () => {
    expect(unifiedVersion("1.0.0.0")).toBe("1.0.0");
    expect(unifiedVersion("1.2.3.0")).toBe("1.2.3");
    expect(unifiedVersion("2.1")).toBe("2.1.0");
  });

  it("refuses a change in the fourth part alone, which manifest.json could not show", () => {
    expect(() => unifiedVersion("1.0.0.1")).toThrow(/bump the third part/);
    expect(() => unifiedVersion("1.0.0.0.0")).toThrow(/not n\.n\.n\.n/);
    expect(() => unifiedVersion("1.a.0.0")).toThrow(/not n\.n\.n\.n/);
  });
});

describe("the offline schema check", () => {
  const runtimeOf = (m: Manifest) => m.extensions[0]!.runtimes[0]!;
  const broken: [string, (m: Manifest) => void, RegExp][] = [
    ["without the required developer", (m) => delete m.developer, /^ must have required property 'developer'/],
    ["with an http page", (m) => (runtimeOf(m).code.page = "http://localhost:3000/taskpane.html"), /^\/extensions\/0\/runtimes\/0\/code\/page must match pattern/],
    ["with customFunctions outside its runtime", (m) => (m.extensions[0]!.customFunctions = runtimeOf(m).customFunctions), /^\/extensions\/0 must NOT have additional properties/],
    ["with a namespace that starts with a digit", (m) => (runtimeOf(m).customFunctions.namespace.id = "2KC"), /^\/extensions\/0\/runtimes\/0\/customFunctions\/namespace\/id must match pattern/],
    ["with a lifetime the schema does not know", (m) => (runtimeOf(m).lifetime = "forever"), /^\/extensions\/0\/runtimes\/0\/lifetime must be equal to one of the allowed values/],
    ["declaring another schema version", (m) => (m.manifestVersion = "1.17"), /^\/manifestVersion must be equal to constant/],
  ];

  it.each(broken)("refuses a manifest %s", (_name, breakIt, reason) => {
    const copy = JSON.parse(manifestText) as Manifest;
    breakIt(copy);
    expect(JSON.stringify(copy)).not.toBe(JSON.stringify(manifest));
    const found = refusals(validate, copy);
    expect(found.some((message) => reason.test(message))).toBe(true);
  });

  it("refuses a function id or name of fewer than three characters", () => {
    const fn = { id: "ADD", name: "ADD", description: "Adds.", parameters: [], result: {} };
    expect(refusals(validateFunction, fn)).toEqual([]);
    expect(refusals(validateFunction, { ...fn, id: "FX", name: "FX" })).toEqual(["/id must NOT have fewer than 3 characters", "/name must NOT have fewer than 3 characters"]);
  });
});

describe("building the unified manifest from manifest.xml", () => {
  const source = readFileSync(join(ROOT, "manifest.xml"), "utf8");

  it("follows the production host like manifest.xml", () => {
    const rewritten = unifiedManifest(rewriteHost(source, "https://addins.example.com/kc/"));
    const found = urls(rewritten);
    expect(found.length).toBe(urls(unifiedManifest(source)).length);
    for (const [, url] of found) expect(url).toMatch(/^https:\/\/addins\.example\.com\/kc\/[\w./-]+$/);
    expect(JSON.stringify(rewritten)).not.toContain("localhost");
  });

  it("stops on a manifest.xml it cannot map instead of leaving a part out", () => {
    expect(() => manifestFacts(source.replace(/<Namespace resid="[^"]+"\/>/, ""))).toThrow(/expected one <Namespace>/);
    expect(() => manifestFacts(source.replace('resid="Functions.Metadata.Url"', 'resid="Nowhere.Url"'))).toThrow(/"Nowhere.Url" names no resource/);
    expect(() => manifestFacts(source.replace('xsi:type="ShowTaskpane"', 'xsi:type="ExecuteFunction"'))).toThrow(/maps only ShowTaskpane/);
    expect(() => unifiedManifest(source.replace("<Permissions>ReadWriteDocument", "<Permissions>ReadWriteMailbox"))).toThrow(/no unified-manifest equivalent/);
    expect(() => unifiedManifest(source.replace(/<Version>(\d+\.\d+\.\d+)\.0</, "<Version>$1.1<"))).toThrow(/bump the third part/);
  });
});

describe("the build's manifest.xml reader", () => {
  it("reads attributes and text with XML's entities and character references", () => {
    expect(parseXml(`<a t="R&amp;D &#x2014; &#65;">&lt;b&gt; &quot;x&quot;</a>`)).toMatchObject({ name: "a", attributes: { t: "R&D — A" }, text: '<b> "x"' });
  });

  it("refuses markup it cannot read instead of guessing", () => {
    expect(() => parseXml("<a><b></a>")).toThrow(/<\/a> closes <b>/);
    expect(() => parseXml("<a>")).toThrow(/never closed/);
    expect(() => parseXml("<a>&nbsp;</a>")).toThrow(/unknown entity &nbsp;/);
    expect(() => parseXml("<a>x < y</a>")).toThrow(/unreadable markup/);
    expect(() => parseXml("<a/><b/>")).toThrow(/exactly one root/);
  });
});
