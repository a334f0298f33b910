import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "./run";
import {
  belowThreshold,
  fileScores,
  formatScore,
  GROUPS,
  LEFT_OUT,
  mergeReports,
  MUTATION_THRESHOLD,
  MutationReport,
  mutationScore,
  renderSummary,
  totals,
} from "./summary";

const ROOT = path.resolve(__dirname, "..", "..");

function mutants(statuses: Record<string, number>): { status: string }[] {
  return Object.entries(statuses).flatMap(([status, n]) => Array.from({ length: n }, () => ({ status })));
}

const REPORT: MutationReport = {
  files: {
    [path.join(ROOT, "packages/aws-cicd/src/internal/b.ts")]: {
      mutants: [
        ...mutants({ Killed: 17, Survived: 2, NoCoverage: 1, Timeout: 1, Ignored: 3, CompileError: 1 }),
        { status: "Ignored", statusReason: 'Static mutant (and "ignoreStatic" was enabled)', static: true },
      ],
    },
    "packages/aws-cicd/src/internal/a.ts": { mutants: mutants({ Killed: 8, Survived: 1, RuntimeError: 2 }) },
    "packages/aws-cicd/src/internal/c.ts": { mutants: mutants({ Ignored: 2 }) },
  },
};

describe("npm run mutation: test/MUTATION.md", () => {
  describe("scores", () => {
    it("counts each file's mutants by status, with paths relative to the root, sorted", () => {
      expect(fileScores(REPORT, ROOT)).to.deep.equal([
        {
          file: "packages/aws-cicd/src/internal/a.ts",
          killed: 8,
          survived: 1,
          noCoverage: 0,
          timeout: 0,
          ignored: 0,
          static: 0,
          errors: 2,
        },
        {
          file: "packages/aws-cicd/src/internal/b.ts",
          killed: 17,
          survived: 2,
          noCoverage: 1,
          timeout: 1,
          ignored: 3,
          static: 1,
          errors: 1,
        },
        {
          file: "packages/aws-cicd/src/internal/c.ts",
          killed: 0,
          survived: 0,
          noCoverage: 0,
          timeout: 0,
          ignored: 2,
          static: 0,
          errors: 0,
        },
      ]);
    });

    it("counts an ignored static mutant apart from one disabled by a comment", () => {
      expect(fileScores(REPORT, ROOT)[1]).to.include({ ignored: 3, static: 1 });
    });

    it("scores killed and timed-out over all but ignored, static and errored mutants, as Stryker does", () => {
      const [a, b, c] = fileScores(REPORT, ROOT);
      expect(mutationScore(a)).to.equal((8 / 9) * 100);
      expect(mutationScore(b)).to.equal((18 / 21) * 100);
      expect(mutationScore(c)).to.equal(undefined);
    });

    it("sums the counts", () => {
      expect(totals(fileScores(REPORT, ROOT))).to.deep.equal({
        killed: 25,
        survived: 3,
        noCoverage: 1,
        timeout: 1,
        ignored: 5,
        static: 1,
        errors: 3,
      });
    });

    it("refuses a status the schema does not have", () => {
      expect(() => fileScores({ files: { "x.ts": { mutants: [{ status: "Zombie" }] } } }, ROOT)).to.throw(
        'Unknown mutant status "Zombie" in x.ts.',
      );
    });

    it("rounds down, so that a score just under the threshold never shows as the threshold", () => {
      expect(formatScore(89.99)).to.equal("89.9%");
      expect(formatScore(90)).to.equal("90.0%");
      expect(formatScore(100)).to.equal("100.0%");
      expect(formatScore(undefined)).to.equal("n/a");
    });
  });

  describe("threshold", () => {
    it("lists the files below 90%, and only those (a file without a valid mutant has no score)", () => {
      const scores = fileScores(REPORT, ROOT);
      expect(belowThreshold(scores).map((s) => s.file)).to.deep.equal([
        "packages/aws-cicd/src/internal/a.ts",
        "packages/aws-cicd/src/internal/b.ts",
      ]);
      expect(belowThreshold(scores, 86).map((s) => s.file)).to.deep.equal(["packages/aws-cicd/src/internal/b.ts"]);
      expect(belowThreshold([{ ...scores[0], survived: 0 }])).to.deep.equal([]);
    });
  });

  describe("rendering", () => {
    const ctx = { date: "2026-12-02", node: "20.19.5", stryker: "9.6.1", mocha: "11.7.4" };

    it("writes the date, versions, a row per file, the totals and the files below the threshold", () => {
      const text = renderSummary(fileScores(REPORT, ROOT), ctx);
      expect(text).to.contain("Run on 2026-12-02 with Node 20.19.5, StrykerJS 9.6.1 (mocha runner, per-test coverage) and mocha 11.7.4.");
      expect(text).to.contain(
        [
          "| File | Killed | Survived | No coverage | Timeout | Ignored | Static | Score |",
          "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
          "| `packages/aws-cicd/src/internal/a.ts` | 8 | 1 | 0 | 0 | 0 | 0 | 88.8% |",
          "| `packages/aws-cicd/src/internal/b.ts` | 17 | 2 | 1 | 1 | 3 | 1 | 85.7% |",
          "| `packages/aws-cicd/src/internal/c.ts` | 0 | 0 | 0 | 0 | 2 | 0 | n/a |",
          "| **Total** | 25 | 3 | 1 | 1 | 5 | 1 | 86.6% |",
        ].join("\n"),
      );
      expect(text).to.contain(
        "Threshold: 2 file(s) below 90%: `packages/aws-cicd/src/internal/a.ts` (88.8%), `packages/aws-cicd/src/internal/b.ts` (85.7%).",
      );
      expect(text).to.contain("3 mutant(s) did not compile or crashed the test runner; they are not scored.");
    });

    it("states that every file passes when none is below the threshold", () => {
      const text = renderSummary(
        [{ file: "x.ts", killed: 9, survived: 1, noCoverage: 0, timeout: 0, ignored: 0, static: 0, errors: 0 }],
        ctx,
      );
      expect(text).to.contain("Threshold: every file scores at least 90%.");
      expect(text).not.to.contain("did not compile");
    });
  });

  describe("merging the groups' reports", () => {
    it("takes every group's files, and refuses a file in two groups", () => {
      const a: MutationReport = {
        files: { "a.ts": { mutants: [{ status: "Killed" }] } },
        framework: { name: "StrykerJS", version: "9.6.1" },
      };
      const b: MutationReport = { files: { "b.ts": { mutants: [{ status: "Survived" }] } } };
      expect(mergeReports([a, b])).to.deep.equal({
        files: { "a.ts": { mutants: [{ status: "Killed" }] }, "b.ts": { mutants: [{ status: "Survived" }] } },
        framework: { name: "StrykerJS", version: "9.6.1" },
      });
      expect(() => mergeReports([a, a])).to.throw("a.ts is in two reports: a file must belong to one group.");
    });
  });

  describe("npm run mutation arguments", () => {
    it("runs every group and writes test/MUTATION.md without arguments", () => {
      expect(parseArgs([])).to.deep.equal({ groups: ["core", "validate", "rules"], summaryOnly: false, partial: false, strykerArgs: [] });
      expect(parseArgs(["--incremental", "--concurrency", "1"])).to.deep.equal({
        groups: ["core", "validate", "rules"],
        summaryOnly: false,
        partial: false,
        strykerArgs: ["--incremental", "--concurrency", "1"],
      });
    });

    it("treats a run limited by --group or --mutate as partial, and passes --mutate on to Stryker", () => {
      expect(parseArgs(["--group", "core", "--mutate", "x.ts"])).to.deep.equal({
        groups: ["core"],
        summaryOnly: false,
        partial: true,
        strykerArgs: ["--mutate", "x.ts"],
      });
      expect(parseArgs(["--mutate=x.ts"]).partial).to.equal(true);
      expect(parseArgs(["--summary-only"]).summaryOnly).to.equal(true);
    });

    it("refuses an unknown group", () => {
      expect(() => parseArgs(["--group", "all"])).to.throw('`--group` takes one of core, validate, rules, got "all".');
      expect(() => parseArgs(["--group"])).to.throw("`--group` takes one of core, validate, rules, got nothing.");
    });
  });

  describe("stryker.config.mjs and test/mutation/groups.json", () => {
    const config = fs.readFileSync(path.join(ROOT, "stryker.config.mjs"), "utf8");

    /** The files under ROOT a glob of groups.json matches (`*` within a name, `**` any folders). */
    function expand(glob: string): string[] {
      const re = new RegExp(
        `^${glob
          .split("**/")
          .map((part) => part.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*"))
          .join("(?:.*/)?")}$`,
      );
      const base = glob.slice(0, glob.search(/[*]/)).replace(/[^/]*$/, "");
      const walk = (dir: string): string[] =>
        fs
          .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
          .flatMap((e) => (e.isDirectory() ? walk(`${dir}${e.name}/`) : [`${dir}${e.name}`]));
      return (glob.includes("*") ? walk(base) : [glob]).filter((f) => re.test(f) && fs.existsSync(path.join(ROOT, f)));
    }

    it("gives each left-out file a reason, and each is one its group's globs match", () => {
      expect(LEFT_OUT.map((l) => l.file)).to.deep.equal([
        "packages/aws-cicd/src/security/index.ts",
        "packages/aws-cicd/src/security/secure-bucket-args.ts",
        "packages/aws-cicd/src/security/policies.ts",
        "packages/aws-cicd/src/pipeline/policies.ts",
      ]);
      for (const [name, g] of Object.entries(GROUPS)) {
        for (const l of g.leftOut) {
          expect(
            g.mutate.some((m) => expand(m).includes(l.file)),
            `${name}: ${l.file}`,
          ).to.equal(true);
          expect(l.reason, l.file).to.match(/^[a-z].*\.$/);
        }
      }
    });

    it("names spec files that exist and import the code from source, not from dist/ or the package name", () => {
      for (const [name, g] of Object.entries(GROUPS)) {
        for (const glob of g.spec) {
          const files = expand(glob);
          expect(files, `${name}: ${glob}`).to.not.deep.equal([]);
          for (const f of files) {
            const imports = [...fs.readFileSync(path.join(ROOT, f), "utf8").matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
            expect(
              imports.filter((i) => /^aws-cicd(-policies)?(\/|$)|\/dist(\/|$)/.test(i)),
              f,
            ).to.deep.equal([]);
          }
        }
      }
    });

    it("has a committed test/MUTATION.md that lists every configured file, each at or above the threshold", () => {
      const configured = Object.values(GROUPS).flatMap((g) => {
        const out = new Set([...g.mutate.filter((m) => m.startsWith("!")).map((m) => m.slice(1)), ...g.leftOut.map((l) => l.file)]);
        return g.mutate.filter((m) => !m.startsWith("!")).flatMap((m) => expand(m).filter((f) => !out.has(f)));
      });
      const rows = fs
        .readFileSync(path.join(ROOT, "test", "MUTATION.md"), "utf8")
        .split("\n")
        .filter((line) => line.startsWith("| `"))
        .map((line) => line.split("|").map((cell) => cell.trim()));
      // A new file under a group's globs needs a new run (`npm run mutation`) before it lands.
      expect(rows.map((r) => r[1].replace(/`/g, ""))).to.deep.equal([...new Set(configured)].sort());
      for (const [, file, killed, survived, noCoverage, timeout, , , score] of rows) {
        // "n/a": every mutant of the file is static or ignored, none is scored.
        if (score === "n/a") expect([killed, survived, noCoverage, timeout], file).to.deep.equal(["0", "0", "0", "0"]);
        else expect(Number(score.replace("%", "")), file).to.be.at.least(MUTATION_THRESHOLD);
      }
    });

    it("runs the mocha runner with per-test coverage, and is not part of npm test", () => {
      expect(config).to.contain('testRunner: "mocha"');
      expect(config).to.contain('coverageAnalysis: "perTest"');
      expect(config).to.contain('const ignoreStatic = process.env.MUTATION_STATIC !== "1";');
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
      expect(pkg.scripts.mutation).to.equal("ts-node --transpile-only test/mutation/run.ts");
      expect(pkg.scripts.test).not.to.contain("stryker");
      expect(pkg.scripts.pretest).not.to.contain("mutation");
      expect(pkg.devDependencies["@stryker-mutator/core"]).to.equal("9.6.1");
      expect(pkg.devDependencies["@stryker-mutator/mocha-runner"]).to.equal("9.6.1");
    });
  });
});
