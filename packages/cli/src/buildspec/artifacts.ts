/**
 * The UPLOAD_ARTIFACTS phase of a local build: the primary artifact and each secondary
 * artifact become one ZIP each in the output directory, honoring `files`,
 * `base-directory`, `discard-paths` and `exclude-paths`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { BuildSpecArtifactFiles, BuildSpecArtifacts } from "aws-cicd/buildspec";
import { selectArtifactFiles } from "./glob";
import { writeZip } from "./zip";

/** Zip name of the primary artifact when the buildspec gives no `name`. */
export const DEFAULT_PRIMARY_ARTIFACT_NAME = "primary";

/** A written artifact. */
export interface WrittenArtifact {
  /** `primary` or the secondary artifact's identifier. */
  id: string;
  /** The ZIP's path. */
  file: string;
  /** Entry names, in order. */
  entries: string[];
  /** Symbolic links left out because they lead outside the source directory (or nowhere). */
  skipped: string[];
}

/** Whether `target` is `root` or lies under it (both absolute, already resolved). */
function isWithin(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** `p` with symbolic links resolved, as far as it exists (the missing rest appended). */
export function realPathSoFar(p: string): string {
  const missing: string[] = [];
  let at = path.resolve(p);
  for (;;) {
    try {
      return path.join(fs.realpathSync(at), ...missing.reverse());
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return path.join(at, ...missing.reverse());
      missing.push(path.basename(at));
      at = parent;
    }
  }
}

/**
 * Throws when `target` (an output path) is not inside `root` once symbolic links are resolved:
 * a local build writes only under its working directory.
 */
export function assertWithin(root: string, target: string, what: string): void {
  if (!isWithin(realPathSoFar(root), realPathSoFar(target))) {
    throw new Error(`${what} ${target} is outside ${root}; a local build writes only inside its working directory. Give a path inside it.`);
  }
}

/** The files of a directory walk: those to zip, and symbolic links skipped because they lead out of the source. */
export interface ListedFiles {
  files: string[];
  /** Links (relative paths) whose target is outside the source directory or missing. */
  skipped: string[];
}

/**
 * Every regular file under `dir`, relative and `/`-separated. A symbolic link to a file is
 * included only when its target is inside `root` (the source directory); links to directories
 * are not followed.
 */
export function listFiles(dir: string, root: string = dir): ListedFiles {
  const out: ListedFiles = { files: [], skipped: [] };
  const realRoot = realPathSoFar(root);
  const walk = (sub: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) out.files.push(rel);
      else if (entry.isSymbolicLink()) {
        const full = path.join(dir, rel);
        const stat = fs.statSync(full, { throwIfNoEntry: false });
        if (stat?.isFile() && isWithin(realRoot, realPathSoFar(full))) out.files.push(rel);
        else if (!stat?.isDirectory()) out.skipped.push(rel);
      }
    }
  };
  if (fs.existsSync(dir)) walk("");
  return out;
}

/** A name safe as a file name: the artifact identifier or `name` with path separators replaced. */
function zipFileName(name: string): string {
  return `${name.replace(/[/\\]/g, "_")}.zip`;
}

/** Writes one artifact; throws when its files match nothing. */
export function writeArtifact(id: string, spec: BuildSpecArtifactFiles, srcDir: string, outDir: string): WrittenArtifact {
  const baseDir = path.resolve(srcDir, spec["base-directory"] ?? ".");
  if (!isWithin(realPathSoFar(srcDir), realPathSoFar(baseDir))) {
    throw new Error(
      `Artifact ${id}: \`base-directory\` "${spec["base-directory"]}" is outside the source directory; use a path inside it.`,
    );
  }
  // The output directory may sit inside the sources (the default ./.aws-cicd/artifacts): never zip earlier artifacts.
  const outRel = path.relative(baseDir, outDir).split(path.sep).join("/");
  const inOut = (f: string): boolean =>
    !outRel.startsWith("..") && !path.isAbsolute(outRel) && (outRel === "" || f === outRel || f.startsWith(`${outRel}/`));
  const listed = listFiles(baseDir, srcDir);
  const candidates = listed.files.filter((f) => !inOut(f));
  const selected = selectArtifactFiles(candidates, spec.files, spec["exclude-paths"] ?? [], spec["discard-paths"] === "yes");
  if (selected.length === 0) {
    throw new Error(
      `Artifact ${id}: no file matches \`files\` (${spec.files.join(", ")}) under ${baseDir}; check the patterns and \`base-directory\`.`,
    );
  }
  const zip = writeZip(
    selected.map((f) => {
      const full = path.join(baseDir, f.path);
      const stat = fs.statSync(full);
      return { name: f.entryName, data: fs.readFileSync(full), modified: stat.mtime, mode: stat.mode & 0o777 };
    }),
  );
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, zipFileName(id === DEFAULT_PRIMARY_ARTIFACT_NAME ? (spec.name ?? id) : id));
  if (fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) {
    throw new Error(`Artifact ${id}: ${file} is a symbolic link; a local build does not write through links. Remove it.`);
  }
  fs.writeFileSync(file, zip);
  const skipped = listed.skipped.filter((f) => selectArtifactFiles([f], spec.files, spec["exclude-paths"] ?? []).length > 0);
  return { id, file, entries: selected.map((f) => f.entryName), skipped };
}

/** Writes the primary artifact (if it has `files`) and every secondary artifact. */
export function writeArtifacts(artifacts: BuildSpecArtifacts | undefined, srcDir: string, outDir: string): WrittenArtifact[] {
  if (!artifacts) return [];
  const out: WrittenArtifact[] = [];
  if (artifacts.files?.length) out.push(writeArtifact(DEFAULT_PRIMARY_ARTIFACT_NAME, artifacts, srcDir, outDir));
  for (const [id, secondary] of Object.entries(artifacts["secondary-artifacts"] ?? {})) {
    out.push(writeArtifact(id, secondary, srcDir, outDir));
  }
  return out;
}
