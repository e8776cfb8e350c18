/* Builds dist/: functions.js (self-contained, registers every KC function and shares the KC library and dataset with
   the pane), functions.json (generated from the JSDoc), taskpane.html + taskpane.js, taskpane.css, assets/,
   manifest.xml with the production host filled in, manifest.json (the Microsoft 365 unified manifest made from that
   same manifest.xml) and THIRD-PARTY-NOTICES.txt (the licences of the third-party code in the scripts). */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const MinimizerPlugin = require("minimizer-webpack-plugin");
const { FunctionReferencePlugin } = require("./scripts/function-reference");
const { NOTICES, ThirdPartyNoticesPlugin } = require("./scripts/third-party-notices");
const { BundleModulesPlugin } = require("./scripts/bundle-modules-plugin");
const { DEV_HOST, checkHost, rewriteHost } = require("./scripts/manifest-host");
const { unifiedManifestJson } = require("./scripts/unified-manifest");

/** What the add-in imports from @microsoft/office-js-helpers (test/office-helpers.test.ts holds the two in step). */
const OFFICE_HELPERS_USED = ["Storage", "StorageType"];

module.exports = (_env, argv) => {
  const production = argv.mode !== "development";
  // The one setting that points the add-in at a static host: ADDIN_HOST=https://example.com/kc/ npm run build
  const host = checkHost(process.env.ADDIN_HOST || DEV_HOST);
  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
      // functions.js must evaluate where the only global is CustomFunctions: no window, no self.
      globalObject: "globalThis",
      chunkLoading: false,
      wasmLoading: false,
    },
    target: ["web", "es2020"],
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { onlyCompileBundledFiles: true } } },
        // The helper library ships as one prebuilt bundle; keep only what src/office/storage.ts imports from it.
        { test: require.resolve("@microsoft/office-js-helpers"), use: { loader: path.resolve(__dirname, "scripts/prebuilt-exports-loader.js"), options: { exports: OFFICE_HELPERS_USED } } },
        // The dataset ships packed (keys once per table, repeated strings once); src/data/unpack.ts restores it.
        { test: /src[\\/]data[\\/][^\\/]+\.json$/, type: "javascript/auto", use: path.resolve(__dirname, "scripts/pack-json-loader.js") },
      ],
    },
    optimization: {
      splitChunks: false,
      runtimeChunk: false,
      // webpack's default minimizer, with the licence comments it extracts sent to the notices file, not X.js.LICENSE.txt.
      minimizer: [new MinimizerPlugin({ minimizerOptions: { compress: { passes: 2 } }, extractComments: { condition: "some", filename: NOTICES } })],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new FunctionReferencePlugin({ devHost: DEV_HOST, host }),
      new ThirdPartyNoticesPlugin(),
      new BundleModulesPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
        inject: "head",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rewriteHost(content.toString(), host),
          },
          {
            from: "manifest.xml",
            to: "manifest.json",
            transform: (content) => unifiedManifestJson(rewriteHost(content.toString(), host)),
          },
        ],
      }),
    ],
  };
};
module.exports.OFFICE_HELPERS_USED = OFFICE_HELPERS_USED;
