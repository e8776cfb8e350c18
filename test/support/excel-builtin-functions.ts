/**
 * Excel's built-in function names, so that a test can check that none of KC for Excel's custom function ids or names
 * matches one. Microsoft's "Custom functions naming and localization" (office-js docs, docs/excel/custom-functions-naming.md,
 * https://learn.microsoft.com/en-us/office/dev/add-ins/excel/custom-functions-naming; read at OfficeDev/office-js-docs-pr
 * commit 096a3ee8660810129c58c52732b460b3bdf93693) says: ids and names "must start with a letter and be at least three
 * characters", avoid names that match "An Excel 4.0 Macro Function (such as `RUN`, `ECHO`)", and
 * "Avoid an `id` or `name` that matches a built-in Excel function in any language."
 *
 * GENERATED -- do not edit by hand. The names below were extracted by a script from the source texts [1]-[3] listed here;
 * the four names of [4] and [5] (IF, GROUPBY, PIVOTBY, PERCENTOF) are written in that script, each with the Microsoft page
 * that shows it. None was typed from memory. Only names (facts) were taken, no code.
 *
 * Sources
 * -------
 * [1] XLCALL.H, "Microsoft Excel Developer's Toolkit, Version 15.0, File: INCLUDE\XLCALL.H", from Microsoft's Excel 2013 XLL
 *     SDK (download: https://go.microsoft.com/fwlink/?LinkID=251082&clcid=0x409, linked from "Welcome to the Excel Software
 *     Development Kit",
 *     https://learn.microsoft.com/en-us/office/client-developer/excel/welcome-to-the-excel-software-development-kit).
 *     Microsoft's "Creating XLLs" page says Xlcall.h holds "Definitions of the C API function and command equivalents of the
 *     worksheet, macro sheet functions, and supported Excel commands". Section "Built-in Excel functions and command
 *     equivalents": every `#define xlfName N` (function numbers, the same indexes as [MS-XLS] 2.5.198.17 Ftab) and every
 *     `#define xlcName (N | xlCommand)` (command equivalents, the [MS-XLS] Cetab indexes). 579 xlf and 403 xlc names.
 *     Copy read: github.com/xlladdins/xll2x, commit 3ed285ca6e4c8a294d7ab6585202a4f868a4f3a5, file XLCALL.H
 *     (git blob b978e519da034795db52ebec3995427a5a47793a). The same SDK file vendored independently in github.com/mwmi/excel-xll,
 *     commit 0cea2c28fb94ad20006e92dbddc4e217e82ff197, include/XLCALL.H, has byte-identical function and command #define lines
 *     (the two files differ only in whitespace and includes outside that section).
 * [2] [MS-OFFMACRO] "Office Macro-Enabled File Format", Microsoft Open Specifications, v20141019 (Release: October 30, 2014),
 *     section 2.2.6 "Formulas": the grammar rules `ref-macro-function-call`, `macro-function-call` (macro-sheet functions) and
 *     `command-function-call` (command-equivalent functions) name 503 functions with their dotted spelling. Published
 *     among Microsoft's Office standards Open Specifications (https://learn.microsoft.com/en-us/openspecs/office_standards/).
 *     Copy read: github.com/stiv-yakovenko/docxSpec, commit b35060ef8777e4b165ce084472c75e9df2b073e8, file [MS-OFFMACRO].pdf
 *     (sha256 712e40e4df0678d99dc64751edff1ecea1be106ddc1a17b8e9f4e64e8f8f0a66), text taken with `pdftotext -layout`
 *     (poppler 22.12.0).
 * [3] [MS-XLSX] "Excel (.xlsx) Extensions to the Office Open XML SpreadsheetML File Format", section 2.2.3 "Functions": the
 *     table of "future functions" (functions newer than ECMA-376 section 18.17.7, stored with the `_xlfn.` prefix),
 *     https://learn.microsoft.com/en-us/openspecs/office_standards/ms-xlsx/5d1b6d44-6fc1-4ecd-8fef-0b27406cc2bf.
 *     [1] stops at Excel 2013 (xlfEncodeurl 597), so XLOOKUP, LET, LAMBDA, TEXTSPLIT and the other newer functions come from
 *     this table. The complete table could not be fetched here as text: the stored copy of Microsoft's page shows its first
 *     76 rows (_xlfn._xlws.FILTER ... _xlfn.IMSEC). The names were therefore extracted from the copy of that table kept by
 *     rust_xlsxwriter ("a list of future functions taken from [MS XLSX extensions documentation on future functions]"):
 *     github.com/jmcnamara/rust_xlsxwriter, commit c50e48fd69ef062be3a7378b8c44d34deb7ca61d, src/formula.rs (git blob
 *     a048d2ccb53374cab555faa3c58a3638e7970936), its two Markdown tables "Future Functions" and "Dynamic Array Functions",
 *     165 names. All 76 rows visible on Microsoft's page are in that copy; within that alphabetical range the copy has
 *     three names more (ANCHORARRAY, ARRAYTOTEXT, IMAGE), which are kept: the list is meant to err on the side of more names.
 *     52 of these names are not in [1]. Prefixes `_xlfn.` and `_xlws.` were dropped.
 * [4] [MS-XLS] "Excel Binary File Format (.xls) Structure", section 2.5.198.17 "Ftab" (the table of built-in function
 *     names by index), https://learn.microsoft.com/en-us/openspecs/office_file_formats/ms-xls/00b5dd7d-51ca-4938-b7b7-483fe0e5933b,
 *     and section 2.5.198.4 "Cetab" (command-equivalent functions),
 *     https://learn.microsoft.com/en-us/openspecs/office_file_formats/ms-xls/0b8acba5-86d2-4854-836e-0afaee743d44. Only the
 *     first rows of each page could be read here (Ftab 0x0000-0x0012, Cetab 0x0000-0x0011 and 0x0016); they agree with the
 *     numbers in [1], except that [1] has no constant for Ftab 0x0001 IF (the C API cannot call IF), so IF is added from
 *     [4]. The other function numbers [1] skips include the macro control functions RETURN (55), FOR, WHILE, BREAK, NEXT
 *     (171-174), ELSE, ELSE.IF, END.IF and FOR.CELL (223-226), which come from [2].
 * [5] Three functions found on Microsoft Support pages but in none of [1]-[4]: GROUPBY ("GROUPBY function",
 *     https://support.microsoft.com/zh-CN/Excel/groupby-function, the copy found), PIVOTBY ("PIVOTBY function",
 *     https://support.microsoft.com/en-US/excel/functions/pivotby-function) and PERCENTOF (named on the GROUPBY page as a
 *     function to aggregate with: "SUM, PERCENTOF, AVERAGE, COUNT"). Excel's newest functions (for example the REGEX
 *     functions or TRIMRANGE) are in none of these sources and are NOT covered: a source listing every current function,
 *     such as Microsoft's "Excel functions (alphabetical)" page, could not be fetched in full here.
 *
 * How the lists were built (repeatable)
 * -------------------------------------
 * 1. Fetch the three files above at the commits given; run `pdftotext -layout "[MS-OFFMACRO].pdf" offmacro.txt`.
 * 2. From [1] take every match of /^#define (xl[fc])([A-Z][A-Za-z0-9_]*)\s+\(?\s*(\d+)/m (the flow constants xlflowHalt
 *    etc. do not match). From [2] take every match of /(ref-macro|macro|command)-function-call =\/? *"([^"]+)"/. From [3]
 *    take every back-quoted name in the rows of the tables headed "| Future Functions" and "| Dynamic Array Functions".
 * 3. Dotted spelling of an xlcall.h name: the spelling [2] gives it when [2] names it (compared with dots and underscores
 *    removed, case ignored); otherwise mechanically, '_' -> '.' and a '.' before each capital letter that follows a lower-case
 *    letter or digit (xlfStdev_s -> STDEV.S, xlfErrorType -> ERROR.TYPE, xlcFillWorkgroup -> FILL.WORKGROUP). [2] corrects
 *    the 3D names the mechanical rule gets wrong (xlcGallery3dArea -> GALLERY.3D.AREA, xlcView3d -> VIEW.3D). Names from [3]
 *    keep [3]'s spelling (where [1] has the same function, both spellings agree).
 * 4. MACRO_FUNCTIONS: every xlc name; every xlf name that [2] lists as a macro-sheet or command function; the names that
 *    [2] has and [1] lacks:
 *      BREAK, ELSE, ELSE.IF, END.IF, FOR, FOR.CELL, NEXT, RETURN, WHILE;
 *    and five xlf names that [2] does not list but that are Excel 4.0 macro functions, not worksheet functions: SERIES
 *    ("SERIES is used only in charts; you cannot enter it on a sheet or macro sheet") and PIVOT.ADD.DATA, GET.PIVOT.TABLE,
 *    GET.PIVOT.FIELD, GET.PIVOT.ITEM. These five have entries in the "Excel 4.0 Macro Functions Reference" (the document the
 *    naming guidance points to), checked in its conversion at github.com/xlladdins/Excel4Macros, commit
 *    35540e9c81c63f98b001854a744782cbac4174e9, docs/series.html, docs/pivot.add.data.html, docs/get.pivot.*.html.
 *    WORKSHEET_FUNCTIONS: every other xlf name, every name from [3], IF from [4], and [5].
 *    A name may be in both lists (FILTER and SORT are worksheet functions and also command equivalents).
 * 5. Upper case, exact duplicates removed, each list sorted by character code, wrapped to 120 columns. Distinct functions
 *    whose names differ only by dots are both kept (STDEVP, the legacy function, and STDEV.P).
 * Result: 533 worksheet function names, 512 macro-sheet and command function names.
 *
 * Comparison rule
 * ---------------
 * isBuiltinName() compares names case-insensitively with dots and underscores removed (and a leading `_xlfn.`, `_xlws.` or
 * `_xludf.` dropped), so it is conservative: a name GETCELL or STDEV_S counts as matching GET.CELL or STDEV.S. It is
 * meant for a function's id or name without the "KC." namespace.
 *
 * Localized names
 * ---------------
 * No authoritative Microsoft list of localized (non-English) function names was reachable here, so LOCALIZED_FUNCTIONS is
 * empty and this check covers English names only. Localized names exist and differ (Microsoft's de-DE TEXTSPLIT page calls
 * the function TEXTTEILEN; the da-DK GROUPBY page uses MIDDEL and TÆL for AVERAGE and COUNT), so the guidance's "in any
 * language" is not verified by this file.
 */

