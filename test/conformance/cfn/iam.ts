import { RecordedResource } from "../../harness/mocks";
import { defined, pick, policyJson, ServiceTranslations, TranslateContext } from "./context";

const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const POLICIES_EXCLUSIVE = "aws:iam/rolePoliciesExclusive:RolePoliciesExclusive";
const ATTACHMENTS_EXCLUSIVE = "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive";

/** The role with its inline policies (`RolePolicy`) in `Policies` and its attachments in `ManagedPolicyArns`. */
function role(r: RecordedResource, ctx: TranslateContext) {
  const self = ctx.logicalId(r);
  const name: string = r.state.name;
  const inline = ctx.claim(ROLE_POLICY, "role", name);
  const attached = ctx.claim(ATTACHMENT, "role", name);
  ctx.claim(POLICIES_EXCLUSIVE, "roleName", name);
  ctx.claim(ATTACHMENTS_EXCLUSIVE, "roleName", name);
  const managed = [...(r.inputs.managedPolicyArns ?? []), ...attached.map((a) => a.inputs.policyArn)];
  const policies = [
    ...(r.inputs.inlinePolicies ?? []).map((p: any) => ({ name: p.name, policy: p.policy })),
    ...inline.map((p) => ({ name: p.inputs.name ?? p.name, policy: p.inputs.policy })),
  ];
  return {
    Type: "AWS::IAM::Role",
    Properties: defined({
      ...pick(r.inputs, { name: "RoleName", description: "Description", maxSessionDuration: "MaxSessionDuration", path: "Path" }),
      AssumeRolePolicyDocument: ctx.link(policyJson(r.inputs.assumeRolePolicy), self),
      PermissionsBoundary: ctx.link(r.inputs.permissionsBoundary),
      Policies: policies.length
        ? policies.map((p) => ({ PolicyName: p.name, PolicyDocument: ctx.link(policyJson(p.policy), self) }))
        : undefined,
      ManagedPolicyArns: managed.length ? managed.map((arn) => ctx.link(arn)) : undefined,
    }),
  };
}

/** IAM: roles (inline policies and attachments folded in), instance profiles and customer managed policies. */
export const iam: ServiceTranslations = {
  "aws:iam/role:Role": {
    exposes: (r) => [
      [r.state.arn, "Arn"],
      [r.state.name, "Ref"],
    ],
    translate: role,
  },
  [ROLE_POLICY]: { translate: "folded" },
  [ATTACHMENT]: { translate: "folded" },
  [POLICIES_EXCLUSIVE]: { translate: "folded" },
  [ATTACHMENTS_EXCLUSIVE]: { translate: "folded" },
  "aws:iam/instanceProfile:InstanceProfile": {
    exposes: (r) => [
      [r.state.arn, "Arn"],
      [r.state.name, "Ref"],
    ],
    translate: (r, ctx) => ({
      Type: "AWS::IAM::InstanceProfile",
      Properties: defined({ ...pick(r.inputs, { name: "InstanceProfileName", path: "Path" }), Roles: [ctx.link(r.inputs.role)] }),
    }),
  },
  "aws:iam/policy:Policy": {
    // Ref of AWS::IAM::ManagedPolicy is the policy ARN.
    exposes: (r) => [[r.state.arn, "Ref"]],
    translate: (r, ctx) => ({
      Type: "AWS::IAM::ManagedPolicy",
      Properties: defined({
        ...pick(r.inputs, { name: "ManagedPolicyName", description: "Description", path: "Path" }),
        PolicyDocument: ctx.link(policyJson(r.inputs.policy)),
      }),
    }),
  },
};
