/**
 * Where the task pane runs: inside Excel (workbook actions work) or as a page in a browser (they do not), and the
 * Office theme's lightness where the host gives one (null: follow the browser's colour scheme). `office` says how it
 * was told: Office answered, office.js is missing (a page without it), or Office did not answer in time.
 */
export type Host = { readonly excel: boolean; readonly theme: "light" | "dark" | null; readonly office: "answered" | "missing" | "silent" };

/** How long the pane waits for Office.onReady before it opens as a preview; a host that loads the pane answers in well under a second. */
export const OFFICE_READY_TIMEOUT_MS = 5000;

export function themeOf(theme: Pick<Office.OfficeTheme, "bodyBackgroundColor"> | undefined): "light" | "dark" | null {
  const hex = theme?.bodyBackgroundColor?.replace("#", "");
  if (!hex || !/^[0-9a-f]{6}$/i.test(hex)) return null;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? "dark" : "light";
}

export async function officeReady(): Promise<Host> {
  if (typeof Office === "undefined") return { excel: false, theme: null, office: "missing" };
  const info = await answerWithin(OFFICE_READY_TIMEOUT_MS, () => Office.onReady());
  if (!info) return { excel: false, theme: null, office: "silent" };
  const excel = info.host === Office.HostType.Excel;
  let theme: Office.OfficeTheme | undefined;
  try {
    theme = excel ? Office.context.officeTheme : undefined;
  } catch {
    theme = undefined;
  }
  return { excel, theme: themeOf(theme), office: "answered" };
}

/** What `ask` resolves to, or undefined when it fails or takes longer than `ms`. */
async function answerWithin<T>(ms: number, ask: () => Promise<T>): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, ms, undefined)));
  try {
    return await Promise.race([ask(), late]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

type VisibilitySource = Pick<Office.Addin, "onVisibilityModeChanged">;
type PageSource = Pick<Document, "visibilityState" | "addEventListener">;

/**
 * Calls `changed(shown)` whenever the task pane is hidden or shown again, as far as either source knows: Office's own
 * event (Office.addin.onVisibilityModeChanged, SharedRuntime 1.1, "Hidden" or "Taskpane"), where the host offers it,
 * and the page's visibility (a minimised window, another browser tab).
 */
export function onPaneVisibility(changed: (shown: boolean) => void, addin: VisibilitySource | undefined = officeAddin(), page: PageSource = document): void {
  let hiddenByOffice = false;
  const report = () => changed(!hiddenByOffice && page.visibilityState !== "hidden");
  page.addEventListener("visibilitychange", report);
  if (typeof addin?.onVisibilityModeChanged !== "function") return;
  addin
    .onVisibilityModeChanged((message) => {
      hiddenByOffice = message.visibilityMode === "Hidden";
      report();
    })
    // A host without a shared runtime has no such event: the page's visibility is then all there is.
    .catch(() => undefined);
}

function officeAddin(): VisibilitySource | undefined {
  return typeof Office === "undefined" ? undefined : (Office as Partial<typeof Office>).addin;
}
