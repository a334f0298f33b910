import * as pulumi from "@pulumi/pulumi";
import { ContextValues, fromContextAnd } from "./aws-context";

/** Host of the AWS Management Console in each partition that has a public console. */
export const CONSOLE_HOSTS: Readonly<Record<string, string>> = {
  aws: "console.aws.amazon.com",
  "aws-cn": "console.amazonaws.cn",
  "aws-us-gov": "console.amazonaws-us-gov.com",
};

/**
 * `https://<host>` of the console for a partition and region: `<region>.console.aws.amazon.com`
 * in the commercial partition (the region's own console endpoint), the partition's console host
 * elsewhere (pages then take the region from `?region=`). A partition without a public console
 * (the isolated ones) gets the commercial form. `region` may also be a pattern such as `<region>` in documentation.
 */
export function consoleOrigin(partition: string, region: string): string {
  const host = CONSOLE_HOSTS[partition];
  return host === undefined || partition === "aws" ? `https://${region}.${CONSOLE_HOSTS.aws}` : `https://${host}`;
}

/** The CodePipeline console page `page` (e.g. `view`) of a pipeline, for the given partition and region. */
export function pipelineConsoleUrl(partition: string, region: string, pipelineName: string, page: string): string {
  return `${consoleOrigin(partition, region)}/codesuite/codepipeline/pipelines/${pipelineName}/${page}?region=${region}`;
}

/**
 * {@link pipelineConsoleUrl} with values known only after deployment: the partition and region of
 * `ctx`, one {@link fromContextAnd} over the context and the name.
 */
export function pipelineConsoleUrlOutput(ctx: ContextValues, pipelineName: pulumi.Input<string>, page: string): pulumi.Output<string> {
  return fromContextAnd(ctx, pipelineName, (c, n) => pipelineConsoleUrl(c.partition, c.region, n, page));
}
