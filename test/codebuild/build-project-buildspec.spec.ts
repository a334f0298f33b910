import { expect } from "chai";
import { BuildProject, BuildSpec, renderBuildSpec, reportGroupsToCreate, reportGroupType } from "../../packages/aws-cicd/src/codebuild";
import { ACCOUNT, findResource, resourcesOfType } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { baseStatements, deployed, KEY_ARN, PROJECT, fileReportsStatement } from "./build-project-fixtures";

const SPEC: BuildSpec = {
  phases: { install: { "runtime-versions": { nodejs: "22" } }, build: { commands: ["npm ci", "npm test"] } },
  reports: {
    unit: { files: ["junit.xml"], "base-directory": "reports" },
    cucumber: { files: ["cucumber.json"], "file-format": "CUCUMBERJSON" },
    coverage: { files: ["coverage/cobertura.xml"], "file-format": "COBERTURAXML" },
    [`arn:aws:codebuild:us-east-1:${ACCOUNT}:report-group/shared-tests`]: { files: ["shared.xml"] },
  },
};
const GROUP_ARN = (name: string) => `arn:aws:codebuild:us-east-1:${ACCOUNT}:report-group/${PROJECT}-${name}`;

describe("BuildProject", () => {
  describe("buildSpec", () => {
    it("renders the buildSpec as YAML into the project source", async () => {
      const spec: BuildSpec = { phases: { build: { commands: ["make test"] } } };
      const { project } = await deployed(new BuildProject("build", { buildSpec: spec }));
      expect(project.inputs.source).to.deep.equal({ type: "CODEPIPELINE", buildspec: renderBuildSpec(spec) });
      expect(project.inputs.source.buildspec).to.equal("version: 0.2\nphases:\n  build:\n    commands:\n      - make test\n");
    });

    it("reads another buildspec file from the source when buildSpecFile is given", async () => {
      const { project } = await deployed(new BuildProject("build", { buildSpecFile: "ci/buildspec-test.yml" }));
      expect(project.inputs.source).to.deep.equal({ type: "CODEPIPELINE", buildspec: "ci/buildspec-test.yml" });
    });

    it("creates a report group per named report, typed from its file format, without export", async () => {
      const p = new BuildProject("build", { buildSpec: SPEC });
      await deployed(p);
      expect(Object.keys(p.reportGroups)).to.deep.equal(["unit", "cucumber", "coverage"]);
      expect(resourcesOfType("aws:codebuild/reportGroup:ReportGroup").map((r) => [r.name, r.inputs])).to.deep.equal([
        ["build-report-unit", { name: `${PROJECT}-unit`, type: "TEST", exportConfig: { type: "NO_EXPORT" }, deleteReports: true }],
        ["build-report-cucumber", { name: `${PROJECT}-cucumber`, type: "TEST", exportConfig: { type: "NO_EXPORT" }, deleteReports: true }],
        [
          "build-report-coverage",
          { name: `${PROJECT}-coverage`, type: "CODE_COVERAGE", exportConfig: { type: "NO_EXPORT" }, deleteReports: true },
        ],
      ]);
    });

    it("lets the role write to those report groups and the ARN-named one only, never create groups", async () => {
      const { statements } = await deployed(new BuildProject("build", { buildSpec: SPEC }));
      expect(statements).to.deep.equal([
        ...baseStatements(),
        {
          Sid: "WriteReports",
          Effect: "Allow",
          Action: ["codebuild:BatchPutCodeCoverages", "codebuild:BatchPutTestCases", "codebuild:CreateReport", "codebuild:UpdateReport"],
          Resource: [
            GROUP_ARN("unit"),
            GROUP_ARN("cucumber"),
            GROUP_ARN("coverage"),
            `arn:aws:codebuild:us-east-1:${ACCOUNT}:report-group/shared-tests`,
          ],
        },
      ]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("exports raw reports to S3, encrypted with the project key, and lets the role write under that prefix", async () => {
      const { statements } = await deployed(new BuildProject("build", { buildSpec: SPEC, reportExport: { bucketName: "reports-bucket" } }));
      expect(findResource("aws:codebuild/reportGroup:ReportGroup", "build-report-unit").inputs.exportConfig).to.deep.equal({
        type: "S3",
        s3Destination: {
          bucket: "reports-bucket",
          path: `codebuild-reports/${PROJECT}`,
          packaging: "NONE",
          encryptionDisabled: false,
          encryptionKey: KEY_ARN,
        },
      });
      expect(statements.slice(2, 4)).to.deep.equal([
        {
          Sid: "WriteReportExports",
          Effect: "Allow",
          Action: ["s3:PutObject"],
          Resource: [`arn:aws:s3:::reports-bucket/codebuild-reports/${PROJECT}/*`],
        },
        {
          Sid: "LocateReportExportsBucket",
          Effect: "Allow",
          Action: ["s3:GetBucketAcl", "s3:GetBucketLocation"],
          Resource: ["arn:aws:s3:::reports-bucket"],
        },
      ]);
    });

    it("exports with the bucket's own key and prefix when given", async () => {
      const bucketKey = `arn:aws:kms:us-east-1:${ACCOUNT}:key/reports`;
      const { statements } = await deployed(
        new BuildProject("build", {
          buildSpec: SPEC,
          reportExport: { bucketName: "reports-bucket", prefix: "raw/tests", keyArn: bucketKey },
        }),
      );
      expect(
        findResource("aws:codebuild/reportGroup:ReportGroup", "build-report-coverage").inputs.exportConfig.s3Destination,
      ).to.deep.include({
        path: "raw/tests",
        encryptionKey: bucketKey,
      });
      expect(statements[1].Resource).to.deep.equal([KEY_ARN, bucketKey]);
      expect(statements[2].Resource).to.deep.equal(["arn:aws:s3:::reports-bucket/raw/tests/*"]);
    });

    it("creates the listed report groups of a buildspec file, once each, and lets the role create and write report groups of its own prefix", async () => {
      const p = new BuildProject("build", {
        buildSpecFile: "ci/buildspec.yml",
        reportGroupNames: ["unit", "e2e", "unit"],
        coverageReportGroupNames: ["coverage"],
      });
      const { project, statements } = await deployed(p);
      expect(project.inputs.source).to.deep.equal({ type: "CODEPIPELINE", buildspec: "ci/buildspec.yml" });
      expect(Object.keys(p.reportGroups)).to.deep.equal(["unit", "e2e", "coverage"]);
      expect(resourcesOfType("aws:codebuild/reportGroup:ReportGroup").map((r) => [r.name, r.inputs])).to.deep.equal([
        ["build-report-unit", { name: `${PROJECT}-unit`, type: "TEST", exportConfig: { type: "NO_EXPORT" }, deleteReports: true }],
        ["build-report-e2e", { name: `${PROJECT}-e2e`, type: "TEST", exportConfig: { type: "NO_EXPORT" }, deleteReports: true }],
        [
          "build-report-coverage",
          { name: `${PROJECT}-coverage`, type: "CODE_COVERAGE", exportConfig: { type: "NO_EXPORT" }, deleteReports: true },
        ],
      ]);
      // A buildspec file's reports are covered by the project's own prefix, which includes the created groups.
      expect(statements).to.deep.equal([...baseStatements(), fileReportsStatement()]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("merges listed report names with the inline buildSpec's reports, one group per name", async () => {
      const p = new BuildProject("build", { buildSpec: SPEC, reportGroupNames: ["unit", "smoke"], coverageReportGroupNames: ["coverage"] });
      await deployed(p);
      expect(resourcesOfType("aws:codebuild/reportGroup:ReportGroup").map((r) => [r.name, r.inputs.type])).to.deep.equal([
        ["build-report-unit", "TEST"],
        ["build-report-cucumber", "TEST"],
        ["build-report-coverage", "CODE_COVERAGE"],
        ["build-report-smoke", "TEST"],
      ]);
      expect(reportGroupsToCreate(SPEC, ["unit", "smoke"], ["coverage"])).to.deep.equal({
        unit: "TEST",
        cucumber: "TEST",
        coverage: "CODE_COVERAGE",
        smoke: "TEST",
      });
    });

    it("exports the listed report groups of a buildspec file", async () => {
      await deployed(new BuildProject("build", { reportGroupNames: ["unit"], reportExport: { bucketName: "reports-bucket" } }));
      expect(findResource("aws:codebuild/reportGroup:ReportGroup", "build-report-unit").inputs.exportConfig.type).to.equal("S3");
    });

    it("types reports by format", () => {
      expect(reportGroupType({ files: ["a"] })).to.equal("TEST");
      expect(reportGroupType({ files: ["a"], "file-format": "NUNIT3XML" })).to.equal("TEST");
      for (const f of ["CLOVERXML", "COBERTURAXML", "JACOCOXML", "SIMPLECOV"] as const) {
        expect(reportGroupType({ files: ["a"], "file-format": f })).to.equal("CODE_COVERAGE");
      }
    });
  });
});
