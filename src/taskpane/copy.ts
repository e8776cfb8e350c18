/**
 * Copying text where the page may not: Office on the web runs the pane in an iframe that can deny the Clipboard API
 * (clipboard-write), and older webviews lack it.
 */

/**
 * Copies `text`: through the Clipboard API where it is there and allowed; else by selecting it in `field` (a read-only
 * input) and the copy command; else the text is left shown and selected in `field`, for the person to copy.
 */
export async function copyText(text: string, field: HTMLInputElement): Promise<"copied" | "selected"> {
  try {
    if (typeof navigator.clipboard?.writeText === "function") {
      await navigator.clipboard.writeText(text);
      return "copied";
    }
  } catch {
    // Denied: the copy command below may still be allowed.
  }
  field.value = text;
  field.hidden = false;
  field.focus();
  field.select();
  if (!copyCommand()) return "selected";
  field.hidden = true;
  return "copied";
}

/** The copy command on the current selection: false where the page may not copy, or where it throws. */
function copyCommand(): boolean {
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}
