/** Unit, integration and browser tests; `npm test` builds dist/ first so the shipped bundle is what gets tested. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  setupFiles: ["<rootDir>/test/setup/custom-functions-global.ts"],
  transform: {
    "^.+\\.[tj]sx?$": ["ts-jest", { tsconfig: { module: "CommonJS", moduleResolution: "Node", allowJs: true, esModuleInterop: true, isolatedModules: true }, diagnostics: false }],
  },
  transformIgnorePatterns: ["/node_modules/(?!(.*/node_modules/)?(uuid|strip-bom)/)"],
  testTimeout: 60000,
};
