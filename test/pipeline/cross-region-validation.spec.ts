import { expect } from "chai";
import { Pipeline, PipelineArgs } from "../../packages/aws-cicd/src/pipeline";
import { ACCOUNT, recorded } from "../harness";
import { EU, euDeploy, stages } from "./cross-region-fixtures";
import { build, source } from "./fixtures";

/** The first error of `validatePipelineArgs`-backed construction, before any child exists. */
function refusal(args: Partial<PipelineArgs>): string {
  const before = recorded.length;
  try {
    new Pipeline("app", { stages: stages(), ...args });
  } catch (e) {
    expect(recorded.slice(before).filter((r) => r.type !== "aws-cicd:index:Pipeline")).to.deep.equal([]);
    return (e as Error).message;
  }
  throw new Error("expected the pipeline to be refused");
}

describe("Pipeline cross-region validation", () => {
  const given = (region: string, keyRegion = region) => ({
    region,
    artifactBucket: { bucketName: `${region}-artifacts`, keyArn: `arn:aws:kms:${keyRegion}:${ACCOUNT}:key/k` },
  });
  const cases: [string, Partial<PipelineArgs>, string][] = [
    [
      "a region that is not a region name",
      { stages: stages(euDeploy({ region: "Europe" })) },
      '`stages[2].actions[0].region` must be an AWS region name such as "eu-west-1", got "Europe".',
    ],
    [
      "a region on a source action",
      {
        stages: [
          { name: "Source", actions: [source({ region: EU } as never)] },
          { name: "Build", actions: [build()] },
        ],
      },
      "`stages[0].actions[0].region` is set on a codeCommitSource action of category Source, which CodePipeline runs only in the pipeline's region (cross-region actions are AWS build, test, deploy and invoke actions, never source actions nor approvals: https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-cross-region.html). Remove `region`; the kinds that take it are codeBuild, beanstalkDeploy, codeDeploy, ecsDeploy, codeDeployToEcs, custom.",
    ],
    [
      "a region on a manual approval",
      { stages: [...stages(), { name: "Approve", actions: [{ manualApproval: { region: EU } as never }] }] },
      "`stages[3].actions[0].region` is set on a manualApproval action of category Approval, which CodePipeline runs only in the pipeline's region (cross-region actions are AWS build, test, deploy and invoke actions, never source actions nor approvals: https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-cross-region.html). Remove `region`; the kinds that take it are codeBuild, beanstalkDeploy, codeDeploy, ecsDeploy, codeDeployToEcs, custom.",
    ],
    [
      "a region that is not a string",
      { stages: stages(euDeploy({ region: 3 })) },
      "`stages[2].actions[0].region` must be a string, got the number 3.",
    ],
    [
      "a target of another region than the action's",
      { stages: stages(build({ name: "Eu", region: EU, outputs: [] })) },
      `\`stages[2].actions[0].projectArn\` is in us-east-1, but the action's \`region\` is eu-west-1: the action runs where its target lives. Set \`region\` to "us-east-1", or name the target of eu-west-1; got "arn:aws:codebuild:us-east-1:${ACCOUNT}:project/build".`,
    ],
    [
      "a store whose region no action names",
      { regionalArtifactStores: [given(EU), given("us-west-2")] },
      '`regionalArtifactStores[1].region` "us-west-2" is not the `region` of any action (regions of actions: eu-west-1); remove the store, or set `region` on the actions that run there.',
    ],
    [
      "two stores of one region",
      { regionalArtifactStores: [given(EU), { region: EU }] },
      '`regionalArtifactStores[1].region` "eu-west-1" is already the region of `regionalArtifactStores[0]`; list each region once.',
    ],
    [
      "given stores that leave out a region of an action",
      {
        stages: [
          ...stages(),
          {
            name: "DeployUs",
            actions: [euDeploy({ name: "West", region: "us-west-2", projectArn: `arn:aws:codebuild:us-west-2:${ACCOUNT}:project/west` })],
          },
        ],
        regionalArtifactStores: [given(EU)],
      },
      '`stages[3].actions[0].region` "us-west-2" has no store in `regionalArtifactStores`, which gives existing buckets (regions listed: eu-west-1). Add `{ region: "us-west-2", artifactBucket: { bucketName, keyArn } }`, or `{ region: "us-west-2" }` to let the pipeline create that region\'s store.',
    ],
    [
      "a given key of another region",
      { regionalArtifactStores: [given(EU, "us-east-1")] },
      `\`regionalArtifactStores[0].artifactBucket.keyArn\` must be a key of eu-west-1, the store's region (CodePipeline wants the bucket and key in the action's region), got a key of us-east-1: "arn:aws:kms:us-east-1:${ACCOUNT}:key/k".`,
    ],
    [
      "a given bucket without its key",
      { regionalArtifactStores: [{ region: EU, artifactBucket: { bucketName: "b" } as never }] },
      "`regionalArtifactStores[0].artifactBucket.keyArn` is required: the existing bucket needs `bucketName` and `keyArn`.",
    ],
    [
      "settings for a given bucket",
      { regionalArtifactStores: [{ ...given(EU), artifactBucketOptions: { forceDestroy: true } }] },
      "`regionalArtifactStores[0].artifactBucketOptions` only applies to a created bucket; remove it, or remove `regionalArtifactStores[0].artifactBucket`.",
    ],
    [
      "a store region that is not a region name",
      { regionalArtifactStores: [{ region: "eu" }] },
      '`regionalArtifactStores[0].region` must be an AWS region name such as "eu-west-1", got "eu".',
    ],
    [
      "a store without a region",
      { regionalArtifactStores: [{} as never] },
      '`regionalArtifactStores[0].region` is required: the region of the store, such as "eu-west-1".',
    ],
    [
      "a given key that is an alias",
      { regionalArtifactStores: [{ region: EU, artifactBucket: { bucketName: "b", keyArn: "alias/eu" } }] },
      '`regionalArtifactStores[0].artifactBucket.keyArn` must be a KMS key ARN such as "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" (not an alias), got "alias/eu".',
    ],
  ];
  for (const [what, args, message] of cases) {
    it(`throws for ${what}, before creating any child`, () => {
      expect(refusal(args)).to.equal(message);
    });
  }
});
