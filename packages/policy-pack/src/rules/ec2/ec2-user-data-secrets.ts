import { ACCESS_KEY_ID_PATTERN, plaintextSecretReason } from "aws-cicd/checks";
import { resourceRule } from "../rule";

/** `NAME=value`, `export NAME=value`, `NAME: value` lines. */
const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*[=:]\s*["']?([^"'\s]*)["']?\s*$/;

function decoded(props: Record<string, any>, type: string): string {
  const b64 = type === "aws:ec2/launchTemplate:LaunchTemplate" ? props.userData : props.userDataBase64;
  if (typeof b64 === "string") return Buffer.from(b64, "base64").toString("utf8");
  return typeof props.userData === "string" ? props.userData : "";
}

/** Why the user data looks like it holds a secret (same detection as BuildProject's plaintext check). */
export function userDataSecretReason(text: string): string | undefined {
  if (ACCESS_KEY_ID_PATTERN.test(text)) return "it contains an AWS access key id";
  for (const line of text.split(/\r?\n/)) {
    const m = ASSIGNMENT.exec(line);
    const reason = m ? plaintextSecretReason(m[1], m[2]) : undefined;
    if (m && reason) return `"${m[1]}" is set in it and ${reason}`;
  }
  return undefined;
}

export const ec2UserDataSecrets = resourceRule(
  {
    id: "aws-cicd-ec2-user-data-secrets",
    service: "ec2",
    description: "Launch template and instance user data holds no credentials or secrets.",
    severity: "critical",
    remediation:
      "Read secrets at boot from SSM Parameter Store or Secrets Manager with the instance role; never write them into user data.",
    tier: "baseline",
    references: { checkov: ["CKV_AWS_46"] },
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/instance:Instance"],
  (props, report, _c, args) => {
    const reason = userDataSecretReason(decoded(props, args.type));
    if (reason) report(`EC2 user data looks like it holds a secret: ${reason}.`);
  },
);
