/** Jest runs outside Excel: give the source modules the CustomFunctions global that Excel provides. */
import { customFunctionsStub } from "../support/custom-functions-stub";

Object.assign(globalThis, { CustomFunctions: customFunctionsStub().CustomFunctions });
