import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import {
  connectionSourceAction,
  ConnectionSourceActionArgs,
  Pipeline,
  PipelineArgs,
  StageArgs,
} from "../../packages/aws-cicd/src/pipeline";
import { ACCOUNT, childrenOf, findResource, policyStatementsOf, recorded, resourcesOfType, settle, statementsOf } from "../harness";
import { checkRecordedPolicies } from "../harness/iam-check";
import { build, loadedPipeline, PROJECT_ARN, test } from "./fixtures";

const CREATED_ARN = `arn:aws:codeconnections:us-east-1:${ACCOUNT}:connection/app-Source-Source-connection-id`;
const GIVEN_ARN = `arn:aws:codeconnections:us-east-1:${ACCOUNT}:connection/0b7a3c1e-1111-2222-3333-444455556666`;
const OLD_ARN = `arn:aws:codestar-connections:us-east-1:${ACCOUNT}:connection/0b7a3c1e-1111-2222-3333-444455556666`;
const RUN_BUILD = {
  Sid: "RunBuild",
  Effect: "Allow",
  Action: ["codebuild:BatchGetBuilds", "codebuild:StartBuild"],
  Resource: [PROJECT_ARN],
};

const github = (extra: Partial<ConnectionSourceActionArgs> = {}) =>
  connectionSourceAction({ createConnection: { providerType: "GitHub" }, repository: "octo-org/web-app", ...extra });
const stagesWith = (source: ReturnType<typeof connectionSourceAction>): StageArgs[] => [
  { name: "Source", actions: [source] },
  { name: "Build", actions: [build()] },
];
const sourceDeclaration = () => findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs.stages[0].actions[0];

