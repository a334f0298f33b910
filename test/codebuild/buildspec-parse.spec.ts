import { expect } from "chai";
import { BuildSpecError, parseBuildSpec } from "../../packages/aws-cicd/src/codebuild/buildspec";
import { MAX_BUILDSPEC_NESTING, tooDeepOffset } from "../../packages/aws-cicd/src/codebuild/buildspec-limits";

const GOOD = `version: 0.2
env:
  variables:
    NODE_ENV: production
  parameter-store:
    DB_URL: /app/prod/db-url
phases:
  install:
    runtime-versions:
      nodejs: 22
      python: "3.10"
  build:
    commands:
      - npm ci
      - npm test
artifacts:
  files:
    - "**/*"
  discard-paths: yes
`;

function errorOf(text: string, fileName?: string): BuildSpecError {
  try {
    parseBuildSpec(text, fileName);
  } catch (e) {
    expect(e).to.be.instanceOf(BuildSpecError);
    return e as BuildSpecError;
  }
  throw new Error("expected a BuildSpecError");
}

describe("parseBuildSpec", () => {
  it("returns the buildspec as YAML reads it, version as the number 0.2", () => {
    expect(parseBuildSpec(GOOD)).to.deep.equal({
      version: 0.2,
      env: { variables: { NODE_ENV: "production" }, "parameter-store": { DB_URL: "/app/prod/db-url" } },
      phases: { install: { "runtime-versions": { nodejs: 22, python: "3.10" } }, build: { commands: ["npm ci", "npm test"] } },
      artifacts: { files: ["**/*"], "discard-paths": "yes" },
    });
  });

  describe("validation problems", () => {
    const cases: [string, string, string][] = [
      [
        "points at a misspelt phase",
        "version: 0.2\nphases:\n  biuld:\n    commands:\n      - make\n",
        "buildspec.yml:3:3: `buildSpec.phases.biuld` is not a buildspec phase; use install, pre_build, build or post_build.",
      ],
      [
        "points at the offending list item",
        "version: 0.2\nphases:\n  build:\n    commands:\n      - npm ci\n      - npm test\n      - 42\n",
        "buildspec.yml:7:9: `buildSpec.phases.build.commands[2]` must be a string, got the number 42.",
      ],
      [
        "points at an empty commands key",
        "version: 0.2\nphases:\n  build:\n    commands: []\n",
        "buildspec.yml:4:5: `buildSpec.phases.build.commands` must not be empty, got []; list at least one command or remove `commands`.",
      ],
      [
        "points at a version written as 0.1",
        "\n\nversion: 0.1\nphases:\n  build:\n    commands: [make]\n",
        'buildspec.yml:3:1: `buildSpec.version` must be "0.2", the only buildspec version supported, got 0.1.',
      ],
      [
        "points at an unquoted number variable",
        "version: 0.2\nenv:\n  variables:\n    GO_VERSION: 1.20\nphases:\n  build:\n    commands: [make]\n",
        "buildspec.yml:4:5: `buildSpec.env.variables.GO_VERSION` must be a string, got the number 1.2; quote the value in YAML so it stays exactly as written.",
      ],
      [
        "points at the parent when a required key is missing",
        "version: 0.2\nphases:\n  build:\n    commands: [make]\nartifacts:\n  name: app\n",
        '`buildSpec.artifacts.files` is missing; list the files to upload, e.g. "**/*".',
      ],
      [
        "points at the root when phases are missing",
        "version: 0.2\n",
        "buildspec.yml:1:1: `buildSpec.phases` is missing; a buildspec needs at least one phase (install, pre_build, build or post_build) with `commands`.",
      ],
      [
        "points at a report group whose name is an ARN",
        "version: 0.2\nphases:\n  build:\n    commands: [make]\nreports:\n  arn:aws:codebuild:us-east-1:123456789012:report-group/unit-x:\n    files: [a.xml]\n    file-format: JUNIT\n",
        'buildspec.yml:8:5: `buildSpec.reports["arn:aws:codebuild:us-east-1:123456789012:report-group/unit-x"].file-format` must be a test report format (JUNITXML, CUCUMBERJSON, TESTNGXML, VISUALSTUDIOTRX, NUNITXML, NUNIT3XML) or a code coverage format (CLOVERXML, COBERTURAXML, JACOCOXML, SIMPLECOV), got "JUNIT".',
      ],
      [
        "points at a runtime version YAML changes",
        "version: 0.2\nphases:\n  install:\n    runtime-versions:\n      nodejs: 22\n      python: 3.10\n",
        'buildspec.yml:6:7: `buildSpec.phases.install.runtime-versions.python` is written 3.10 but YAML reads it as the number 3.1; quote it ("3.10") to keep the version as written.',
      ],
      [
        "follows flow collections",
        "version: 0.2\nphases: {build: {commands: [make, '']}}\n",
        'buildspec.yml:2:35: `buildSpec.phases.build.commands[1]` must not be blank, got ""; remove the item or fill it in.',
      ],
      ["reports an empty file as null", "", "buildspec.yml:1:1: `buildSpec` must be a mapping, got null."],
    ];
    for (const [what, text, message] of cases) {
      it(what, () => {
        const e = errorOf(text);
        if (message.startsWith("buildspec.yml:")) expect(e.message).to.equal(message);
        else expect(e.message).to.equal(`buildspec.yml:5:1: ${message}`);
      });
    }

    it("uses the given file name and records the location and path", () => {
      const e = errorOf("version: 0.2\nphases:\n  build:\n    on-failure: RETRY\n    commands: [make]\n", "ci/buildspec-test.yml");
      expect(e.message).to.equal(
        'ci/buildspec-test.yml:4:5: `buildSpec.phases.build.on-failure` must be "ABORT" or "CONTINUE", got "RETRY".',
      );
      expect(e.path).to.equal("buildSpec.phases.build.on-failure");
      expect(e.segments).to.deep.equal(["phases", "build", "on-failure"]);
      expect(e.location).to.deep.equal({ file: "ci/buildspec-test.yml", line: 4, column: 5 });
    });
  });

  describe("YAML problems", () => {
    const cases: [string, string, string][] = [
      [
        "a duplicate key",
        "version: 0.2\nphases:\n  build:\n    commands: [a]\n  build:\n    commands: [b]\n",
        "buildspec.yml:5:3: YAML syntax error: Map keys must be unique.",
      ],
      [
        "a tab used for indentation",
        "version: 0.2\nphases:\n\tbuild: {}\n",
        "buildspec.yml:3:1: YAML syntax error: Tabs are not allowed as indentation.",
      ],
      [
        "an unclosed flow list",
        "phases:\n  build:\n    commands: [a, b\nartifacts: {}\n",
        "buildspec.yml:4:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ].",
      ],
      [
        "two documents",
        "version: 0.2\n---\nversion: 0.2\n",
        "buildspec.yml:2:1: YAML syntax error: A buildspec is a single YAML document; remove the extra `---` document.",
      ],
      [
        "an alias without an anchor",
        "version: 0.2\nphases:\n  build:\n    commands: *cmds\n",
        "buildspec.yml:4:15: YAML syntax error: Alias *cmds has no anchor before it; define &cmds first.",
      ],
      [
        "a CloudFormation tag",
        "version: 0.2\nenv:\n  variables:\n    BUCKET: !Ref Bucket\n",
        "buildspec.yml:4:13: YAML syntax error: Unresolved tag !Ref; buildspecs do not use YAML tags such as CloudFormation's !Ref, so write the value itself.",
      ],
    ];
    for (const [what, text, message] of cases) {
      it(`reports ${what} with its line and column`, () => {
        expect(errorOf(text).message).to.equal(message);
      });
    }

    it("expands anchors and aliases before validating", () => {
      const text = "version: 0.2\nphases:\n  build:\n    commands: &cmds\n      - make\n  post_build:\n    commands: *cmds\n";
      expect(parseBuildSpec(text).phases?.post_build?.commands).to.deep.equal(["make"]);
    });
  });
});

