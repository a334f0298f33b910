/** Reads Elastic Beanstalk option settings (`settings: [{ namespace, name, value }]`). */
export function settingOf(props: Record<string, any>, namespace: string, name: string): string | undefined {
  const list = Array.isArray(props.settings) ? props.settings : [];
  const s = list.find((x: any) => x?.namespace === namespace && x.name === name);
  return s === undefined || s.value === undefined || s.value === null ? undefined : String(s.value);
}

/**
 * True when an environment does not set the option itself but names a configuration template
 * (`templateName`): the template holds it, and the same rule judges the template.
 * https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/command-options.html#configuration-options-precedence
 */
export function fromTemplate(props: Record<string, any>, namespace: string, name: string): boolean {
  return settingOf(props, namespace, name) === undefined && typeof props.templateName === "string" && props.templateName.length > 0;
}

/** The resource types the Elastic Beanstalk rules judge (environments; templates carry the same settings). */
export const BEANSTALK_TYPES = [
  "aws:elasticbeanstalk/environment:Environment",
  "aws:elasticbeanstalk/configurationTemplate:ConfigurationTemplate",
];
