/** Fixed answers to the invokes the library and common programs make. */
import type { EngineIdentity } from "./identity";

/** The solution stack every `getSolutionStack` receives. */
export const MOCK_SOLUTION_STACK = "64bit Amazon Linux 2023 v6.6.0 running Node.js 22";

/** The value every `ssm.getParameter` receives (programs read AMI ids this way). */
export const MOCK_PARAMETER_VALUE = "ami-0123456789abcdef0";

/** The answer to invoke `token`, or `undefined` when the engine has none. */
export function invokeAnswer(token: string, inputs: Record<string, any>, who: EngineIdentity): Record<string, any> | undefined {
  const { account, region, partition } = who;
  switch (token) {
    case "aws:index/getCallerIdentity:getCallerIdentity":
      return { accountId: account, arn: `arn:${partition}:iam::${account}:user/synth`, userId: "AIDASYNTH", id: account };
    case "aws:index/getRegion:getRegion":
      return { name: region, region, endpoint: `ec2.${region}.amazonaws.com`, description: region, id: region };
    case "aws:index/getPartition:getPartition":
      return { partition, dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws", id: partition };
    case "aws:ssm/getParameter:getParameter":
      return {
        name: inputs.name,
        arn: `arn:${partition}:ssm:${region}:${account}:parameter${inputs.name}`,
        type: "String",
        value: MOCK_PARAMETER_VALUE,
        insecureValue: MOCK_PARAMETER_VALUE,
        version: 1,
        id: inputs.name,
      };
    case "aws:elasticbeanstalk/getSolutionStack:getSolutionStack":
      return { name: MOCK_SOLUTION_STACK, nameRegex: inputs.nameRegex, mostRecent: true, id: "stack" };
    default:
      return undefined;
  }
}

/** The error a strict engine throws for an invoke it cannot answer. */
export function unansweredInvokeMessage(token: string): string {
  return (
    `The mock engine has no answer for invoke ${token} (strict mode, as in tests). ` +
    "Add an answer in packages/cli/src/engine/invokes.ts, or create the engine with `strict: false` to give the program an empty result."
  );
}
