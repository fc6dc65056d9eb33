/** A zod error callback for the `risk` input: "required" when the field is missing, else "expected <what>". */
export function expected(what: string): (issue: { input?: unknown }) => string {
  return (issue) => (issue.input === undefined ? 'required' : `expected ${what}`);
}
