/**
 * Every URL an add-in-only manifest (manifest.xml) names in a DefaultValue, with what Office uses it for: `page`
 * (task pane, help, support), `script` (the custom functions' JavaScript), `metadata` (their functions.json) or `icon`.
 * The manifest is our own, schema-validated file, so a few patterns read it; no XML parser is needed.
 */
const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (value) => value.replace(/&(amp|lt|gt|quot|apos);/g, (_, name) => ENTITIES[name]);
const ICONS = new Set(["IconUrl", "HighResolutionIconUrl", "bt:Image"]);

/** The resource id a custom functions `<Script>` or `<Metadata>` element points its SourceLocation at. */
const residOf = (xml, parent) => xml.match(new RegExp(`<${parent}>\\s*<SourceLocation\\s+resid="([^"]+)"`))?.[1] ?? null;

/** [{ url, role, source }] in document order; `source` names the element (and resource id) the URL came from. */
function manifestUrls(text) {
  const xml = text.replace(/<!--[\s\S]*?-->/g, "");
  const script = residOf(xml, "Script");
  const metadata = residOf(xml, "Metadata");
  const urls = [];
  for (const [, name, attributes] of xml.matchAll(/<(IconUrl|HighResolutionIconUrl|SupportUrl|SourceLocation|bt:Image|bt:Url)\b([^>]*)>/g)) {
    const value = attributes.match(/\bDefaultValue="([^"]*)"/)?.[1];
    if (value === undefined) continue; // a reference (resid="…") to a resource listed under <Resources>
    const id = attributes.match(/\bid="([^"]*)"/)?.[1];
    const role = ICONS.has(name) ? "icon" : id && id === script ? "script" : id && id === metadata ? "metadata" : "page";
    urls.push({ url: decode(value), role, source: id ? `${name} ${id}` : name });
  }
  return urls;
}

/** The folder the manifest was built for (ADDIN_HOST): where its task pane page, <DefaultSettings><SourceLocation>, lives. */
function builtBase(text) {
  const page = text.match(/<DefaultSettings>\s*<SourceLocation\s+DefaultValue="([^"]+)"/)?.[1];
  try {
    return page ? new URL(".", decode(page)).href : null;
  } catch {
    return null; // not a URL: reported when that URL is checked
  }
}

module.exports = { manifestUrls, builtBase };