export const WORKSHEET_FUNCTIONS: readonly string[] = Object.freeze([
  "ABS", "ACCRINT", "ACCRINTM", "ACOS", "ACOSH", "ACOT", "ACOTH", "ADDRESS", "AGGREGATE", "AMORDEGRC", "AMORLINC",
  "ANCHORARRAY", "AND", "ARABIC", "AREAS", "ARRAYTOTEXT", "ASC", "ASIN", "ASINH", "ATAN", "ATAN2", "ATANH", "AVEDEV",
  "AVERAGE", "AVERAGEA", "AVERAGEIF", "AVERAGEIFS", "BAHTTEXT", "BASE", "BESSELI", "BESSELJ", "BESSELK", "BESSELY",
  "BETA.DIST", "BETA.INV", "BETADIST", "BETAINV", "BIN2DEC", "BIN2HEX", "BIN2OCT", "BINOM.DIST", "BINOM.DIST.RANGE",
  "BINOM.INV", "BINOMDIST", "BITAND", "BITLSHIFT", "BITOR", "BITRSHIFT", "BITXOR", "BYCOL", "BYROW", "CEILING",
  "CEILING.MATH", "CEILING.PRECISE", "CELL", "CHAR", "CHIDIST", "CHIINV", "CHISQ.DIST", "CHISQ.DIST.RT", "CHISQ.INV",
  "CHISQ.INV.RT", "CHISQ.TEST", "CHITEST", "CHOOSE", "CHOOSECOLS", "CHOOSEROWS", "CLEAN", "CODE", "COLUMN", "COLUMNS",
  "COMBIN", "COMBINA", "COMPLEX", "CONCAT", "CONCATENATE", "CONFIDENCE", "CONFIDENCE.NORM", "CONFIDENCE.T", "CONVERT",
  "CORREL", "COS", "COSH", "COT", "COTH", "COUNT", "COUNTA", "COUNTBLANK", "COUNTIF", "COUNTIFS", "COUPDAYBS",
  "COUPDAYS", "COUPDAYSNC", "COUPNCD", "COUPNUM", "COUPPCD", "COVAR", "COVARIANCE.P", "COVARIANCE.S", "CRITBINOM",
  "CSC", "CSCH", "CUBEKPIMEMBER", "CUBEMEMBER", "CUBEMEMBERPROPERTY", "CUBERANKEDMEMBER", "CUBESET", "CUBESETCOUNT",
  "CUBEVALUE", "CUMIPMT", "CUMPRINC", "DATE", "DATEDIF", "DATESTRING", "DATEVALUE", "DAVERAGE", "DAY", "DAYS",
  "DAYS360", "DB", "DBCS", "DCOUNT", "DCOUNTA", "DDB", "DEC2BIN", "DEC2HEX", "DEC2OCT", "DECIMAL", "DEGREES", "DELTA",
  "DEVSQ", "DGET", "DISC", "DMAX", "DMIN", "DOLLAR", "DOLLARDE", "DOLLARFR", "DPRODUCT", "DROP", "DSTDEV", "DSTDEVP",
  "DSUM", "DURATION", "DVAR", "DVARP", "ECMA.CEILING", "EDATE", "EFFECT", "ENCODEURL", "EOMONTH", "ERF",
  "ERF.PRECISE", "ERFC", "ERFC.PRECISE", "ERROR.TYPE", "EVEN", "EXACT", "EXP", "EXPAND", "EXPON.DIST", "EXPONDIST",
  "F.DIST", "F.DIST.RT", "F.INV", "F.INV.RT", "F.TEST", "FACT", "FACTDOUBLE", "FALSE", "FDIST", "FIELDVALUE",
  "FILTER", "FILTERXML", "FIND", "FINDB", "FINV", "FISHER", "FISHERINV", "FIXED", "FLOOR", "FLOOR.MATH",
  "FLOOR.PRECISE", "FORECAST", "FORECAST.ETS", "FORECAST.ETS.CONFINT", "FORECAST.ETS.SEASONALITY",
  "FORECAST.ETS.STAT", "FORECAST.LINEAR", "FORMULATEXT", "FREQUENCY", "FTEST", "FV", "FVSCHEDULE", "GAMMA",
  "GAMMA.DIST", "GAMMA.INV", "GAMMADIST", "GAMMAINV", "GAMMALN", "GAMMALN.PRECISE", "GAUSS", "GCD", "GEOMEAN",
  "GESTEP", "GETPIVOTDATA", "GROUPBY", "GROWTH", "HARMEAN", "HEX2BIN", "HEX2DEC", "HEX2OCT", "HLOOKUP", "HOUR",
  "HSTACK", "HYPERLINK", "HYPGEOM.DIST", "HYPGEOMDIST", "IF", "IFERROR", "IFNA", "IFS", "IMABS", "IMAGE", "IMAGINARY",
  "IMARGUMENT", "IMCONJUGATE", "IMCOS", "IMCOSH", "IMCOT", "IMCSC", "IMCSCH", "IMDIV", "IMEXP", "IMLN", "IMLOG10",
  "IMLOG2", "IMPOWER", "IMPRODUCT", "IMREAL", "IMSEC", "IMSECH", "IMSIN", "IMSINH", "IMSQRT", "IMSUB", "IMSUM",
  "IMTAN", "INDEX", "INDIRECT", "INFO", "INT", "INTERCEPT", "INTRATE", "IPMT", "IRR", "ISBLANK", "ISERR", "ISERROR",
  "ISEVEN", "ISFORMULA", "ISLOGICAL", "ISNA", "ISNONTEXT", "ISNUMBER", "ISO.CEILING", "ISODD", "ISOMITTED",
  "ISOWEEKNUM", "ISPMT", "ISREF", "ISTEXT", "ISTHAIDIGIT", "KURT", "LAMBDA", "LARGE", "LCM", "LEFT", "LEFTB", "LEN",
  "LENB", "LET", "LINEST", "LN", "LOG", "LOG10", "LOGEST", "LOGINV", "LOGNORM.DIST", "LOGNORM.INV", "LOGNORMDIST",
  "LOOKUP", "LOWER", "MAKEARRAY", "MAP", "MATCH", "MAX", "MAXA", "MAXIFS", "MDETERM", "MDURATION", "MEDIAN", "MID",
  "MIDB", "MIN", "MINA", "MINIFS", "MINUTE", "MINVERSE", "MIRR", "MMULT", "MOD", "MODE", "MODE.MULT", "MODE.SNGL",
  "MONTH", "MROUND", "MULTINOMIAL", "MUNIT", "N", "NA", "NEGBINOM.DIST", "NEGBINOMDIST", "NETWORKDAYS",
  "NETWORKDAYS.INTL", "NOMINAL", "NORM.DIST", "NORM.INV", "NORM.S.DIST", "NORM.S.INV", "NORMDIST", "NORMINV",
  "NORMSDIST", "NORMSINV", "NOT", "NOW", "NPER", "NPV", "NUMBERSTRING", "NUMBERVALUE", "OCT2BIN", "OCT2DEC",
  "OCT2HEX", "ODD", "ODDFPRICE", "ODDFYIELD", "ODDLPRICE", "ODDLYIELD", "OFFSET", "OR", "PDURATION", "PEARSON",
  "PERCENTILE", "PERCENTILE.EXC", "PERCENTILE.INC", "PERCENTOF", "PERCENTRANK", "PERCENTRANK.EXC", "PERCENTRANK.INC",
  "PERMUT", "PERMUTATIONA", "PHI", "PHONETIC", "PI", "PIVOTBY", "PMT", "POISSON", "POISSON.DIST", "POWER", "PPMT",
  "PQSOURCE", "PRICE", "PRICEDISC", "PRICEMAT", "PROB", "PRODUCT", "PROPER", "PV", "PY", "PYTHON_STR", "PYTHON_TYPE",
  "PYTHON_TYPENAME", "QUARTILE", "QUARTILE.EXC", "QUARTILE.INC", "QUERYSTRING", "QUOTIENT", "RADIANS", "RAND",
  "RANDARRAY", "RANDBETWEEN", "RANK", "RANK.AVG", "RANK.EQ", "RATE", "RECEIVED", "REDUCE", "REPLACE", "REPLACEB",
  "REPT", "RIGHT", "RIGHTB", "ROMAN", "ROUND", "ROUNDBAHTDOWN", "ROUNDBAHTUP", "ROUNDDOWN", "ROUNDUP", "ROW", "ROWS",
  "RRI", "RSQ", "RTD", "SCAN", "SEARCH", "SEARCHB", "SEC", "SECH", "SECOND", "SEQUENCE", "SERIESSUM", "SHEET",
  "SHEETS", "SIGN", "SIN", "SINGLE", "SINH", "SKEW", "SKEW.P", "SLN", "SLOPE", "SMALL", "SORT", "SORTBY", "SQRT",
  "SQRTPI", "STANDARDIZE", "STDEV", "STDEV.P", "STDEV.S", "STDEVA", "STDEVP", "STDEVPA", "STEYX", "SUBSTITUTE",
  "SUBTOTAL", "SUM", "SUMIF", "SUMIFS", "SUMPRODUCT", "SUMSQ", "SUMX2MY2", "SUMX2PY2", "SUMXMY2", "SWITCH", "SYD",
  "T", "T.DIST", "T.DIST.2T", "T.DIST.RT", "T.INV", "T.INV.2T", "T.TEST", "TAKE", "TAN", "TANH", "TBILLEQ",
  "TBILLPRICE", "TBILLYIELD", "TDIST", "TEXT", "TEXTAFTER", "TEXTBEFORE", "TEXTJOIN", "TEXTSPLIT", "THAIDAYOFWEEK",
  "THAIDIGIT", "THAIMONTHOFYEAR", "THAINUMSOUND", "THAINUMSTRING", "THAISTRINGLENGTH", "THAIYEAR", "TIME",
  "TIMEVALUE", "TINV", "TOCOL", "TODAY", "TOROW", "TRANSPOSE", "TREND", "TRIM", "TRIMMEAN", "TRUE", "TRUNC", "TTEST",
  "TYPE", "UNICHAR", "UNICODE", "UNIQUE", "UPPER", "USDOLLAR", "VALUE", "VALUETOTEXT", "VAR", "VAR.P", "VAR.S",
  "VARA", "VARP", "VARPA", "VDB", "VLOOKUP", "VSTACK", "WEBSERVICE", "WEEKDAY", "WEEKNUM", "WEIBULL", "WEIBULL.DIST",
  "WORKDAY", "WORKDAY.INTL", "WRAPCOLS", "WRAPROWS", "XIRR", "XLOOKUP", "XMATCH", "XNPV", "XOR", "YEAR", "YEARFRAC",
  "YIELD", "YIELDDISC", "YIELDMAT", "Z.TEST", "ZTEST",
]);

