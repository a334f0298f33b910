/** Reads Elastic Beanstalk option settings (`settings: [{ namespace, name, value }]`). */
export function settingOf(props: Record<string, any>, namespace: string, name: string): string | undefined {
  const list = Array.isArray(props.settings) ? props.settings : [];
  const s = list.find((x: any) => x?.namespace === namespace && x?.name === name);
  return s === undefined || s.value === undefined || s.value === null ? undefined : String(s.value);
}

/** The resource types the Elastic Beanstalk rules judge (environments; templates carry the same settings). */
export const BEANSTALK_TYPES = [
  "aws:elasticbeanstalk/environment:Environment",
  "aws:elasticbeanstalk/configurationTemplate:ConfigurationTemplate",
];
