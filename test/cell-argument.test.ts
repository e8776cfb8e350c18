/** The refusal an analyst reads when a KC argument references a cell holding a data type (read from the sources). */
import { explain } from "../src/data/messages";
import { readCellArgument } from "../src/functions/cell-argument";

const refusal = (value: unknown) => {
  const r = readCellArgument(value);
  return r.ok ? `read as ${JSON.stringify(r.value)}` : explain(r.reason);
};

describe("a cell that holds a data type", () => {
  it("is refused as an entity, quoting up to 40 characters of its text", () => {
    expect(refusal({ type: "Entity", text: "Kingsoft Cloud" })).toBe(
      'The cell holds a data type ("Kingsoft Cloud"), not a number or text: reference one of its fields (e.g. =A1.Field) or a cell with a number or text.',
    );
    expect(refusal({ type: "LinkedEntity", text: "x".repeat(50) })).toBe(
      `The cell holds a data type ("${"x".repeat(40)}"), not a number or text: reference one of its fields (e.g. =A1.Field) or a cell with a number or text.`,
    );
    expect(refusal({ type: "LinkedEntity" })).toBe("The cell holds a data type, not a number or text: reference one of its fields (e.g. =A1.Field) or a cell with a number or text.");
  });

  it("is refused as an error, naming it", () => {
    expect(refusal({ type: "Error", basicValue: "#DIV/0!" })).toBe("The cell holds an error (#DIV/0!): fix that cell first.");
    expect(refusal({ type: "Error" })).toBe("The cell holds an error: fix that cell first.");
    expect(refusal({ type: "Error", basicValue: `#${"X".repeat(30)}` })).toBe(`The cell holds an error (#${"X".repeat(19)}): fix that cell first.`);
  });

  it("is refused as an image or by its type's name", () => {
    expect(refusal({ type: "WebImage", address: "https://example.com/x.png" })).toBe("The cell holds an image, not a number or text: reference a cell with a number or text.");
    expect(refusal({ type: `Future${"Type".repeat(10)}` })).toBe("The cell holds a value of type FutureTypeTypeTypeTy, not a number or text: reference a cell with a number or text.");
  });
});