describe("Pipeline", () => {
  describe("connectionSource", () => {
    it("creates a GitHub connection under the pipeline and declares a CodeStarSourceConnection source", async () => {
      await loadedPipeline({ stages: stagesWith(github()) });
      const connection = findResource("aws:codeconnections/connection:Connection", "app-Source-Source-connection");
      expect(connection.inputs).to.deep.equal({ name: "aws-cicd-test-test-app-So-ba3cab", providerType: "GitHub" });
      expect(connection.parent).to.equal(findResource("aws-cicd:index:Pipeline", "app").urn);
      expect(sourceDeclaration()).to.deep.equal({
        name: "Source",
        category: "Source",
        owner: "AWS",
        provider: "CodeStarSourceConnection",
        version: "1",
        configuration: {
          ConnectionArn: CREATED_ARN,
          FullRepositoryId: "octo-org/web-app",
          BranchName: "main",
          OutputArtifactFormat: "CODE_ZIP",
          DetectChanges: "true",
        },
        runOrder: 1,
        outputArtifacts: ["SourceOutput"],
      });
      expect(findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs.triggers).to.equal(undefined);
    });

    it("lets the pipeline role use exactly that connection, and creates no EventBridge trigger for it", async () => {
      await loadedPipeline({ stages: stagesWith(github()) });
      expect(policyStatementsOf("app-role").slice(3)).to.deep.equal([
        { Sid: "UseSourceConnection", Effect: "Allow", Action: ["codeconnections:UseConnection"], Resource: [CREATED_ARN] },
        // Connection sources upload with an object ACL (bucket-owner-full-control) and read the bucket's ACL (issue 9).
        { Sid: "SetSourceArtifactAcl", Effect: "Allow", Action: ["s3:PutObjectAcl"], Resource: ["arn:aws:s3:::app-artifacts-bucket/*"] },
        { Sid: "ReadArtifactBucketAcl", Effect: "Allow", Action: ["s3:GetBucketAcl"], Resource: ["arn:aws:s3:::app-artifacts-bucket"] },
        RUN_BUILD,
      ]);
      const component = findResource("aws-cicd:index:Pipeline", "app");
      expect(
        childrenOf(component)
          .filter((c) => c.name.startsWith("app-Source-"))
          .map((c) => c.name),
      ).to.deep.equal(["app-Source-Source-connection"]);
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("uses a given connection ARN with the action of its service prefix and creates no connection", async () => {
      await loadedPipeline({
        stages: stagesWith(connectionSourceAction({ connectionArn: OLD_ARN, repository: "team/api", branch: "develop" })),
      });
      expect(resourcesOfType("aws:codeconnections/connection:Connection")).to.deep.equal([]);
      expect(sourceDeclaration().configuration).to.deep.equal({
        ConnectionArn: OLD_ARN,
        FullRepositoryId: "team/api",
        BranchName: "develop",
        OutputArtifactFormat: "CODE_ZIP",
        DetectChanges: "true",
      });
      expect(policyStatementsOf("app-role")[3]).to.deep.equal({
        Sid: "UseSourceConnection",
        Effect: "Allow",
        Action: ["codestar-connections:UseConnection"],
        Resource: [OLD_ARN],
      });
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });

    it("grants both UseConnection actions, on that ARN only, when the ARN is known only at deployment", async () => {
      await loadedPipeline({
        stages: stagesWith(connectionSourceAction({ connectionArn: pulumi.output(GIVEN_ARN), repository: "team/api" })),
      });
      expect(policyStatementsOf("app-role")[3]).to.deep.equal({
        Sid: "UseSourceConnection",
        Effect: "Allow",
        Action: ["codeconnections:UseConnection", "codestar-connections:UseConnection"],
        Resource: [GIVEN_ARN],
      });
    });

    it("sets DetectChanges to false with startOnPush: false", async () => {
      await loadedPipeline({
        stages: stagesWith(connectionSourceAction({ connectionArn: GIVEN_ARN, repository: "team/api", startOnPush: false })),
      });
      expect(sourceDeclaration().configuration.DetectChanges).to.equal("false");
    });

    it("outputs a clone reference with fullClone and lets the consuming project's role use the connection", async () => {
      const stages: StageArgs[] = [
        { name: "Source", actions: [github({ fullClone: true, namespace: "Src" })] },
        { name: "Build", actions: [test({ projectRoleName: "test-role" })] },
      ];
      await loadedPipeline({ stages });
      expect(sourceDeclaration().configuration.OutputArtifactFormat).to.equal("CODEBUILD_CLONE_REF");
      expect(sourceDeclaration().namespace).to.equal("Src");
      const grant = statementsOf(findResource("aws:iam/rolePolicy:RolePolicy", "app-Build-Test-project-access").inputs.policy);
      expect(grant.map((s) => s.Sid)).to.deep.equal([
        "ReadInputArtifacts",
        "LocateArtifactBucket",
        "UseArtifactKey",
        "UseSourceConnection",
      ]);
      expect(grant[3]).to.deep.equal({
        Sid: "UseSourceConnection",
        Effect: "Allow",
        Action: ["codeconnections:UseConnection"],
        Resource: [CREATED_ARN],
      });
      expect(await checkRecordedPolicies()).to.deep.equal([]);
    });
  });

  describe("connectionSource triggers", () => {
    it("declares the pipeline's V2 triggers for the source action, with every pull request event by default", async () => {
      const source = github({
        name: "GitHub",
        triggers: {
          push: [
            { branches: { includes: ["main"] } },
            { tags: { includes: ["v*"], excludes: ["v*-rc*"] } },
            { branches: { includes: ["release/**"] }, filePaths: { excludes: ["docs/**"] } },
          ],
          pullRequest: [
            { branches: { includes: ["main"] } },
            { events: ["CLOSED"], branches: { excludes: ["wip/**"] }, filePaths: { includes: ["src/**"] } },
          ],
        },
      });
      await loadedPipeline({ stages: stagesWith(source) });
      expect(findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs.triggers).to.deep.equal([
        {
          providerType: "CodeStarSourceConnection",
          gitConfiguration: {
            sourceActionName: "GitHub",
            pushes: [
              { branches: { includes: ["main"] } },
              { tags: { includes: ["v*"], excludes: ["v*-rc*"] } },
              { branches: { includes: ["release/**"] }, filePaths: { excludes: ["docs/**"] } },
            ],
            pullRequests: [
              { events: ["OPEN", "UPDATED", "CLOSED"], branches: { includes: ["main"] } },
              { events: ["CLOSED"], branches: { excludes: ["wip/**"] }, filePaths: { includes: ["src/**"] } },
            ],
          },
        },
      ]);
      expect(sourceDeclaration().configuration.DetectChanges).to.equal("true");
    });

    it("declares one trigger per source that has triggers, in stage order", async () => {
      const stages: StageArgs[] = [
        {
          name: "Source",
          actions: [
            github({ name: "App", output: "App", triggers: { push: [{ tags: { includes: ["v*"] } }] } }),
            connectionSourceAction({ name: "Infra", connectionArn: GIVEN_ARN, repository: "octo-org/infra", output: "Infra" }),
          ],
        },
        { name: "Build", actions: [build({ inputs: ["App", "Infra"] })] },
      ];
      await loadedPipeline({ stages });
      expect(findResource("aws:codepipeline/pipeline:Pipeline", "app-pipeline").inputs.triggers).to.deep.equal([
        {
          providerType: "CodeStarSourceConnection",
          gitConfiguration: { sourceActionName: "App", pushes: [{ tags: { includes: ["v*"] } }] },
        },
      ]);
    });
  });

  describe("connectionSource validation", () => {
    const P = "stages[0].actions[0]";
    const nine = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    const cases: [string, ReturnType<typeof connectionSourceAction>, string, Partial<PipelineArgs>?][] = [
      [
        "neither connection",
        connectionSourceAction({ repository: "o/r" }),
        `\`${P}\` must set exactly one of \`connectionArn\` and \`createConnection\`, got none.`,
      ],
      [
        "both connections",
        github({ connectionArn: GIVEN_ARN }),
        `\`${P}\` must set exactly one of \`connectionArn\` and \`createConnection\`, got both.`,
      ],
      [
        "a connection ARN of another service",
        connectionSourceAction({ connectionArn: "arn:aws:codecommit:us-east-1:123456789012:app", repository: "o/r" }),
        `\`${P}.connectionArn\` must be a connection ARN ("arn:aws:codeconnections:<region>:<account>:connection/<id>" or the older "codestar-connections" form), got "arn:aws:codecommit:us-east-1:123456789012:app".`,
      ],
      [
        "an unsupported provider",
        github({ createConnection: { providerType: "GitHubEnterpriseServer" as never } }),
        `\`${P}.createConnection.providerType\` must be one of GitHub, GitLab, Bitbucket, got "GitHubEnterpriseServer". For GitHub Enterprise Server or GitLab self-managed, create the connection with its host and pass \`connectionArn\`.`,
      ],
      [
        "a connection name over 32 characters",
        github({ createConnection: { providerType: "GitLab", name: "x".repeat(33) } }),
        `\`${P}.createConnection.name\` must be 1 to 32 characters, got "${"x".repeat(33)}".`,
      ],
      [
        "a repository without owner",
        github({ repository: "web-app" }),
        `\`${P}.repository\` must be the repository as "owner/name" (letters, digits, ".", "_" or "-" in each part), got "web-app".`,
      ],
      [
        "a bad branch",
        github({ branch: "a..b" }),
        `\`${P}.branch\` must be a Git branch name such as "main" or "release/1.2", got "a..b".`,
      ],
      [
        "startOnPush false with triggers",
        github({ startOnPush: false, triggers: { push: [{ branches: { includes: ["main"] } }] } }),
        `\`${P}\` sets both \`startOnPush: false\` and \`triggers\`; remove one (triggers are how the pipeline starts).`,
      ],
      [
        "empty triggers",
        github({ triggers: {} }),
        `\`${P}.triggers\` must set \`push\`, \`pullRequest\` or both; omit \`triggers\` to start on every push to \`branch\`.`,
      ],
      [
        "four push filters",
        github({ triggers: { push: [1, 2, 3, 4].map((i) => ({ branches: { includes: [`b${i}`] } })) } }),
        `\`${P}.triggers.push\` must hold 1 to 3 filters, got 4; omit it for none.`,
      ],
      [
        "no pull request filters",
        github({ triggers: { pullRequest: [] } }),
        `\`${P}.triggers.pullRequest\` must hold 1 to 3 filters, got 0; omit it for none.`,
      ],
      [
        "tags with branches",
        github({ triggers: { push: [{ branches: { includes: ["main"] }, tags: { includes: ["v*"] } }] } }),
        `\`${P}.triggers.push[0]\` combines \`tags\` with \`branches\` or \`filePaths\`, which CodePipeline refuses; put the tags in a push filter of their own.`,
      ],
      [
        "file paths without branches",
        github({ triggers: { push: [{ filePaths: { includes: ["src/**"] } }] } }),
        `\`${P}.triggers.push[0]\` must set \`branches\` or \`tags\` (\`filePaths\` needs \`branches\`).`,
      ],
      ["an empty push filter", github({ triggers: { push: [{}] } }), `\`${P}.triggers.push[0]\` must set \`branches\` or \`tags\`.`],
      [
        "patterns without includes or excludes",
        github({ triggers: { push: [{ branches: {} }] } }),
        `\`${P}.triggers.push[0].branches\` must set \`includes\`, \`excludes\` or both.`,
      ],
      [
        "nine patterns",
        github({ triggers: { push: [{ tags: { includes: nine } }] } }),
        `\`${P}.triggers.push[0].tags.includes\` must hold 1 to 8 patterns, got 9.`,
      ],
      [
        "a pattern over 255 characters",
        github({ triggers: { push: [{ branches: { excludes: ["b".repeat(256)] } }] } }),
        `\`${P}.triggers.push[0].branches.excludes\` patterns must be 1 to 255 characters, got "${"b".repeat(256)}".`,
      ],
      [
        "a pull request filter without branches",
        github({ triggers: { pullRequest: [{ filePaths: { includes: ["src/**"] } } as never] } }),
        `\`${P}.triggers.pullRequest[0].branches\` is required: a pull request filter names the destination branches (add \`filePaths\` to narrow it further).`,
      ],
      [
        "an unknown pull request event",
        github({ triggers: { pullRequest: [{ events: ["MERGED" as never], branches: { includes: ["main"] } }] } }),
        `\`${P}.triggers.pullRequest[0].events\` must hold events from OPEN, UPDATED, CLOSED, got "MERGED".`,
      ],
      [
        "a repeated pull request event",
        github({ triggers: { pullRequest: [{ events: ["OPEN", "OPEN"], branches: { includes: ["main"] } }] } }),
        `\`${P}.triggers.pullRequest[0].events\` lists "OPEN" twice.`,
      ],
      [
        "no pull request events",
        github({ triggers: { pullRequest: [{ events: [], branches: { includes: ["main"] } }] } }),
        `\`${P}.triggers.pullRequest[0].events\` must hold 1 to 3 of OPEN, UPDATED, CLOSED; omit it for all three.`,
      ],
      [
        "triggers in a V1 pipeline",
        github({ triggers: { push: [{ branches: { includes: ["main"] } }] } }),
        `\`${P}.triggers\` need \`pipelineType: "V2"\`, got "V1".`,
        { pipelineType: "V1" },
      ],
    ];
    for (const [what, source, message, extra] of cases) {
      it(`throws when given ${what}, registering nothing`, async () => {
        expect(() => new Pipeline("app", { stages: stagesWith(source), ...extra })).to.throw(message);
        await settle();
        expect(recorded.map((r) => r.type)).to.deep.equal(["aws-cicd:index:Pipeline"]);
      });
    }
  });
});
