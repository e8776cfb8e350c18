/**
 * A small XML reader for the add-in's own manifest.xml: elements, attributes and text, with the five predefined
 * entities and character references. No DTD, CDATA or processing beyond the XML declaration: the manifest uses none, and anything else fails
 * loudly instead of being skipped.
 */
class XmlError extends Error {
  name = "XmlError";
}

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (text) =>
  text.replace(/&([^;\s]*);?/g, (whole, name) => {
    if (/^#x[0-9a-f]+$/i.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (/^#\d+$/.test(name)) return String.fromCodePoint(Number(name.slice(1)));
    if (!(name in ENTITIES) || !whole.endsWith(";")) throw new XmlError(`unknown entity ${whole}`);
    return ENTITIES[name];
  });

/** Parses `xml` into its root element: { name, attributes, children, text }. */
function parseXml(xml) {
  const root = { name: "#document", attributes: {}, children: [], text: "" };
  const open = [root];
  const token = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const match of xml.matchAll(token)) {
    const [, close, name, attributeText, selfClosing, text, stray] = match;
    const index = match.index;
    const parent = open[open.length - 1];
    if (stray) throw new XmlError(`unreadable markup: "${xml.slice(index, index + 40)}"`);
    if (text !== undefined) parent.text += decode(text);
    else if (close) {
      if (parent.name !== close) throw new XmlError(`</${close}> closes <${parent.name}>`);
      open.pop();
    } else if (name) {
      const attributes = {};
      for (const [, key, double, single] of attributeText.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attributes[key] = decode(double ?? single);
      const element = { name, attributes, children: [], text: "" };
      parent.children.push(element);
      if (!selfClosing) open.push(element);
    }
  }
  if (open.length !== 1) throw new XmlError(`<${open[open.length - 1].name}> is never closed`);
  if (root.children.length !== 1) throw new XmlError("an XML document has exactly one root element");
  return root.children[0];
}

module.exports = { XmlError, parseXml };
