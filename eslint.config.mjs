// ESLint for the library, the policy pack, tests, examples and benchmarks (npm run lint).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "docs/**", "examples/*/app/**", ".stryker-tmp/**", "reports/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        console: "readonly",
        __dirname: "readonly",
        Buffer: "readonly",
      },
    },
    rules: {
      // tsc (noUnusedLocals/noUnusedParameters) already reports these.
      "@typescript-eslint/no-unused-vars": "off",
      // Pulumi mock inputs and parsed policy JSON are untyped by nature.
      "@typescript-eslint/no-explicit-any": "off",
      // Modules loaded lazily on purpose (mocks first, optional policy pack, ts-node for programs).
      "@typescript-eslint/no-require-imports": "off",
    },
  },
);
