/**
 * Where the task pane runs: inside Excel (workbook actions work) or as a page in a browser (they do not), and the
 * Office theme's lightness where the host gives one (null: follow the browser's colour scheme).
 */
export type Host = { readonly excel: boolean; readonly theme: "light" | "dark" | null };

export function themeOf(theme: Pick<Office.OfficeTheme, "bodyBackgroundColor"> | undefined): "light" | "dark" | null {
  const hex = theme?.bodyBackgroundColor?.replace("#", "");
  if (!hex || !/^[0-9a-f]{6}$/i.test(hex)) return null;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? "dark" : "light";
}

export async function officeReady(): Promise<Host> {
  if (typeof Office === "undefined") return { excel: false, theme: null };
  const info = await Office.onReady();
  const excel = info.host === Office.HostType.Excel;
  let theme: Office.OfficeTheme | undefined;
  try {
    theme = excel ? Office.context.officeTheme : undefined;
  } catch {
    theme = undefined;
  }
  return { excel, theme: themeOf(theme) };
}
