/** What the XSD cannot check: resource ids, https, files behind every URL, icon sizes, the shared runtime wiring. */
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const ROOT = join(__dirname, "..");
const SCHEMA = join(__dirname, "manifest-schemas", "OfficeAppManifestV1_1.xsd");
const DEV_HOST = "https://localhost:3000/";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteHost } = require("../scripts/manifest-host.js") as { rewriteHost: (xml: string, host: string) => string };

function pngSize(file: string): [number, number] {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

const attr = (xml: string, pattern: RegExp) => [...xml.matchAll(pattern)].map((m) => m[1] as string);

describe.each([
  ["manifest.xml", join(ROOT, "manifest.xml")],
  ["dist/manifest.xml", join(ROOT, "dist", "manifest.xml")],
])("%s", (_name, file) => {
  const xml = readFileSync(file, "utf8");

  it("validates against the Office add-in XSDs offline", () => {
    let xmllint = true;
    try {
      execFileSync("xmllint", ["--version"], { stdio: "ignore" });
    } catch {
      xmllint = false;
    }
    if (!xmllint) throw new Error("xmllint is missing: install libxml2-utils (sudo apt-get install -y libxml2-utils)");
    expect(existsSync(SCHEMA)).toBe(true);
    expect(() => execFileSync("xmllint", ["--noout", "--schema", SCHEMA, file], { stdio: "pipe" })).not.toThrow();
  });

  it("defines every resid it uses and uses every resource it defines", () => {
    const used = new Set(attr(xml, /resid="([^"]+)"/g));
    const defined = new Set(attr(xml, /<bt:(?:Image|Url|String) id="([^"]+)"/g));
    expect([...used].filter((id) => !defined.has(id))).toEqual([]);
    expect([...defined].filter((id) => !used.has(id))).toEqual([]);
  });

  it("uses only https URLs, each naming a file the build produced", () => {
    const urls = attr(xml, /(?:DefaultValue|Value)="(https?:[^"]+)"/g);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) {
      expect(url).toMatch(/^https:\/\//);
      const path = url.replace(/^https:\/\/[^/]+\//, "").split("#")[0] as string;
      expect(existsSync(join(ROOT, "dist", path))).toBe(true);
    }
  });

  it("has icons of the sizes it declares", () => {
    const icons = [...xml.matchAll(/<bt:Image id="Icon\.(\d+)x\d+" DefaultValue="([^"]+)"/g)].map((m) => [m[1], m[2]] as const);
    expect(icons.length).toBe(3);
    for (const [id, url] of icons) {
      const file = join(ROOT, "dist", (url as string).replace(/^https:\/\/[^/]+\//, ""));
      expect(pngSize(file)).toEqual([Number(id), Number(id)]);
    }
    for (const size of [16, 32, 64, 80, 128]) expect(pngSize(join(ROOT, "assets", `icon-${size}.png`))).toEqual([size, size]);
  });

  it("runs the custom functions in the task pane's long-lived shared runtime under the KC namespace", () => {
    expect(xml).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(xml).toMatch(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>\s*<\/Page>/);
    expect(xml).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="KC"\/>/);
    expect(xml).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    // The highest ExcelApi the code uses unchecked (test/api-sets.test.ts); later sets are checked at run time.
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.9"\/>/);
    // Error messages on #N/A (CustomFunctions.ErrorCode) are annotated CustomFunctionsRuntime 1.3 in @types/custom-functions-runtime.
    expect(xml).toMatch(/<Set Name="CustomFunctionsRuntime" MinVersion="1.3"\/>/);
    expect(xml).toMatch(/<OfficeTab id="TabHome">[\s\S]*<Action xsi:type="ShowTaskpane">/);
  });

  it("asks for no more than reading and writing the workbook, with a real id", () => {
    expect(attr(xml, /<Permissions>([^<]+)<\/Permissions>/g)).toEqual(["ReadWriteDocument"]);
    expect(attr(xml, /<Id>([^<]+)<\/Id>/g)[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(xml).toMatch(/<SupportUrl DefaultValue="https:/);
  });
});

describe("the offline schema check", () => {
  it("refuses a manifest with a misplaced or missing element", () => {
    const source = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    const dir = mkdtempSync(join(tmpdir(), "kc-manifest-"));
    const broken = [
      source.replace(/<Id>[^<]+<\/Id>/, ""),
      source.replace('lifetime="long"', 'lifetime="forever"'),
      source.replace("<Hosts>", "<Hosts><Unknown/>"),
    ];
    try {
      broken.forEach((xml, i) => {
        expect(xml).not.toBe(source);
        const file = join(dir, `broken-${i}.xml`);
        writeFileSync(file, xml);
        expect(() => execFileSync("xmllint", ["--noout", "--schema", SCHEMA, file], { stdio: "pipe" })).toThrow(/fails to validate/);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the production host is one build setting", () => {
  const source = readFileSync(join(ROOT, "manifest.xml"), "utf8");

  it("rewrites every development URL to the host given", () => {
    const rewritten = rewriteHost(source, "https://addins.example.com/kc/");
    expect(rewritten).not.toContain(DEV_HOST);
    expect(rewritten.match(/https:\/\/addins\.example\.com\/kc\//g)?.length).toBe(source.split(DEV_HOST).length - 1);
  });

  it("refuses a host that is not https or does not end in a slash", () => {
    expect(() => rewriteHost(source, "http://addins.example.com/")).toThrow(/https/);
    expect(() => rewriteHost(source, "https://addins.example.com")).toThrow(/end/);
  });
});
