/**
 * The data-type shapes Microsoft documents for a custom function's answer, as zod schemas: what a value may hold and
 * nothing more (every object is strict, so a misspelt or undocumented key fails). From the Excel.*CellValue interfaces
 * of @types/office-js and "Use cards with cell value data types" / "Add properties to Excel basic cell values":
 *  - every value has `type` and `basicValue`; `basicType` is the fallback type;
 *  - an entity has `text`, `properties`, `layouts` (`card`, `compact`) and `provider`;
 *  - a Double (ExcelApi 1.19) may carry `numberFormat`, `properties`, `layouts` and `provider`;
 *  - a property may carry `propertyMetadata` (`sublabel`, `attribution`, `excludeFrom`), only inside `properties`;
 *  - only the root value may carry `referencedValues` (a nested one makes Excel answer #VALUE!).
 * `level` "1.16" refuses what only ExcelApi 1.19 defines: a Double's numberFormat, properties, layouts or provider.
 */
import { z } from "zod";

export type Level = "1.16" | "1.19";

const url = z.url();
const attribution = z.strictObject({ sourceAddress: url.optional(), sourceText: z.string().min(1).optional(), licenseAddress: url.optional(), licenseText: z.string().optional() });
const exclusions = z.strictObject({ cardView: z.boolean().optional(), autoComplete: z.boolean().optional(), calcCompare: z.boolean().optional(), dotNotation: z.boolean().optional() });
const propertyMetadata = z.strictObject({ sublabel: z.string().min(1).optional(), attribution: z.array(attribution).min(1).optional(), excludeFrom: exclusions.optional() });
const provider = z.strictObject({ description: z.string().min(1).optional(), logoSourceAddress: url.optional(), logoTargetAddress: url.optional() });
const propertyReference = z.strictObject({ property: z.string().min(1) });
const section = z.strictObject({
  layout: z.enum(["List", "Table", "TwoColumn"]),
  title: z.string().min(1).optional(),
  collapsible: z.boolean().optional(),
  collapsed: z.boolean().optional(),
  properties: z.array(z.string().min(1)).min(1),
});
const card = z.strictObject({
  layout: z.literal("Entity").optional(),
  title: z.union([z.string().min(1), propertyReference]).optional(),
  subTitle: propertyReference.optional(),
  mainImage: propertyReference.optional(),
  sections: z.array(section).optional(),
});
const layouts = z.strictObject({ card: card.optional(), compact: z.strictObject({ icon: z.string().min(1).optional() }).optional() });

const finite = z.number().finite();
const stringShape = { type: z.literal("String"), basicType: z.literal("String").optional(), basicValue: z.string() };
const booleanShape = { type: z.literal("Boolean"), basicType: z.literal("Boolean").optional(), basicValue: z.boolean() };
const formattedShape = { type: z.literal("FormattedNumber"), basicType: z.literal("Double").optional(), basicValue: finite, numberFormat: z.string().min(1) };
const doubleShape = { type: z.literal("Double"), basicType: z.literal("Double").optional(), basicValue: finite };

/** The schemas of one ExcelApi level: a value at the root and one nested in `properties`. */
export function cellValueSchemas(level: Level) {
  const properties: z.ZodType = z.lazy(() => z.record(z.string().min(1), property));
  const rich = { properties: properties.optional(), layouts: layouts.optional(), provider: provider.optional() };
  const root = { referencedValues: z.array(z.unknown()).optional() };
  const meta = { propertyMetadata: propertyMetadata.optional() };
  const doubleAt = (extra: z.ZodRawShape) => z.strictObject(level === "1.16" ? { ...doubleShape, ...extra } : { ...doubleShape, numberFormat: z.string().min(1).optional(), ...rich, ...extra });
  const entityAt = (extra: z.ZodRawShape) =>
    z.strictObject({ type: z.literal("Entity"), basicType: z.literal("Error").optional(), basicValue: z.string().optional(), text: z.string().min(1), ...rich, properties, ...extra });
  const property: z.ZodType = z.union([
    z.strictObject({ ...stringShape, ...meta }),
    z.strictObject({ ...booleanShape, ...meta }),
    z.strictObject({ ...formattedShape, ...meta }),
    doubleAt(meta),
    entityAt(meta),
  ]);
  return { entity: entityAt(root), double: doubleAt(root), property };
}
