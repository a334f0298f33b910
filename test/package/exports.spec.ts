// The package boundary: every name an entry point of aws-cicd exports is a promise, so the names
// are pinned in public-names.json and growing them is a deliberate edit of that file. The public
// API is the components, their args and reference types, the action helpers, the enums of allowed
// values and the defaults the docs name; the types exported are exactly the library types that
// those values' signatures reach, so users can name every type they meet and nothing else leaks.
import { expect } from "chai";
import * as path from "path";
import { ensureLibraryBuilt } from "../harness/build";
import { EntryPointSurface, readSurface } from "./public-api";
import { COMPONENTS as ALL_COMPONENTS } from "../harness/components";

const PINNED: Record<string, { values: string[]; types: string[] }> = require("./public-names.json");
/** Entry point source (under packages/aws-cicd/src) → the specifier users import. */
const ENTRY_POINTS: Record<string, string> = {
  "index.ts": "aws-cicd",
  "buildspec-toolkit.ts": "aws-cicd/buildspec",
  "checks.ts": "aws-cicd/checks",
};
/** The most runtime names the root entry point may export (issue 13's target). */
const MAX_ROOT_VALUES = 120;
const COMPONENTS = [...ALL_COMPONENTS].sort();

const changed = (label: string, actual: string[], pinned: string[]) => {
  const added = actual.filter((n) => !pinned.includes(n));
  const removed = pinned.filter((n) => !actual.includes(n));
  return added.length || removed.length
    ? `${label}: added [${added.join(", ")}], removed [${removed.join(", ")}]. If the change is deliberate, edit test/package/public-names.json.`
    : "";
};

describe("aws-cicd public API", function () {
  this.timeout(120_000);
  let surface: Record<string, EntryPointSurface>;

  before(() => {
    ensureLibraryBuilt();
    surface = readSurface(Object.keys(ENTRY_POINTS));
  });

  for (const [entry, specifier] of Object.entries(ENTRY_POINTS)) {
    describe(specifier, () => {
      it("exports exactly the pinned values and types", () => {
        const s = surface[entry]!;
        const problems = [changed("values", s.values, PINNED[entry]!.values), changed("types", s.types, PINNED[entry]!.types)].filter(
          Boolean,
        );
        expect(problems).to.deep.equal([]);
      });

      it("exports every library type its values' signatures reach", () => {
        const s = surface[entry]!;
        const reachable = s.reachableTypes.filter((t) => !s.values.includes(t));
        expect(reachable.filter((t) => !s.types.includes(t))).to.deep.equal([]);
      });

      it("exports every library value a public type is derived from (`typeof X`)", () => {
        const s = surface[entry]!;
        expect(s.reachableValues.filter((v) => !s.values.includes(v))).to.deep.equal([]);
      });

      it("has the pinned values at runtime in the built package", () => {
        const runtime = Object.keys(require(specifier)).filter((k) => k !== "__esModule");
        expect(runtime.sort()).to.deep.equal([...PINNED[entry]!.values].sort());
      });
    });
  }

  it("exports from the root no type that a public value's signature does not reach", () => {
    const s = surface["index.ts"]!;
    expect(s.types.filter((t) => !s.reachableTypes.includes(t))).to.deep.equal([]);
  });

  it(`keeps the root entry point at ${MAX_ROOT_VALUES} runtime names or fewer`, () => {
    expect(PINNED["index.ts"]!.values.length).to.be.at.most(MAX_ROOT_VALUES);
  });

  it("exports the ten components from the root", () => {
    const classes = PINNED["index.ts"]!.values.filter((n) => typeof require("aws-cicd")[n] === "function" && /^[A-Z][a-z]/.test(n));
    expect(classes.filter((n) => require("aws-cicd")[n].prototype !== undefined).sort()).to.deep.equal(COMPONENTS);
  });

  it("exports no validator, planner or statement builder from the root", () => {
    const internalShapes = /^(validate|check|plan|create|render|build[A-Z]|.*Statements?$|.*Policy$)/;
    expect(PINNED["index.ts"]!.values.filter((n) => internalShapes.test(n))).to.deep.equal([]);
  });

  it("refuses deep imports of internal modules", () => {
    for (const deep of ["aws-cicd/dist/pipeline", "aws-cicd/dist/security/iam", "aws-cicd/src/index"]) {
      let code: string | undefined;
      try {
        require.resolve(deep, { paths: [path.resolve(__dirname, "../..")] });
      } catch (e) {
        code = (e as NodeJS.ErrnoException).code;
      }
      expect(code, deep).to.equal("ERR_PACKAGE_PATH_NOT_EXPORTED");
    }
  });
});