export const MACRO_FUNCTIONS: readonly string[] = Object.freeze([
  "A1.R1C1", "ABSREF", "ACTIVATE", "ACTIVATE.NEXT", "ACTIVATE.NOTES", "ACTIVATE.PREV", "ACTIVE.CELL",
  "ACTIVE.CELL.FONT", "ADD.ARROW", "ADD.BAR", "ADD.CHART.AUTOFORMAT", "ADD.COMMAND", "ADD.LIST.ITEM", "ADD.MENU",
  "ADD.OVERLAY", "ADD.PRINT.AREA", "ADD.TOOL", "ADD.TOOLBAR", "ADDIN.MANAGER", "ALERT", "ALIGNMENT", "APP.ACTIVATE",
  "APP.ACTIVATE.MICROSOFT", "APP.MAXIMIZE", "APP.MINIMIZE", "APP.MOVE", "APP.RESTORE", "APP.SIZE", "APP.TITLE",
  "APPLY.NAMES", "APPLY.STYLE", "ARGUMENT", "ARRANGE.ALL", "ASSIGN.TO.OBJECT", "ASSIGN.TO.TOOL", "ATTACH.TEXT",
  "ATTACH.TOOLBARS", "ATTRIBUTES", "AUTO.OUTLINE", "AUTOCORRECT", "AXES", "BEEP", "BORDER", "BREAK", "BRING.TO.FRONT",
  "CALCULATE.DOCUMENT", "CALCULATE.NOW", "CALCULATION", "CALL", "CALLER", "CANCEL.COPY", "CANCEL.KEY",
  "CELL.PROTECTION", "CHANGE.LINK", "CHART.ADD.DATA", "CHART.TREND", "CHART.WIZARD", "CHECK.COMMAND",
  "CHECKBOX.PROPERTIES", "CLEAR", "CLEAR.OUTLINE", "CLEAR.PRINT.AREA", "CLEAR.ROUTING.SLIP", "CLOSE", "CLOSE.ALL",
  "COLOR.PALETTE", "COLUMN.WIDTH", "COMBINATION", "CONSOLIDATE", "CONSTRAIN.NUMERIC", "COPY", "COPY.CHART",
  "COPY.PICTURE", "COPY.TOOL", "CREATE.NAMES", "CREATE.OBJECT", "CREATE.PUBLISHER", "CUSTOM.REPEAT", "CUSTOM.UNDO",
  "CUSTOMIZE.TOOLBAR", "CUT", "DATA.DELETE", "DATA.FIND", "DATA.FIND.NEXT", "DATA.FIND.PREV", "DATA.FORM",
  "DATA.LABEL", "DATA.SERIES", "DEFINE.NAME", "DEFINE.STYLE", "DELETE.ARROW", "DELETE.BAR", "DELETE.CHART.AUTOFORMAT",
  "DELETE.COMMAND", "DELETE.FORMAT", "DELETE.MENU", "DELETE.NAME", "DELETE.NOTE", "DELETE.OVERLAY", "DELETE.STYLE",
  "DELETE.TOOL", "DELETE.TOOLBAR", "DEMOTE", "DEREF", "DIALOG.BOX", "DIRECTORY", "DISABLE.INPUT", "DISPLAY",
  "DOCUMENTS", "DUPLICATE", "ECHO", "EDIT.COLOR", "EDIT.DELETE", "EDIT.OBJECT", "EDIT.REPEAT", "EDIT.SERIES",
  "EDIT.TOOL", "EDITBOX.PROPERTIES", "EDITION.OPTIONS", "ELSE", "ELSE.IF", "ENABLE.COMMAND", "ENABLE.OBJECT",
  "ENABLE.TIPWIZARD", "ENABLE.TOOL", "END.IF", "ENTER.DATA", "ERROR", "ERRORBAR.X", "ERRORBAR.Y", "EVALUATE", "EXEC",
  "EXECUTE", "EXTEND.POLYGON", "EXTRACT", "FCLOSE", "FILE.CLOSE", "FILE.DELETE", "FILES", "FILL.AUTO", "FILL.DOWN",
  "FILL.GROUP", "FILL.LEFT", "FILL.RIGHT", "FILL.UP", "FILL.WORKGROUP", "FILTER", "FILTER.ADVANCED",
  "FILTER.SHOW.ALL", "FIND.FILE", "FONT", "FONT.PROPERTIES", "FOPEN", "FOR", "FOR.CELL", "FORMAT.AUTO",
  "FORMAT.CHART", "FORMAT.CHARTTYPE", "FORMAT.FONT", "FORMAT.LEGEND", "FORMAT.MAIN", "FORMAT.MOVE", "FORMAT.NUMBER",
  "FORMAT.OVERLAY", "FORMAT.SHAPE", "FORMAT.SIZE", "FORMAT.TEXT", "FORMULA", "FORMULA.ARRAY", "FORMULA.CONVERT",
  "FORMULA.FILL", "FORMULA.FIND", "FORMULA.FIND.NEXT", "FORMULA.FIND.PREV", "FORMULA.GOTO", "FORMULA.REPLACE", "FPOS",
  "FREAD", "FREADLN", "FREEZE.PANES", "FSIZE", "FULL", "FULL.SCREEN", "FUNCTION.WIZARD", "FWRITE", "FWRITELN",
  "GALLERY.3D.AREA", "GALLERY.3D.BAR", "GALLERY.3D.COLUMN", "GALLERY.3D.LINE", "GALLERY.3D.PIE", "GALLERY.3D.SURFACE",
  "GALLERY.AREA", "GALLERY.BAR", "GALLERY.COLUMN", "GALLERY.CUSTOM", "GALLERY.DOUGHNUT", "GALLERY.LINE",
  "GALLERY.PIE", "GALLERY.RADAR", "GALLERY.SCATTER", "GET.BAR", "GET.CELL", "GET.CHART.ITEM", "GET.DEF",
  "GET.DOCUMENT", "GET.FORMULA", "GET.LINK.INFO", "GET.MOVIE", "GET.NAME", "GET.NOTE", "GET.OBJECT",
  "GET.PIVOT.FIELD", "GET.PIVOT.ITEM", "GET.PIVOT.TABLE", "GET.TOOL", "GET.TOOLBAR", "GET.WINDOW", "GET.WORKBOOK",
  "GET.WORKSPACE", "GOAL.SEEK", "GOTO", "GRIDLINES", "GROUP", "HALT", "HELP", "HIDE", "HIDE.DIALOG", "HIDE.OBJECT",
  "HIDEALL.INKANNOTS", "HIDEALL.NOTES", "HIDECURR.NOTE", "HLINE", "HPAGE", "HSCROLL", "INITIATE", "INPUT", "INSERT",
  "INSERT.MAP.OBJECT", "INSERT.OBJECT", "INSERT.PICTURE", "INSERT.TITLE", "INSERTDATATABLE", "JUSTIFY",
  "LABEL.PROPERTIES", "LAST.ERROR", "LAYOUT", "LEGEND", "LINE.PRINT", "LINK.COMBO", "LINK.FORMAT", "LINKS",
  "LIST.NAMES", "LISTBOX.PROPERTIES", "MACRO.OPTIONS", "MAIL.ADD.MAILER", "MAIL.DELETE.MAILER", "MAIL.EDIT.MAILER",
  "MAIL.FORWARD", "MAIL.LOGOFF", "MAIL.LOGON", "MAIL.NEXT.LETTER", "MAIL.REPLY", "MAIL.REPLY.ALL", "MAIL.SEND.MAILER",
  "MAIN.CHART", "MAIN.CHART.TYPE", "MENU.EDITOR", "MERGE.STYLES", "MESSAGE", "MOVE", "MOVE.BRK", "MOVE.TOOL",
  "MOVIE.COMMAND", "NAMES", "NEW", "NEW.WINDOW", "NEWWEBQUERY", "NEXT", "NORMAL", "NOTE", "OBJECT.PROPERTIES",
  "OBJECT.PROTECTION", "ON.DATA", "ON.DOUBLECLICK", "ON.ENTRY", "ON.KEY", "ON.RECALC", "ON.SHEET", "ON.TIME",
  "ON.WINDOW", "OPEN", "OPEN.DIALOG", "OPEN.LINKS", "OPEN.MAIL", "OPEN.TEXT", "OPTIONS.CALCULATION", "OPTIONS.CHART",
  "OPTIONS.EDIT", "OPTIONS.GENERAL", "OPTIONS.LISTS.ADD", "OPTIONS.LISTS.DELETE", "OPTIONS.LISTS.GET", "OPTIONS.ME",
  "OPTIONS.MENONO", "OPTIONS.SAVE", "OPTIONS.SPELL", "OPTIONS.TRANSITION", "OPTIONS.VIEW", "OUTLINE", "OVERLAY",
  "OVERLAY.CHART.TYPE", "PAGE.SETUP", "PARSE", "PASTE", "PASTE.LINK", "PASTE.PICTURE", "PASTE.PICTURE.LINK",
  "PASTE.SPECIAL", "PASTE.TOOL", "PATTERNS", "PAUSE", "PICKLIST", "PIVOT.ADD.DATA", "PIVOT.ADD.FIELDS", "PIVOT.FIELD",
  "PIVOT.FIELD.GROUP", "PIVOT.FIELD.PROPERTIES", "PIVOT.FIELD.UNGROUP", "PIVOT.ITEM", "PIVOT.ITEM.PROPERTIES",
  "PIVOT.REFRESH", "PIVOT.SHOW.PAGES", "PIVOT.TABLE.CHART", "PIVOT.TABLE.WIZARD", "PLACEMENT", "POKE",
  "POST.DOCUMENT", "PRECISION", "PREFERRED", "PRESS.TOOL", "PRINT", "PRINT.PREVIEW", "PRINTER.SETUP", "PROMOTE",
  "PROTECT.DOCUMENT", "PROTECT.REVISIONS", "PUSHBUTTON.PROPERTIES", "QUIT", "REFTEXT", "REGISTER", "REGISTER.ID",
  "RELREF", "REMOVE.LIST.ITEM", "REMOVE.PAGE.BREAK", "RENAME.COMMAND", "RENAME.OBJECT", "REPLACE.FONT", "REQUEST",
  "RESET.TOOL", "RESET.TOOLBAR", "RESTART", "RESULT", "RESUME", "RETURN", "RM.PRINT.AREA", "ROUTE.DOCUMENT",
  "ROUTING.SLIP", "ROW.HEIGHT", "RUN", "SAVE", "SAVE.AS", "SAVE.COPY.AS", "SAVE.DIALOG", "SAVE.NEW.OBJECT",
  "SAVE.TOOLBAR", "SAVE.WORKBOOK", "SAVE.WORKSPACE", "SCALE", "SCENARIO.ADD", "SCENARIO.CELLS", "SCENARIO.DELETE",
  "SCENARIO.EDIT", "SCENARIO.GET", "SCENARIO.MERGE", "SCENARIO.SHOW", "SCENARIO.SHOW.NEXT", "SCENARIO.SUMMARY",
  "SCROLLBAR.PROPERTIES", "SELECT", "SELECT.ALL", "SELECT.CHART", "SELECT.END", "SELECT.LAST.CELL",
  "SELECT.LIST.ITEM", "SELECT.PLOT.AREA", "SELECT.SPECIAL", "SELECTION", "SEND.KEYS", "SEND.MAIL", "SEND.TO.BACK",
  "SERIES", "SERIES.AXES", "SERIES.ORDER", "SERIES.X", "SERIES.Y", "SET.CONTROL.VALUE", "SET.CRITERIA",
  "SET.DATABASE", "SET.DIALOG.DEFAULT", "SET.DIALOG.FOCUS", "SET.EXTRACT", "SET.LIST.ITEM", "SET.NAME",
  "SET.PAGE.BREAK", "SET.PREFERRED", "SET.PRINT.AREA", "SET.PRINT.TITLES", "SET.UPDATE.STATUS", "SET.VALUE", "SHARE",
  "SHARE.NAME", "SHEET.BACKGROUND", "SHORT.MENUS", "SHOW.ACTIVE.CELL", "SHOW.BAR", "SHOW.CLIPBOARD", "SHOW.DETAIL",
  "SHOW.DIALOG", "SHOW.INFO", "SHOW.LEVELS", "SHOW.TOOLBAR", "SIZE", "SORT", "SORT.SPECIAL", "SOUND.NOTE",
  "SOUND.PLAY", "SPELLING", "SPELLING.CHECK", "SPLIT", "STANDARD.FONT", "STANDARD.WIDTH", "STEP", "STYLE",
  "SUBSCRIBE.TO", "SUBTOTAL.CREATE", "SUBTOTAL.REMOVE", "SUMMARY.INFO", "TAB.ORDER", "TABLE", "TERMINATE", "TEXT.BOX",
  "TEXT.TO.COLUMNS", "TEXTREF", "TRACER.CLEAR", "TRACER.DISPLAY", "TRACER.ERROR", "TRACER.NAVIGATE", "TRAVERSE.NOTES",
  "UNDO", "UNGROUP", "UNGROUP.SHEETS", "UNHIDE", "UNLOCKED.NEXT", "UNLOCKED.PREV", "UNPROTECT.REVISIONS",
  "UNREGISTER", "UPDATE.LINK", "VBA.INSERT.FILE", "VBA.MAKE.ADDIN", "VBA.PROCEDURE.DEFINITION", "VBAACTIVATE",
  "VIEW.3D", "VIEW.DEFINE", "VIEW.DELETE", "VIEW.GET", "VIEW.SHOW", "VLINE", "VOLATILE", "VPAGE", "VSCROLL", "WAIT",
  "WEB.PUBLISH", "WHILE", "WINDOW.MAXIMIZE", "WINDOW.MINIMIZE", "WINDOW.MOVE", "WINDOW.RESTORE", "WINDOW.SIZE",
  "WINDOW.TITLE", "WINDOWS", "WORKBOOK.ACTIVATE", "WORKBOOK.ADD", "WORKBOOK.COPY", "WORKBOOK.DELETE", "WORKBOOK.HIDE",
  "WORKBOOK.INSERT", "WORKBOOK.MOVE", "WORKBOOK.NAME", "WORKBOOK.NEW", "WORKBOOK.NEXT", "WORKBOOK.OPTIONS",
  "WORKBOOK.PREV", "WORKBOOK.PROTECT", "WORKBOOK.SCROLL", "WORKBOOK.SELECT", "WORKBOOK.TAB.SPLIT", "WORKBOOK.UNHIDE",
  "WORKGROUP", "WORKGROUP.OPTIONS", "WORKSPACE", "ZOOM",
]);

/**
 * Names of Excel's built-in functions in other languages, from an authoritative Microsoft source.
 * None is included: no such list was reachable (see "Localized names" above). Kept so that a test can rely on the export.
 */
export const LOCALIZED_FUNCTIONS: readonly string[] = Object.freeze([]);

/** The comparison key: upper case, any leading _xlfn./_xlws./_xludf. prefix dropped, dots and underscores removed. */
export function builtinKey(name: string): string {
  return name.replace(/^(?:_xl(?:fn|ws|udf)\.)+/i, "").toUpperCase().replace(/[._]/g, "");
}

const BUILTIN_KEYS: ReadonlySet<string> = new Set([...WORKSHEET_FUNCTIONS, ...MACRO_FUNCTIONS, ...LOCALIZED_FUNCTIONS].map(builtinKey));

/**
 * True when `name` (a custom function's id or name, without the add-in's "KC." namespace) matches one of Excel's built-in
 * worksheet or macro-sheet function names when case, dots and underscores are ignored (so STDEVS and STDEV_S both match
 * STDEV.S, and GETCELL matches GET.CELL).
 */
export function isBuiltinName(name: string): boolean {
  return BUILTIN_KEYS.has(builtinKey(name));
}
