/** Where the task pane runs: inside Excel (workbook actions work) or as a page in a browser (they do not). */
export type Host = { readonly excel: boolean; readonly dark: boolean };

function isDark(theme: Office.OfficeTheme | undefined): boolean {
  const hex = theme?.bodyBackgroundColor?.replace("#", "");
  if (!hex || !/^[0-9a-f]{6}$/i.test(hex)) return false;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

export async function officeReady(): Promise<Host> {
  if (typeof Office === "undefined") return { excel: false, dark: false };
  const info = await Office.onReady();
  const excel = info.host === Office.HostType.Excel;
  let theme: Office.OfficeTheme | undefined;
  try {
    theme = excel ? Office.context.officeTheme : undefined;
  } catch {
    theme = undefined;
  }
  return { excel, dark: isDark(theme) };
}