describe("tooDeepOffset", () => {
  /** `depth` mappings nested one in another, each key on its own line. */
  const maps = (depth: number) =>
    Array.from({ length: depth }, (_, i) => `${"  ".repeat(i)}k${i}:${i === depth - 1 ? " v" : ""}`).join("\n") + "\n";

  it("accepts exactly the limit of nested mappings and points at the first one past it", () => {
    expect(tooDeepOffset(maps(MAX_BUILDSPEC_NESTING))).to.equal(undefined);
    const text = maps(MAX_BUILDSPEC_NESTING + 1);
    expect(tooDeepOffset(text)).to.equal(text.indexOf(`k${MAX_BUILDSPEC_NESTING}:`));
  });

  it("counts block lists and flow collections as levels too", () => {
    expect(tooDeepOffset("- ".repeat(MAX_BUILDSPEC_NESTING) + "x\n")).to.equal(undefined);
    expect(tooDeepOffset("- ".repeat(MAX_BUILDSPEC_NESTING + 1) + "x\n")).to.equal(2 * MAX_BUILDSPEC_NESTING);
    expect(tooDeepOffset("[".repeat(MAX_BUILDSPEC_NESTING) + "]".repeat(MAX_BUILDSPEC_NESTING))).to.equal(undefined);
    expect(tooDeepOffset("[".repeat(MAX_BUILDSPEC_NESTING + 1) + "]".repeat(MAX_BUILDSPEC_NESTING + 1))).to.equal(MAX_BUILDSPEC_NESTING);
  });

  it("takes the limit as an argument, and does not count scalars", () => {
    expect(tooDeepOffset("a:\n  b: c\n", 2)).to.equal(undefined);
    expect(tooDeepOffset("a:\n  b: c\n", 1)).to.equal(5);
    expect(tooDeepOffset("a: [b, {c: d}]\n", 2)).to.equal(7);
    expect(tooDeepOffset("just text\n", 0)).to.equal(undefined);
  });

  it("makes parseBuildSpec refuse the file at the line and column of the level past the limit", () => {
    const text = maps(MAX_BUILDSPEC_NESTING + 1);
    const e = errorOf(text, "deep.yml");
    expect(e.message).to.equal(
      `deep.yml:${MAX_BUILDSPEC_NESTING + 1}:${2 * MAX_BUILDSPEC_NESTING + 1}: The buildspec nests lists and mappings more than 64 levels deep; a buildspec needs a few. Flatten the structure.`,
    );
  });
});
