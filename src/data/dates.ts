/** Excel stores dates as days since 1899-12-30 (its default date system). */
const EPOCH = Date.UTC(1899, 11, 30);

export function excelSerial(isoDate: string): number {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH) / 86400000);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "YYYY-MM-DD" → "Mon D, YYYY": how the pane and the cards write a date. */
export function longDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}

/** An Excel serial date back to "yyyy-mm-dd"; null for a number that is no whole day in Excel's range. */
export function isoFromSerial(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2958465) return null;
  return new Date(EPOCH + serial * 86400000).toISOString().slice(0, 10);
}
