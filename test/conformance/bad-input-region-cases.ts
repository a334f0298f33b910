import { ACCOUNT, BadInputCase, build, OutputCase, pipeline, SOURCE } from "./bad-input-fixtures";

const project = (region: string) => `arn:aws:codebuild:${region}:${ACCOUNT}:project/deploy`;
/** Source, Build, then a deploy project run in eu-west-1 (`region` overridden by `extra`), with `args` (issue 15). */
const elsewhere = (extra: object = {}, args: object = {}) =>
  pipeline(
    [
      { name: "Source", actions: [SOURCE] },
      { name: "Build", actions: [build()] },
      { name: "Deploy", actions: [build({ name: "Eu", outputs: [], region: "eu-west-1", projectArn: project("eu-west-1"), ...extra })] },
    ],
    args,
  );
const KINDS = "codeBuild, beanstalkDeploy, codeDeploy, ecsDeploy, codeDeployToEcs, custom";
const PAGE = "https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-cross-region.html";
const store = (region: string, keyRegion = region) => ({
  region,
  artifactBucket: { bucketName: `${region}-artifacts`, keyArn: `arn:aws:kms:${keyRegion}:${ACCOUNT}:key/k` },
});

/** Issue 15: cross-region actions (`region` on an action, `regionalArtifactStores`). */
// prettier-ignore
export const ISSUE_15_REGION_CASES: BadInputCase[] = [
  { category: "range", component: "Pipeline", name: "region-not-a-region", args: elsewhere({ region: "Europe" }), arg: "stages[2].actions[0].region", received: '"Europe"',
    message: '`stages[2].actions[0].region` must be an AWS region name such as "eu-west-1", got "Europe".' },
  { category: "stage structure", component: "Pipeline", name: "region-on-source",
    args: pipeline([{ name: "Source", actions: [{ codeCommitSource: { ...SOURCE.codeCommitSource, region: "eu-west-1" } }] }, { name: "Build", actions: [build()] }]),
    arg: "stages[0].actions[0].region", received: "codeCommitSource",
    message: `\`stages[0].actions[0].region\` is set on a codeCommitSource action of category Source, which CodePipeline runs only in the pipeline's region (cross-region actions are AWS build, test, deploy and invoke actions, never source actions nor approvals: ${PAGE}). Remove \`region\`; the kinds that take it are ${KINDS}.` },
  { category: "range", component: "Pipeline", name: "region-store-unused", args: elsewhere({}, { regionalArtifactStores: [store("eu-west-1"), store("us-west-2")] }),
    arg: "regionalArtifactStores[1].region", received: '"us-west-2"',
    message: '`regionalArtifactStores[1].region` "us-west-2" is not the `region` of any action (regions of actions: eu-west-1); remove the store, or set `region` on the actions that run there.' },
  { category: "stage structure", component: "Pipeline", name: "region-store-missing",
    args: pipeline([...elsewhere().stages, { name: "West", actions: [build({ name: "West", outputs: [], region: "us-west-2", projectArn: project("us-west-2") })] }], { regionalArtifactStores: [store("eu-west-1")] }),
    arg: "stages[3].actions[0].region", received: '"us-west-2"',
    message: '`stages[3].actions[0].region` "us-west-2" has no store in `regionalArtifactStores`, which gives existing buckets (regions listed: eu-west-1). Add `{ region: "us-west-2", artifactBucket: { bucketName, keyArn } }`, or `{ region: "us-west-2" }` to let the pipeline create that region\'s store.' },
  { category: "conflict", component: "Pipeline", name: "region-store-key-elsewhere", args: elsewhere({}, { regionalArtifactStores: [store("eu-west-1", "us-east-1")] }),
    arg: "regionalArtifactStores[0].artifactBucket.keyArn", received: `"arn:aws:kms:us-east-1:${ACCOUNT}:key/k"`,
    message: `\`regionalArtifactStores[0].artifactBucket.keyArn\` must be a key of eu-west-1, the store's region (CodePipeline wants the bucket and key in the action's region), got a key of us-east-1: "arn:aws:kms:us-east-1:${ACCOUNT}:key/k".` },
  { category: "arn", component: "Pipeline", name: "region-target-elsewhere", args: elsewhere({ projectArn: project("us-east-1") }),
    arg: "stages[2].actions[0].projectArn", received: `"arn:aws:codebuild:us-east-1:${ACCOUNT}:project/deploy"`,
    message: `\`stages[2].actions[0].projectArn\` is in us-east-1, but the action's \`region\` is eu-west-1: the action runs where its target lives. Set \`region\` to "us-east-1", or name the target of eu-west-1; got "arn:aws:codebuild:us-east-1:${ACCOUNT}:project/deploy".` },
  { category: "stage structure", component: "Pipeline", name: "region-store-twice", args: elsewhere({}, { regionalArtifactStores: [store("eu-west-1"), { region: "eu-west-1" }] }),
    arg: "regionalArtifactStores[1].region", received: '"eu-west-1"',
    message: '`regionalArtifactStores[1].region` "eu-west-1" is already the region of `regionalArtifactStores[0]`; list each region once.' },
];

/** Issue 15: an action naming the pipeline's own region, known only when the provider's region resolves. */
// prettier-ignore
export const ISSUE_15_REGION_OUTPUT_CASES: OutputCase[] = [
  { component: "Pipeline", name: "out-region-own", args: elsewhere({ region: "us-east-1", projectArn: project("us-east-1") }), refused: "aws:codepipeline/pipeline:Pipeline",
    message: '`stages[2].actions[0].region` "us-east-1" is the pipeline\'s own region; remove `region` from the action (it is only for actions in another region).' },
];
