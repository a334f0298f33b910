import { settle } from "./unwrap";

/**
 * Runs `body` (which constructs components), waits until the mock engine has answered, and returns
 * the distinct messages of the rejections nobody handled: a registration whose input Output
 * rejected (an argument checked when it resolved) surfaces this way, and fails a real deployment.
 */
export async function failedRegistrations(body: () => void): Promise<string[]> {
  const seen: string[] = [];
  const listener = (reason: unknown) => seen.push(reason instanceof Error ? reason.message : String(reason));
  process.prependListener("unhandledRejection", listener);
  try {
    body();
    await settle();
    await settle();
  } finally {
    process.removeListener("unhandledRejection", listener);
  }
  return [...new Set(seen)];
}
