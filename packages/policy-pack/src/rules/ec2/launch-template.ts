/**
 * True for an instance launched from a launch template (`launchTemplate`): a setting the instance
 * leaves out comes from the template, which the same rule judges.
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-launch-templates.html
 */
export function heldOnLaunchTemplate(type: string, props: Record<string, any>): boolean {
  return type === "aws:ec2/instance:Instance" && !!props.launchTemplate;
}
