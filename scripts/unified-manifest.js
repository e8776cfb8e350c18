/**
 * dist/manifest.json, the Microsoft 365 unified manifest, made from manifest.xml at build time: every fact the XML
 * states is read from it (scripts/manifest-facts.js), so the host rewrite and any edit of the XML reach both. The
 * few facts the XML has no place for are in UNIFIED_ONLY below. Property names follow Microsoft's schema 1.30 and
 * its guide "Convert custom functions to the unified manifest": customFunctions sits in the long-lived runtime,
 * next to the page and script of the shared runtime, and points at functions.json rather than copying it.
 */
const { ManifestError, manifestFacts } = require("./manifest-facts");

const MANIFEST_VERSION = "1.30";

/** What the unified manifest needs and manifest.xml cannot say. */
const UNIFIED_ONLY = {
  // Package icons, paths relative to manifest.json; drawn by scripts/make-icons.mjs.
  icons: { color: "assets/icon-color-192.png", outline: "assets/icon-outline-32.png" },
  accentColor: "#0F6CBD", // the icon tile's blue
  shortDescription: "Kingsoft Cloud figures, ratios and filings as KC functions and a task pane",
  // The ribbon of VersionOverridesV1_0 implies add-in commands; the unified manifest names the requirement set.
  ribbonRequirement: { name: "AddinCommands", minVersion: "1.1" },
  runtimeId: "SharedRuntime",
};

const SCOPES = { Workbook: "workbook", Document: "document", Presentation: "presentation", Mailbox: "mail" };
const PERMISSIONS = {
  Restricted: "Document.Restricted.User",
  ReadDocument: "Document.Read.User",
  ReadAllDocument: "Document.ReadAll.User",
  WriteDocument: "Document.Write.User",
  ReadWriteDocument: "Document.ReadWrite.User",
};

/**
 * manifest.xml's <Version> has up to four parts; the unified manifest's has three (n.n.n, at most five digits each).
 * A fourth part other than 0 is refused: a change there alone would not reach manifest.json, so Excel would keep its
 * cached function metadata. Bump the third part instead.
 */
function unifiedVersion(xmlVersion) {
  const parts = xmlVersion.split(".");
  if (parts.length > 4 || !parts.every((part) => /^\d{1,5}$/.test(part))) throw new ManifestError(`manifest.xml <Version> "${xmlVersion}" is not n.n.n.n`);
  const [major, minor = "0", patch = "0", revision = "0"] = parts.map((part) => String(Number(part)));
  if (revision !== "0") throw new ManifestError(`manifest.xml <Version> "${xmlVersion}": the unified manifest keeps three parts, so bump the third part, not the fourth`);
  return `${major}.${minor}.${patch}`;
}

function lookup(table, key, what) {
  if (!(key in table)) throw new ManifestError(`manifest.xml: no unified-manifest equivalent for ${what} "${key}"`);
  return table[key];
}

/** The unified manifest (an object) for the text of manifest.xml. */
function unifiedManifest(xml) {
  const facts = manifestFacts(xml);
  const shared = facts.runtime.pageUrl;
  if (facts.customFunctions.pageUrl !== shared) throw new ManifestError("manifest.xml: the custom functions page is not the shared runtime's page");
  const actions = [];
  const tabs = facts.tabs.map((tab) => ({
    builtInTabId: tab.builtInTabId,
    groups: tab.groups.map((group) => ({
      id: group.id,
      label: group.label,
      icons: group.icons,
      controls: group.buttons.map((button) => {
        if (button.pageUrl !== shared) throw new ManifestError(`manifest.xml: button "${button.id}" opens a page outside the shared runtime`);
        const actionId = `${button.taskpaneId}.Open`;
        if (!actions.some((action) => action.id === actionId)) actions.push({ id: actionId, type: "openPage", view: button.taskpaneId });
        return { id: button.id, type: "button", label: button.label, icons: button.icons, supertip: { title: button.tipTitle, description: button.tip }, actionId };
      }),
    })),
  }));

  return {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    id: facts.id,
    version: unifiedVersion(facts.version),
    name: { short: facts.displayName, full: facts.displayName },
    description: { short: UNIFIED_ONLY.shortDescription, full: facts.description },
    // The add-in hosts one page about itself (SupportUrl); it also answers for privacy and terms of use.
    developer: { name: facts.provider, websiteUrl: facts.supportUrl, privacyUrl: facts.supportUrl, termsOfUseUrl: facts.supportUrl },
    icons: UNIFIED_ONLY.icons,
    accentColor: UNIFIED_ONLY.accentColor,
    localizationInfo: { defaultLanguageTag: facts.locale },
    authorization: { permissions: { resourceSpecific: [{ name: lookup(PERMISSIONS, facts.permissions, "<Permissions>"), type: "Delegated" }] } },
    extensions: [
      {
        requirements: {
          scopes: facts.hosts.map((host) => lookup(SCOPES, host, "<Host>")),
          capabilities: facts.requirementSets,
        },
        runtimes: [
          {
            id: UNIFIED_ONLY.runtimeId,
            type: "general",
            code: { page: shared, script: facts.customFunctions.scriptUrl },
            lifetime: facts.runtime.lifetime,
            actions,
            customFunctions: {
              namespace: { id: facts.customFunctions.namespace, name: facts.customFunctions.namespace },
              metadataUrl: facts.customFunctions.metadataUrl,
            },
          },
        ],
        ribbons: [{ requirements: { capabilities: [UNIFIED_ONLY.ribbonRequirement], formFactors: ["desktop"] }, contexts: ["default"], tabs }],
        alternates: [{ alternateIcons: { icon: { size: 32, url: facts.iconUrl }, highResolutionIcon: { size: 64, url: facts.highResolutionIconUrl } } }],
        getStartedMessages: [{ requirements: { formFactors: ["desktop"] }, ...facts.getStarted }],
      },
    ],
  };
}

/** manifest.json's text: what the build writes to dist/. */
const unifiedManifestJson = (xml) => `${JSON.stringify(unifiedManifest(xml), null, 2)}\n`;

module.exports = { MANIFEST_VERSION, UNIFIED_ONLY, unifiedManifest, unifiedManifestJson, unifiedVersion };
