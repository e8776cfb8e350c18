/** Excel stores dates as days since 1899-12-30 (the 1900 date system). */
const EPOCH = Date.UTC(1899, 11, 30);

export function excelSerial(isoDate: string): number {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH) / 86400000);
}
