import { resourceRule } from "../rule";

/** `https://user:secret@host/...` or `https://token@host/...`. */
const CREDENTIALS_IN_URL = /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]+@/i;

export const codebuildSourceNoCredentials = resourceRule(
  {
    id: "aws-cicd-codebuild-source-no-url-credentials",
    service: "codebuild",
    description: "CodeBuild source locations carry no credentials in the URL.",
    severity: "critical",
    remediation:
      "Use a CodeConnections connection or OAuth source credentials (aws.codebuild.SourceCredential) instead of user:token@ in the URL.",
    tier: "baseline",
    references: { securityHub: ["CodeBuild.1"] },
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:codebuild/project:Project"],
  (props, report) => {
    const sources = [
      ["source", props.source],
      ...(Array.isArray(props.secondarySources) ? props.secondarySources : []).map((s: unknown, i: number) => [
        `secondarySources[${i}]`,
        s,
      ]),
    ];
    for (const [path, s] of sources as [string, any][]) {
      if (typeof s?.location === "string" && CREDENTIALS_IN_URL.test(s.location))
        report(`CodeBuild \`${path}.location\` has credentials in the URL.`);
    }
  },
);
