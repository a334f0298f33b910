// A small self-contained mock engine for the benchmarks: answers every registration with its
// inputs plus a name and an ARN, and the few invokes the library makes, and counts what it saw.
import * as pulumi from "@pulumi/pulumi";

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";

/** What the engine saw: one entry per registered resource (its type token). */
export const registeredTypes: string[] = [];

const answers: Record<string, (inputs: Record<string, any>) => Record<string, unknown>> = {
  "aws:index/getCallerIdentity:getCallerIdentity": () => ({
    accountId: ACCOUNT,
    arn: `arn:aws:iam::${ACCOUNT}:user/bench`,
    userId: "AIDABENCH",
    id: ACCOUNT,
  }),
  "aws:index/getRegion:getRegion": () => ({ name: REGION, region: REGION, id: REGION }),
  "aws:index/getPartition:getPartition": () => ({ partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" }),
  "aws:ssm/getParameter:getParameter": (i) => ({
    name: i.name,
    type: "String",
    value: "ami-0123456789abcdef0",
    insecureValue: "ami-0123456789abcdef0",
    version: 1,
    id: i.name,
  }),
  "aws:elasticbeanstalk/getSolutionStack:getSolutionStack": (i) => ({
    name: "64bit Amazon Linux 2023 v6.6.0 running Node.js 22",
    nameRegex: i.nameRegex,
    mostRecent: true,
    id: "stack",
  }),
};

/** Installs the mocks; call before the library or the program is loaded. `onInputs` sees each registration's resolved inputs. */
export function installBenchMocks(onInputs?: (inputs: Record<string, any>) => void): void {
  pulumi.runtime.setMocks(
    {
      newResource(args: pulumi.runtime.MockResourceArgs) {
        registeredTypes.push(args.type);
        onInputs?.(args.inputs);
        const name: string = args.inputs.name ?? args.name;
        const service = args.type.split(":")[1]?.split("/")[0] ?? "unknown";
        const arn = service === "iam" ? `arn:aws:iam::${ACCOUNT}:role/${name}` : `arn:aws:${service}:${REGION}:${ACCOUNT}:${name}`;
        return { id: `${args.name}-id`, state: { ...args.inputs, name, arn } };
      },
      call(args: pulumi.runtime.MockCallArgs) {
        const answer = answers[args.token];
        if (answer === undefined) throw new Error(`The bench mock engine has no answer for invoke ${args.token}.`);
        return answer(args.inputs);
      },
    },
    "aws-cicd-bench",
    "bench",
    false,
  );
}

/** Resolves every exported Output and waits until the engine has answered every registration. */
export async function settleProgram(exported: Record<string, unknown>): Promise<void> {
  for (const value of Object.values(exported)) {
    await new Promise((resolve) => (pulumi.output(value) as pulumi.Output<unknown>).apply(resolve));
  }
  await pulumi.runtime.disconnect();
}
