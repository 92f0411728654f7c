// @ts-check
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const pulumi = require("@pulumi/eslint-plugin");

module.exports = tseslint.config(
    {
        ignores: [
            "node_modules/**",
            "bin/**",
            "policies/bin/**",
            "policies/node_modules/**",
            "bench/node_modules/**",
            "**/*.js",
            "!eslint.config.js",
            "test/fixtures/programs/type-error/**",
        ],
    },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        files: ["**/*.ts"],
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
        plugins: { "@pulumi": pulumi },
        rules: {
            "@pulumi/no-output-in-template-literal": "error",
            "@pulumi/no-output-instance-in-template-literal": "error",
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
        },
    },
    {
        // Tests mutate loosely typed copies of documents on purpose.
        files: ["test/**/*.ts"],
        rules: { "@typescript-eslint/no-explicit-any": "off" },
    },
    {
        files: ["eslint.config.js"],
        languageOptions: { globals: { require: "readonly", module: "writable", __dirname: "readonly" } },
        rules: { "@typescript-eslint/no-require-imports": "off" },
    },
);
