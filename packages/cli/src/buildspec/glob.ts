/**
 * Choosing an artifact's files with the buildspec's `files` and `exclude-paths` patterns, matched
 * against `/`-separated paths relative to the artifact's base directory. The patterns and their
 * linear-time matching are the library's (`aws-cicd/buildspec`). Pure functions.
 */
import { compileGlob, matchCompiledGlob } from "aws-cicd/buildspec";

/** One file chosen for an artifact: where it is and the name it gets in the zip. */
export interface SelectedFile {
  /** Path relative to the base directory, `/`-separated. */
  path: string;
  /** Entry name in the artifact (the file name alone with `discard-paths: yes`). */
  entryName: string;
}

/**
 * The files of an artifact among `candidates` (every file under the base directory,
 * relative and `/`-separated): those matching any of `files`, minus those matching any of
 * `excludePaths`, in sorted order, named by their path or, with `discardPaths`, their
 * file name. Throws when two files would get the same name after discarding paths.
 */
export function selectArtifactFiles(
  candidates: readonly string[],
  files: readonly string[],
  excludePaths: readonly string[] = [],
  discardPaths = false,
): SelectedFile[] {
  const include = files.map(compileGlob);
  const exclude = excludePaths.map(compileGlob);
  const chosen = [...new Set(candidates)]
    .filter((p) => include.some((g) => matchCompiledGlob(g, p)) && !exclude.some((g) => matchCompiledGlob(g, p)))
    .sort();
  const seen = new Map<string, string>();
  return chosen.map((p) => {
    const entryName = discardPaths ? p.slice(p.lastIndexOf("/") + 1) : p;
    const earlier = seen.get(entryName);
    if (earlier !== undefined) {
      throw new Error(
        `\`discard-paths: yes\` gives ${earlier} and ${p} the same name "${entryName}" in the artifact; narrow \`files\` or keep the paths.`,
      );
    }
    seen.set(entryName, p);
    return { path: p, entryName };
  });
}
