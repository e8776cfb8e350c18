/**
 * The facts of manifest.xml that the unified manifest (manifest.json) restates, read from the XML itself so the two
 * cannot drift: identity, names, URLs, requirement sets, the shared runtime, the custom functions and the ribbon
 * button. Every `resid` is resolved to its resource value. A layout this reader does not know (a missing element, a
 * control or action type it has no mapping for) throws instead of being left out.
 */
const { parseXml } = require("./xml-tree");

class ManifestError extends Error {
  name = "ManifestError";
}

/** Follows `steps` from `element`, each a child's name or `name[xsi:type]`; exactly one element must match each. */
function only(element, ...steps) {
  return steps.reduce((at, step) => {
    const matches = all(at, step);
    if (matches.length !== 1) throw new ManifestError(`manifest.xml: expected one <${step}> in <${at.name}>, found ${matches.length}`);
    return matches[0];
  }, element);
}

function all(element, step) {
  const [, name, type] = /^([\w:.-]+)(?:\[([\w:.-]+)\])?$/.exec(step) ?? [];
  return element.children.filter((child) => child.name === name && (type === undefined || child.attributes["xsi:type"] === type));
}

function attribute(element, name) {
  const value = element.attributes[name];
  if (value === undefined) throw new ManifestError(`manifest.xml: <${element.name}> has no ${name}`);
  return value;
}

/** Reads the facts from the text of manifest.xml. */
function manifestFacts(xml) {
  const app = parseXml(xml);
  const overrides = only(app, "VersionOverrides");
  const resources = new Map();
  for (const group of only(overrides, "Resources").children) for (const item of group.children) resources.set(attribute(item, "id"), attribute(item, "DefaultValue"));
  const resource = (element) => {
    const id = attribute(element, "resid");
    if (!resources.has(id)) throw new ManifestError(`manifest.xml: resid "${id}" names no resource`);
    return resources.get(id);
  };
  const text = (step) => only(app, step).text.trim();
  const value = (step) => attribute(only(app, step), "DefaultValue");
  const icons = (element) => all(only(element, "Icon"), "bt:Image").map((image) => ({ size: Number(attribute(image, "size")), url: resource(image) }));

  const host = only(overrides, "Hosts", "Host");
  const runtime = only(host, "Runtimes", "Runtime");
  const functions = only(host, "AllFormFactors", "ExtensionPoint[CustomFunctions]");
  const desktop = only(host, "DesktopFormFactor");
  const getStarted = only(desktop, "GetStarted");
  const tabs = all(only(desktop, "ExtensionPoint[PrimaryCommandSurface]"), "OfficeTab");

  return {
    id: text("Id"),
    version: text("Version"),
    provider: text("ProviderName"),
    locale: text("DefaultLocale"),
    displayName: value("DisplayName"),
    description: value("Description"),
    iconUrl: value("IconUrl"),
    highResolutionIconUrl: value("HighResolutionIconUrl"),
    supportUrl: value("SupportUrl"),
    hosts: all(only(app, "Hosts"), "Host").map((h) => attribute(h, "Name")),
    requirementSets: all(only(app, "Requirements", "Sets"), "Set").map((set) => ({ name: attribute(set, "Name"), minVersion: attribute(set, "MinVersion") })),
    permissions: text("Permissions"),
    runtime: { pageUrl: resource(runtime), lifetime: attribute(runtime, "lifetime") },
    customFunctions: {
      scriptUrl: resource(only(functions, "Script", "SourceLocation")),
      pageUrl: resource(only(functions, "Page", "SourceLocation")),
      metadataUrl: resource(only(functions, "Metadata", "SourceLocation")),
      namespace: resource(only(functions, "Namespace")),
    },
    getStarted: {
      title: resource(only(getStarted, "Title")),
      description: resource(only(getStarted, "Description")),
      learnMoreUrl: resource(only(getStarted, "LearnMoreUrl")),
    },
    tabs: tabs.map((tab) => ({
      builtInTabId: attribute(tab, "id"),
      groups: all(tab, "Group").map((group) => ({
        id: attribute(group, "id"),
        label: resource(only(group, "Label")),
        icons: icons(group),
        buttons: group.children.filter((c) => c.name === "Control").map((control) => {
          if (control.attributes["xsi:type"] !== "Button") throw new ManifestError(`manifest.xml: control "${control.attributes.id}" is not a Button; the unified manifest maps only buttons`);
          const action = only(control, "Action");
          if (action.attributes["xsi:type"] !== "ShowTaskpane") throw new ManifestError(`manifest.xml: button "${control.attributes.id}" does not show a task pane; the unified manifest maps only ShowTaskpane`);
          return {
            id: attribute(control, "id"),
            label: resource(only(control, "Label")),
            tipTitle: resource(only(control, "Supertip", "Title")),
            tip: resource(only(control, "Supertip", "Description")),
            icons: icons(control),
            taskpaneId: only(action, "TaskpaneId").text.trim(),
            pageUrl: resource(only(action, "SourceLocation")),
          };
        }),
      })),
    })),
  };
}

module.exports = { ManifestError, manifestFacts };
