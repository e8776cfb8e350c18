/**
 * Records, from webpack's own stats, which source files went into each script: .build/bundle-modules.json, which
 * test/third-party-notices.test.ts reads to check dist/THIRD-PARTY-NOTICES.txt without trusting the plugin that wrote it.
 */
const fs = require("fs");
const path = require("path");

const OUTPUT = path.join(__dirname, "..", ".build", "bundle-modules.json");

const flatten = (modules) => (modules ?? []).flatMap((m) => [m, ...flatten(m.modules)]);

class BundleModulesPlugin {
  apply(compiler) {
    compiler.hooks.done.tap("BundleModulesPlugin", (stats) => {
      const { chunks } = stats.toJson({ all: false, chunks: true, chunkModules: true, nestedModules: true, chunkModulesSpace: Infinity, nestedModulesSpace: Infinity, dependentModules: true });
      const scripts = chunks.map((chunk) => ({
        files: chunk.files.filter((file) => file.endsWith(".js")),
        modules: [...new Set(flatten(chunk.modules).map((m) => m.nameForCondition).filter(Boolean))].sort(),
      }));
      fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
      fs.writeFileSync(OUTPUT, `${JSON.stringify(scripts, null, 1)}\n`);
    });
  }
}

module.exports = { BundleModulesPlugin, OUTPUT };
