// Every role the components create, found in the stacks the conformance suites run, with its
// trust policy, managed policies and inline statements.
import { RecordedResource } from "../harness/mocks";
import { statementsOf, Statement } from "../harness/find";
import { ConformanceStack } from "../conformance/stacks";

/** A kind of role: which component makes it, and how its logical name ends. */
export interface RoleKind {
  title: string;
  component: string;
  suffix: RegExp;
  /** What the role is for, one sentence. */
  purpose: string;
}

/** Every kind of role the components create. A role of no kind fails the ledger: add its kind here. */
export const ROLE_KINDS: RoleKind[] = [
  {
    title: "EventBridge start role",
    component: "Pipeline",
    suffix: /-trigger-role$/,
    purpose: "EventBridge assumes it to start the pipeline on a source event.",
  },
  { title: "Pipeline role", component: "Pipeline", suffix: /-role$/, purpose: "CodePipeline runs the pipeline and its actions with it." },
  {
    title: "CodeBuild service role",
    component: "BuildProject",
    suffix: /-role$/,
    purpose:
      "CodeBuild runs the project's builds with it; pipelines add their artifact access: the bucket and key policies of a store a pipeline creates name the role (see Grants in resource policies), a store you pass is granted by the statements below.",
  },
  {
    title: "Elastic Beanstalk instance role",
    component: "BeanstalkTarget",
    suffix: /-instance-role$/,
    purpose: "The environment's EC2 instances run with it.",
  },
  {
    title: "Elastic Beanstalk service role",
    component: "BeanstalkTarget",
    suffix: /-service-role$/,
    purpose: "Elastic Beanstalk manages the environment with it.",
  },
  {
    title: "CodeDeploy service role",
    component: "Ec2FleetTarget",
    suffix: /-service-role$/,
    purpose: "CodeDeploy deploys to the fleet with it.",
  },
  {
    title: "CodeDeploy instance role",
    component: "Ec2FleetTarget",
    suffix: /-instance-role$/,
    purpose: "The fleet's EC2 instances run with it.",
  },
  {
    title: "CodeDeploy Lambda service role",
    component: "LambdaTarget",
    suffix: /-service-role$/,
    purpose: "CodeDeploy shifts the alias's traffic, reads the rollback alarms and invokes the hooks with it.",
  },
  {
    title: "CodeDeploy ECS service role",
    component: "EcsServiceTarget",
    suffix: /-codedeploy-role$/,
    purpose: "CodeDeploy shifts the ECS service's traffic between its blue and green task sets with it.",
  },
  {
    title: "ECS task execution role",
    component: "EcsServiceTarget",
    suffix: /-execution-role$/,
    purpose: "ECS pulls the created service's image and writes its container logs with it.",
  },
  {
    title: "ECS task role",
    component: "EcsServiceTarget",
    suffix: /-task-role$/,
    purpose: "The created service's containers run with it; it holds no permission until you attach what the application needs.",
  },
  {
    title: "Cross-account deploy role",
    component: "CrossAccountDeployRole",
    suffix: /-role$/,
    purpose: "The pipeline role assumes it in the target account to run a deploy action.",
  },
  {
    title: "Pulumi deploy role",
    component: "PulumiStack",
    suffix: /-deploy$/,
    purpose:
      "The PulumiStack's build roles assume it (and only it) to deploy the stack; its permissions are the policies you pass, within your permissions boundary.",
  },
  {
    title: "Pulumi self-update deploy role",
    component: "PulumiSelfUpdate",
    suffix: /-deploy$/,
    purpose:
      "The PulumiSelfUpdate's build role assumes it (and only it) to update the pipeline's own stack; its permissions are the policies you pass, within your permissions boundary.",
  },
  {
    title: "Repository cross-account role",
    component: "CodeCommitRepo",
    suffix: /-cross-account-\d+$/,
    purpose: "Named principals of other accounts assume it to pull, read or push.",
  },
];

/** The component class of a resource's parent, from its parent URN (`...::aws-cicd:index:Pipeline::name`). */
export function parentComponent(r: RecordedResource): string | undefined {
  const m = /aws-cicd:index:([A-Za-z0-9]+)::[^:]*$/.exec(r.parent ?? "");
  return m?.[1];
}

/** The kind of a role; throws for a role the ledger does not know. */
export function roleKindOf(role: RecordedResource): RoleKind {
  const component = parentComponent(role);
  const kind = ROLE_KINDS.find((k) => k.component === component && k.suffix.test(role.name));
  if (kind === undefined)
    throw new Error(
      `Role ${role.name} (under ${component ?? "no component"}) has no kind in the permission ledger (test/ledger/roles.ts).`,
    );
  return kind;
}

