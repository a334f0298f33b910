/**
 * Secret values as the mock engine records them: Pulumi's wire form
 * `{ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value }`, which may nest
 * (a secret inside a secret's object). The CrossGuard engine hands policies plain values, so the
 * synth policy runner unwraps them first; the report itself never prints them.
 */

/** Key of Pulumi's special-signature property in serialized values. */
export const SPECIAL_SIG_KEY = "4dabf18193072939515e22adb298388d";
/** Signature of a serialized secret. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** Whether `value` is a serialized secret wrapper. */
export function isSecretWrapper(value: unknown): value is { value: unknown } {
  return typeof value === "object" && value !== null && (value as Record<string, unknown>)[SPECIAL_SIG_KEY] === SECRET_SIG;
}

/**
 * `value` with every secret wrapper replaced by the value it holds, at any depth (arrays and
 * plain objects are copied; nothing else is touched). Iterative, so deep values cannot
 * overflow the stack.
 */
export function unwrapSecrets(value: unknown): unknown {
  const root: { v: unknown } = { v: value };
  const work: { holder: Record<string | number, unknown>; key: string | number }[] = [{ holder: root as never, key: "v" }];
  while (work.length > 0) {
    const { holder, key } = work.pop()!;
    let v = holder[key];
    while (isSecretWrapper(v)) v = v.value;
    if (Array.isArray(v)) {
      const copy = [...v];
      copy.forEach((_, i) => work.push({ holder: copy as never, key: i }));
      v = copy;
    } else if (typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype) {
      const copy: Record<string, unknown> = { ...(v as Record<string, unknown>) };
      Object.keys(copy).forEach((k) => work.push({ holder: copy, key: k }));
      v = copy;
    }
    holder[key] = v;
  }
  return root.v;
}
