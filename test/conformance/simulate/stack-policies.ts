import { ACCOUNT, RecordedResource } from "../../harness/mocks";
import { PROD_ACCOUNT } from "../../examples/example-config";

/** A raw IAM policy document as the stack renders it (parsed JSON, statements untouched). */
export type PolicyDocument = { Version: string; Statement: Record<string, any>[] };

const parse = (policy: string | PolicyDocument): PolicyDocument => (typeof policy === "string" ? JSON.parse(policy) : policy);

/**
 * Reads the policies of one captured stack: the identity policies of a role, and the resource
 * policy that governs a request on an ARN (bucket, key, topic policy or a role's trust policy).
 */
export class StackPolicies {
  constructor(
    readonly name: string,
    readonly resources: RecordedResource[],
  ) {}

  private ofType(type: string): RecordedResource[] {
    return this.resources.filter((r) => r.type === type);
  }

  /** The role with logical name `name`; throws, listing the roles, when it is absent. */
  role(name: string): RecordedResource {
    const roles = this.ofType("aws:iam/role:Role");
    const found = roles.filter((r) => r.name === name);
    if (found.length !== 1) throw new Error(`${this.name} has no role "${name}". Roles: ${roles.map((r) => r.name).join(", ")}.`);
    return found[0];
  }

  /** The inline policies of a role and the customer managed policies attached to it, named for the simulator. */
  identityPolicies(role: RecordedResource): { name: string; policy: PolicyDocument }[] {
    const inline = this.ofType("aws:iam/rolePolicy:RolePolicy")
      .filter((p) => p.inputs.role === role.state.name)
      .map((p) => ({ name: p.name, policy: parse(p.inputs.policy) }));
    const attachedArns = this.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")
      .filter((a) => a.inputs.role === role.state.name)
      .map((a) => a.inputs.policyArn as string);
    const attached = this.ofType("aws:iam/policy:Policy")
      .filter((p) => attachedArns.includes(p.state.arn))
      .map((p) => ({ name: p.name, policy: parse(p.inputs.policy) }));
    return [...inline, ...attached];
  }

  /** The resource policy AWS evaluates for `action` on `arn`, when the stack created one. */
  resourcePolicy(action: string, arn: string): PolicyDocument | undefined {
    if (arn.startsWith("arn:aws:s3:::")) {
      const bucket = arn.slice("arn:aws:s3:::".length).split("/")[0];
      const p = this.ofType("aws:s3/bucketPolicy:BucketPolicy").find((r) => r.inputs.bucket === bucket);
      return p && parse(p.inputs.policy);
    }
    if (arn.includes(":kms:")) {
      const k = this.ofType("aws:kms/key:Key").find((r) => r.state.arn === arn);
      return k && parse(k.inputs.policy);
    }
    if (arn.includes(":sns:")) {
      const t = this.ofType("aws:sns/topicPolicy:TopicPolicy").find((r) => r.inputs.arn === arn);
      return t && parse(t.inputs.policy);
    }
    if (action.startsWith("sts:")) {
      const r = this.ofType("aws:iam/role:Role").find((x) => x.state.arn === arn);
      return r && parse(r.inputs.assumeRolePolicy);
    }
    return undefined;
  }
}

/** Drops the statement with `sid` from a document (to show that the other side alone does not grant). */
export function withoutStatement(doc: PolicyDocument, sid: string): PolicyDocument {
  const kept = doc.Statement.filter((s) => s.Sid !== sid);
  if (kept.length === doc.Statement.length)
    throw new Error(`No statement "${sid}" to remove; Sids: ${doc.Statement.map((s) => s.Sid).join(", ")}.`);
  return { ...doc, Statement: kept };
}

/**
 * The mocks answer every provider with ACCOUNT, so a cross-account program's prod resources
 * come back in the tools account. This puts them where AWS would: every resource created with
 * the provider named `providerName` moves to `account` (its ARNs, and the ARNs its documents
 * write for its own account), while the tools ARNs its documents name (pipeline role, key...)
 * stay in ACCOUNT; the tools documents then name the prod resources by their prod ARNs.
 */
export function rehomeProvider(resources: RecordedResource[], providerName: string, account = PROD_ACCOUNT): RecordedResource[] {
  const provider = resources.find((r) => r.type === "pulumi:providers:aws" && r.name === providerName);
  if (!provider) throw new Error(`No provider "${providerName}" in the stack.`);
  const isProd = (r: RecordedResource) => (r.provider ?? "").startsWith(`${provider.urn}::`);
  const arnsOf = (list: RecordedResource[]) =>
    list
      .map((r) => r.state.arn as string | undefined)
      .filter((a): a is string => typeof a === "string" && a.includes(ACCOUNT))
      .sort((a, b) => b.length - a.length);
  const toolsArns = arnsOf(resources.filter((r) => !isProd(r)));
  const prodArns = arnsOf(resources.filter(isProd));
  const moveAccount = (s: string) => s.split(ACCOUNT).join(account);
  return resources.map((r) => {
    let json = JSON.stringify(r);
    if (isProd(r)) {
      // Keep the tools ARNs the prod documents name, move everything else to the prod account.
      const kept: string[] = [];
      for (const arn of toolsArns) {
        json = json.split(arn).join(`@@tools${kept.length}@@`);
        kept.push(arn);
      }
      json = moveAccount(json);
      kept.forEach((arn, i) => (json = json.split(`@@tools${i}@@`).join(arn)));
    } else {
      for (const arn of prodArns) json = json.split(arn).join(moveAccount(arn));
    }
    return JSON.parse(json) as RecordedResource;
  });
}
