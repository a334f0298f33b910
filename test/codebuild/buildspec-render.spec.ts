import { expect } from "chai";
import * as YAML from "yaml";
import { BuildSpec, BuildSpecError, renderBuildSpec } from "../../packages/aws-cicd/src/codebuild/buildspec";

/** A buildspec using every section, written with its keys out of canonical order. */
const full: BuildSpec = {
  cache: { paths: ["/root/.npm/**/*"] },
  artifacts: {
    "secondary-artifacts": { web: { files: ["**/*"], "base-directory": "web/dist" } },
    "discard-paths": "no",
    files: ["dist/**/*", "package.json"],
    "exclude-paths": ["**/*.map"],
  },
  reports: {
    unit: { "file-format": "JUNITXML", files: ["reports/junit.xml"] },
    "arn:aws:codebuild:us-east-1:123456789012:report-group/coverage": { files: ["coverage/cobertura.xml"], "file-format": "COBERTURAXML" },
  },
  phases: {
    post_build: { commands: ["echo done"] },
    build: { finally: ["npm run clean"], commands: ["npm run build", "npm test -- --reporter=junit"], "on-failure": "ABORT" },
    install: { commands: ["npm ci"], "runtime-versions": { nodejs: "22", python: "3.12" } },
  },
  env: {
    "git-credential-helper": "no",
    "exported-variables": ["IMAGE_TAG"],
    "secrets-manager": { GITHUB_TOKEN: "ci/github:token" },
    "parameter-store": { DB_URL: "/app/prod/db-url" },
    variables: { NODE_ENV: "production", GO_VERSION: "1.20", FEATURE: "on" },
    shell: "bash",
  },
  "run-as": "root",
  version: "0.2",
};

const FULL_YAML = `version: 0.2
run-as: root
env:
  shell: bash
  variables:
    NODE_ENV: production
    GO_VERSION: "1.20"
    FEATURE: "on"
  parameter-store:
    DB_URL: /app/prod/db-url
  secrets-manager:
    GITHUB_TOKEN: ci/github:token
  exported-variables:
    - IMAGE_TAG
  git-credential-helper: "no"
phases:
  install:
    runtime-versions:
      nodejs: "22"
      python: "3.12"
    commands:
      - npm ci
  build:
    on-failure: ABORT
    commands:
      - npm run build
      - npm test -- --reporter=junit
    finally:
      - npm run clean
  post_build:
    commands:
      - echo done
reports:
  unit:
    files:
      - reports/junit.xml
    file-format: JUNITXML
  arn:aws:codebuild:us-east-1:123456789012:report-group/coverage:
    files:
      - coverage/cobertura.xml
    file-format: COBERTURAXML
artifacts:
  files:
    - dist/**/*
    - package.json
  discard-paths: "no"
  exclude-paths:
    - "**/*.map"
  secondary-artifacts:
    web:
      files:
        - "**/*"
      base-directory: web/dist
cache:
  paths:
    - /root/.npm/**/*
`;

/** Strings that break naive YAML writers. */
const TRICKY = [
  'echo "a: b"',
  "npm test # not a comment",
  "- looks like a list",
  "'single' and \"double\"",
  "yes",
  "No",
  "on",
  "~",
  "null",
  "0755",
  "1:20",
  "1e3",
  "0o17",
  "2024-01-01",
  "*.map",
  "&anchor",
  "!tag",
  "%directive",
  "@at",
  "`backtick`",
  "{ braces }",
  "[brackets]",
  " leading space",
  "trailing space ",
  "tab\tinside",
  "unicode ✓ ünïcödé",
  "back\\slash",
  "bell\u0007",
  'if [ -f x ]; then\n  echo "x: y"\nfi',
  "  indented first line\nsecond",
  "ends with newline\n",
  "ends with blank lines\n\n",
  "a".repeat(200),
];

describe("renderBuildSpec", () => {
  describe("layout", () => {
    it("writes version 0.2 first and every section and key in canonical order", () => {
      expect(renderBuildSpec(full)).to.equal(FULL_YAML);
    });

    it("writes version 0.2 when the buildspec leaves it out or gives the number", () => {
      const out = "version: 0.2\nphases:\n  build:\n    commands:\n      - make\n";
      expect(renderBuildSpec({ phases: { build: { commands: ["make"] } } })).to.equal(out);
      // A buildspec read from YAML (`version: 0.2`) holds the number.
      expect(renderBuildSpec(YAML.parse("version: 0.2\nphases:\n  build:\n    commands: [make]\n"))).to.equal(out);
    });

    it("keeps runtime versions that a YAML file gives as numbers", () => {
      const parsed = YAML.parse("version: 0.2\nphases:\n  install:\n    runtime-versions:\n      nodejs: 22\n");
      expect(renderBuildSpec(parsed)).to.equal("version: 0.2\nphases:\n  install:\n    runtime-versions:\n      nodejs: 22\n");
    });

    it("writes multi-line commands as literal blocks", () => {
      const yaml = renderBuildSpec({ phases: { build: { commands: ["if [ -f x ]; then\n  make\nfi"] } } });
      expect(yaml).to.equal(
        "version: 0.2\nphases:\n  build:\n    commands:\n      - |-\n        if [ -f x ]; then\n          make\n        fi\n",
      );
    });

    it("quotes strings a YAML 1.1 or 1.2 reader would take for another type", () => {
      const yaml = renderBuildSpec({
        env: { variables: { A: "yes", B: "0755", C: "1:20", D: "2024-01-01", E: "1e3", F: "plain" } },
        phases: { build: { commands: ["x"] } },
      });
      expect(yaml).to.include('    A: "yes"\n    B: "0755"\n    C: "1:20"\n    D: "2024-01-01"\n    E: "1e3"\n    F: plain\n');
    });

    it("does not fold long lines", () => {
      const long = `echo ${"word ".repeat(40).trim()}`;
      expect(renderBuildSpec({ phases: { build: { commands: [long] } } })).to.include(`      - ${long}\n`);
    });
  });

  describe("round trip", () => {
    it("parses back to the input, with version as the number 0.2", () => {
      expect(YAML.parse(renderBuildSpec(full))).to.deep.equal({ ...full, version: 0.2 });
    });

    it("keeps tricky strings exactly, whether YAML 1.1 or 1.2 reads them", () => {
      const spec: BuildSpec = {
        env: { variables: Object.fromEntries(TRICKY.map((v, i) => [`V${i}`, v])), "exported-variables": ["Y", "N", "ON"] },
        phases: { build: { commands: TRICKY } },
        artifacts: { files: TRICKY, name: "on", "s3-prefix": "2024-01-01" },
      };
      const yaml = renderBuildSpec(spec);
      expect(YAML.parse(yaml)).to.deep.equal({ ...spec, version: 0.2 });
      // A YAML 1.1 reader (`yes` is a boolean there) sees the same strings; only the version is a number in both.
      expect(YAML.parse(yaml, { version: "1.1" })).to.deep.equal({ ...spec, version: 0.2 });
    });

    it("renders its own output identically", () => {
      const once = renderBuildSpec(full);
      expect(renderBuildSpec(YAML.parse(once) as BuildSpec)).to.equal(once);
    });
  });

  describe("validation", () => {
    it("throws a BuildSpecError before writing anything for an invalid buildspec", () => {
      const bad = { phases: { build: { commands: [] } } } as BuildSpec;
      expect(() => renderBuildSpec(bad)).to.throw(
        BuildSpecError,
        "`buildSpec.phases.build.commands` must not be empty, got []; list at least one command or remove `commands`.",
      );
    });
  });
});
