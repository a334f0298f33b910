import { expect } from "chai";
import * as YAML from "yaml";
import { PulumiSelfUpdate, PulumiSelfUpdateArgs } from "../../packages/aws-cicd/src";
import { pulumiSelfUpdateBuildSpec, validatePulumiSelfUpdateArgs } from "../../packages/aws-cicd/src/pulumi";
import { ACCOUNT, findResource, policyStatementsOf, recorded, settle, statementsOf, trustStatementsOf, unwrap } from "../harness";

/**
 * `PulumiSelfUpdate`'s `deployRole`: the same option, validation and role as `PulumiStack`'s
 * (state-identity.spec.ts), with the self-update's one build role as the only trusted principal.
 */

const ARGS: PulumiSelfUpdateArgs = {
  stack: "acme/delivery/prod",
  pipelineName: "delivery",
  accessToken: { secretsManager: "pulumi-token" },
};
const POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "codepipeline:UpdatePipeline", Resource: "arn:aws:codepipeline:us-east-1:111122223333:delivery" }],
});
const CREATED: PulumiSelfUpdateArgs = {
  ...ARGS,
  deployRole: {
    inlinePolicies: [POLICY],
    managedPolicyArns: ["arn:aws:iam::111122223333:policy/pipeline-stack"],
    permissionsBoundaryArn: "arn:aws:iam::111122223333:policy/boundary",
  },
};
const DEPLOY = `arn:aws:iam::${ACCOUNT}:role/aws-cicd-test-test-self-deploy`;
const BUILD_ROLE = `arn:aws:iam::${ACCOUNT}:role/self-update-role`;
const PROFILE =
  'export AWS_CONFIG_FILE="$(mktemp -d)/config" && printf \'[profile %s]\\nrole_arn = %s\\ncredential_source = EcsContainer\\nrole_session_name = %s\\n\' aws-cicd-deploy "$PULUMI_DEPLOY_ROLE_ARN" aws-cicd-pulumi > "$AWS_CONFIG_FILE"';
const failure = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return "no error";
};

async function built(s: PulumiSelfUpdate): Promise<void> {
  await unwrap(s.projectName);
  await settle();
}

function projectVariables(): unknown {
  return findResource("aws:codebuild/project:Project", "self-update-project").inputs.environment.environmentVariables;
}

