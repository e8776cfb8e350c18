/**
 * Every URL an add-in-only manifest (manifest.xml) names in a DefaultValue, with what Office uses it for: `page`
 * (task pane, help, support), `script` (the custom functions' JavaScript), `metadata` (their functions.json) or `icon`.
 * Read with the same XML reader as the build's unified manifest (xml-tree.js).
 */
const { parseXml } = require("./xml-tree");

const URL_ELEMENTS = new Set(["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation", "bt:Image", "bt:Url"]);
const ICONS = new Set(["IconUrl", "HighResolutionIconUrl", "bt:Image"]);

/** Every element under `element`, in document order. */
function* walk(element) {
  for (const child of element.children) {
    yield child;
    yield* walk(child);
  }
}

/** The resource id a custom functions `<Script>` or `<Metadata>` element points its SourceLocation at. */
function residOf(root, parent) {
  for (const element of walk(root)) {
    if (element.name !== parent) continue;
    const location = element.children.find((child) => child.name === "SourceLocation");
    if (location?.attributes.resid) return location.attributes.resid;
  }
  return null;
}

/** [{ url, role, source }] in document order; `source` names the element (and resource id) the URL came from. */
function manifestUrls(text) {
  const root = parseXml(text);
  const script = residOf(root, "Script");
  const metadata = residOf(root, "Metadata");
  const urls = [];
  for (const { name, attributes } of walk(root)) {
    // An element with a resid instead refers to a resource listed under <Resources>, which is visited itself.
    if (!URL_ELEMENTS.has(name) || attributes.DefaultValue === undefined) continue;
    const id = attributes.id;
    const role = ICONS.has(name) ? "icon" : id && id === script ? "script" : id && id === metadata ? "metadata" : "page";
    urls.push({ url: attributes.DefaultValue, role, source: id ? `${name} ${id}` : name });
  }
  return urls;
}

/** The folder the manifest was built for (ADDIN_HOST): where its task pane page, <DefaultSettings><SourceLocation>, lives. */
function builtBase(text) {
  const settings = parseXml(text).children.find((child) => child.name === "DefaultSettings");
  const page = settings?.children.find((child) => child.name === "SourceLocation")?.attributes.DefaultValue;
  try {
    return page ? new URL(".", page).href : null;
  } catch {
    return null; // not a URL: reported when that URL is checked
  }
}

module.exports = { manifestUrls, builtBase };