/** A role found in a stack, with what it holds. */
export interface FoundRole {
  kind: RoleKind;
  role: RecordedResource;
  trust: Statement[];
  inline: { policy: RecordedResource; statements: Statement[] }[];
  managed: string[];
}

/** A policy attached to a role the stack does not create (a grant to the user's role). */
export interface FoundGrant {
  /** Component and method, e.g. "Pipeline.grantApproval". */
  title: string;
  policy: RecordedResource;
  statements: Statement[];
}

const GRANT_KINDS: { component: string; suffix: RegExp; title: string }[] = [
  { component: "Pipeline", suffix: /-approvers(-\d+)?$/, title: "Pipeline.grantApproval" },
  { component: "CodeCommitRepo", suffix: /-(pull|read|push)-/, title: "CodeCommitRepo.grantPull / grantRead / grantPush" },
  { component: "Pipeline", suffix: /-project-access$/, title: "Pipeline: CodeBuild action on a project role you pass" },
  { component: "LambdaTarget", suffix: /-traffic-hook-status$/, title: "LambdaTarget: a hook's role you name (`roleName`)" },
  { component: "EcsServiceTarget", suffix: /-image-push-/, title: "EcsServiceTarget.grantImagePush" },
  { component: "EcsServiceTarget", suffix: /-hook-status$/, title: "EcsServiceTarget: a lifecycle hook's role you name (`roleName`)" },
];

/** Every role and grant of the stacks. */
export function rolesOf(stacks: ConformanceStack[]): { roles: FoundRole[]; grants: FoundGrant[] } {
  const roles: FoundRole[] = [];
  const grants: FoundGrant[] = [];
  for (const stack of stacks) {
    const of = (type: string) => stack.resources.filter((r) => r.type === type);
    // Roles and policies of the program itself (an example's own function role) are not the library's.
    const created = of("aws:iam/role:Role").filter((r) => parentComponent(r) !== undefined);
    const byName = new Map(created.map((r) => [r.state.name as string, r]));
    for (const role of created) {
      roles.push({
        kind: roleKindOf(role),
        role,
        trust: statementsOf(role.inputs.assumeRolePolicy),
        inline: [],
        managed: of("aws:iam/rolePolicyAttachment:RolePolicyAttachment")
          .filter((a) => a.inputs.role === role.state.name && /^arn:[^:]+:iam::aws:policy\//.test(String(a.inputs.policyArn)))
          .map((a) => String(a.inputs.policyArn).replace(/^arn:[^:]+:iam::aws:policy\//, "")),
      });
    }
    // Customer managed policies the components attach (large statement lists): read like inline ones,
    // by policy name (the engine registers them in no fixed order).
    const attached = of("aws:iam/rolePolicyAttachment:RolePolicyAttachment").flatMap((attachment) => {
      const policy = of("aws:iam/policy:Policy").find((p) => p.state.arn === attachment.inputs.policyArn);
      const owner = byName.get(attachment.inputs.role);
      return policy !== undefined && owner !== undefined ? [{ policy, owner }] : [];
    });
    for (const { policy, owner } of attached.sort((a, b) => a.policy.name.localeCompare(b.policy.name))) {
      roles.find((r) => r.role === owner)!.inline.push({ policy, statements: statementsOf(policy.inputs.policy) });
    }
    for (const policy of of("aws:iam/rolePolicy:RolePolicy")) {
      // The program's own policies (an example granting its application's resources) are not the library's.
      if (parentComponent(policy) === undefined) continue;
      // Nor are the documents the user passes to a Pulumi deploy role (`deployRole.inlinePolicies`):
      // the role's kind says its permissions are those policies.
      if (/^Pulumi/.test(parentComponent(policy)!) && /-deploy-inline-\d+$/.test(policy.name)) continue;
      const statements = statementsOf(policy.inputs.policy);
      const owner = byName.get(policy.inputs.role);
      if (owner !== undefined) {
        roles.find((r) => r.role === owner)!.inline.push({ policy, statements });
        continue;
      }
      const component = parentComponent(policy);
      const kind = GRANT_KINDS.find((g) => g.component === component && g.suffix.test(policy.name));
      if (kind === undefined)
        throw new Error(`Inline policy ${policy.name} on role ${policy.inputs.role} has no kind in the permission ledger.`);
      grants.push({ title: kind.title, policy, statements });
    }
  }
  return { roles, grants };
}
