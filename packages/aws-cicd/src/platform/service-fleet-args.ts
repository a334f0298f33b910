import { ServiceDefaults, ServicesFile } from "./services-types";

/** Tag keys every resource of a fleet carries (the inventory reads them back). */
export const FleetTag = {
  /** The preset's name. */
  Preset: "aws-cicd:preset",
  /** The preset's version the service runs (the file's, or its team's pin). */
  PresetVersion: "aws-cicd:preset-version",
  /** The aws-cicd library version that stamped it. */
  LibraryVersion: "aws-cicd:library-version",
  /** The owning team. */
  Team: "aws-cicd:team",
  /** The service. */
  Service: "aws-cicd:service",
} as const;
/** One of {@link FleetTag}. */
export type FleetTag = (typeof FleetTag)[keyof typeof FleetTag];

/** The preset name used when neither the file nor `presets` names one. */
export const DEFAULT_PRESET_NAME = "aws-cicd-default";
/** The preset version used when neither the file nor `presets` names one. */
export const DEFAULT_PRESET_VERSION = "0.0.0";

/**
 * One version of a platform team's preset: the defaults its services get, below the file's own
 * `defaults`. A preset package (an npm package on top of aws-cicd) exports its versions as a list
 * of these, so that a team can stay on an older one while it upgrades.
 */
export interface PresetDefinition {
  /** The preset's name (the file's `preset.name`). */
  name: string;
  /** Its version (semantic versioning). */
  version: string;
  /** What every service of this version gets unless the file or the service sets its own. */
  defaults: ServiceDefaults;
}

/** Arguments of {@link ServiceFleet}: the services file as a path or as an object (set exactly one). */
export interface ServiceFleetArgs {
  /**
   * Path of the services file (YAML), read when the program runs; errors name its line and column.
   * @default - unset: give `services`.
   */
  servicesFile?: string;
  /**
   * The services file as an object (the typed form), checked like the file.
   * @default - unset: give `servicesFile`.
   */
  services?: ServicesFile;
  /**
   * The preset's versions, from the platform team's preset package. The file's `preset` and each
   * team's `presetVersion` must name one of them; its `defaults` come first in the merge.
   * @default - none: the file's `preset` is only a label.
   */
  presets?: PresetDefinition[];
  /**
   * Tags of every resource, besides the fleet's own (`FleetTag`), which win on conflict.
   * @default - only the fleet's tags.
   */
  tags?: Record<string, string>;
}