describe("PulumiSelfUpdate deployRole", () => {
  it("creates a role trusted by exactly the self-update build role, with the boundary and the policies given", async () => {
    const s = new PulumiSelfUpdate("self", CREATED);
    await built(s);
    const role = findResource("aws:iam/role:Role", "self-deploy");
    expect(role.inputs).to.deep.include({
      name: "aws-cicd-test-test-self-deploy",
      description: "Updates the Pulumi stack of PulumiSelfUpdate self (pipeline delivery); assumed by its build role only (aws-cicd).",
      maxSessionDuration: 3600,
      permissionsBoundary: "arn:aws:iam::111122223333:policy/boundary",
    });
    expect(trustStatementsOf(role)).to.deep.equal([
      { Sid: "TrustPulumiBuildRoles", Effect: "Allow", Principal: { AWS: [BUILD_ROLE] }, Action: ["sts:AssumeRole"], Resource: [] },
    ]);
    expect(findResource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "self-deploy-managed-0").inputs).to.deep.equal({
      role: "aws-cicd-test-test-self-deploy",
      policyArn: "arn:aws:iam::111122223333:policy/pipeline-stack",
    });
    expect(policyStatementsOf(role)).to.deep.equal([
      {
        Effect: "Allow",
        Action: ["codepipeline:UpdatePipeline"],
        Resource: ["arn:aws:codepipeline:us-east-1:111122223333:delivery"],
      },
    ]);
    expect(await unwrap(s.deployRoleArn!)).to.equal(DEPLOY);
  });

  it("lets the build role assume exactly the deploy role, besides restarting its pipeline, and names it in PULUMI_DEPLOY_ROLE_ARN", async () => {
    await built(new PulumiSelfUpdate("self", CREATED));
    expect(statementsOf(findResource("aws:iam/rolePolicy:RolePolicy", "self-update-pulumi-deploy").inputs.policy)).to.deep.equal([
      { Sid: "AssumePulumiDeployRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: [DEPLOY] },
    ]);
    expect(
      policyStatementsOf("self-update-role")
        .map((x) => x.Sid)
        .sort(),
    ).to.deep.equal(["AssumePulumiDeployRole", "ReadSecrets", "RestartOwnPipeline", "UseKeysThroughS3", "WriteBuildLogs"]);
    expect(projectVariables()).to.deep.equal([{ name: "PULUMI_DEPLOY_ROLE_ARN", value: DEPLOY, type: "PLAINTEXT" }]);
  });

  it("uses a named role in another account, creating no role", async () => {
    const named = "arn:aws:iam::444455556666:role/delivery-deployer";
    const s = new PulumiSelfUpdate("self", { ...ARGS, deployRole: { roleArn: named } });
    await built(s);
    expect(recorded.filter((r) => r.type === "aws:iam/role:Role").map((r) => r.name)).to.deep.equal(["self-update-role"]);
    expect(statementsOf(findResource("aws:iam/rolePolicy:RolePolicy", "self-update-pulumi-deploy").inputs.policy)).to.deep.equal([
      { Sid: "AssumePulumiDeployRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: [named] },
    ]);
    expect(projectVariables()).to.deep.equal([{ name: "PULUMI_DEPLOY_ROLE_ARN", value: named, type: "PLAINTEXT" }]);
    expect(await unwrap(s.deployRoleArn!)).to.equal(named);
  });

  it("creates no role, grants no assume and sets no variable without deployRole", async () => {
    const s = new PulumiSelfUpdate("self", ARGS);
    await built(s);
    expect(recorded.filter((r) => r.type === "aws:iam/role:Role").map((r) => r.name)).to.deep.equal(["self-update-role"]);
    expect(policyStatementsOf("self-update-role").flatMap((x) => x.Action)).to.not.include("sts:AssumeRole");
    expect([projectVariables(), s.deployRoleArn]).to.deep.equal([undefined, undefined]);
  });

  it("renders the deploy profile just before pulumi up, which gets aws:profile; the aws calls keep the build role", async () => {
    const commands = pulumiSelfUpdateBuildSpec(CREATED).phases!.build!.commands!;
    expect(commands.slice(2, 4)).to.deep.equal([
      PROFILE,
      'pulumi up --stack "$PULUMI_STACK" --cwd "$CODEBUILD_SRC_DIR/$PULUMI_WORK_DIR" --config "aws:profile=aws-cicd-deploy" --yes --non-interactive',
    ]);
    expect(commands.filter((c) => /--profile|AWS_PROFILE/.test(c))).to.deep.equal([]);
    const s = new PulumiSelfUpdate("self", CREATED);
    await built(s);
    const project = findResource("aws:codebuild/project:Project", "self-update-project").inputs;
    expect(YAML.parse(project.source.buildspec).phases.build.commands.slice(2, 4)).to.deep.equal(commands.slice(2, 4));
  });

  describe("validation, as PulumiStack's, before any child exists", () => {
    const cases: [string, PulumiSelfUpdateArgs, string][] = [
      [
        "neither a role nor policies",
        { ...ARGS, deployRole: {} },
        "`deployRole` must set exactly one of `roleArn` (an existing role) or policies for a role the component creates (`managedPolicyArns`, `inlinePolicies`), got neither.",
      ],
      [
        "administrator access without allowAdministratorAccess",
        { ...ARGS, deployRole: { managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"] } },
        '`deployRole.managedPolicyArns[0]` is "arn:aws:iam::aws:policy/AdministratorAccess", administrator access, which the deploy role never gets by default. Pass policies that grant what the stack\'s resources need, or set `deployRole.allowAdministratorAccess: true` to deploy anything in the account knowingly.',
      ],
      [
        "a created state backend",
        { ...ARGS, stateBackend: { create: true } } as PulumiSelfUpdateArgs,
        "`stateBackend` is not an argument of PulumiSelfUpdate, got one: the pipeline's stack cannot keep its state in a bucket that it creates itself (its first `pulumi up` needs the backend before the bucket exists). Keep that stack in Pulumi Cloud (`accessToken`) or in a bucket you own (`backendUrl`).",
      ],
    ];
    for (const [what, args, message] of cases) {
      it(`refuses ${what}`, () => {
        expect(failure(() => validatePulumiSelfUpdateArgs(args))).to.equal(message);
        const before = recorded.length;
        expect(failure(() => new PulumiSelfUpdate("bad", args))).to.equal(message);
        expect(recorded.slice(before).filter((r) => r.name.startsWith("bad-"))).to.deep.equal([]);
      });
    }

    it("accepts administrator access when asked explicitly", async () => {
      const admin = "arn:aws:iam::aws:policy/AdministratorAccess";
      await built(new PulumiSelfUpdate("self", { ...ARGS, deployRole: { managedPolicyArns: [admin], allowAdministratorAccess: true } }));
      expect(findResource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "self-deploy-managed-0").inputs.policyArn).to.equal(admin);
    });
  });
});
