/** One problem found in the programme catalogue, located in the YAML source. */
export interface CatalogueIssue {
  /** 1-based line in the file; `null` when the problem is not tied to a place (file missing). */
  line: number | null;
  /** Dotted path such as `programmes[2].registration.closes`; empty for the whole file. */
  path: string;
  /** Indonesian description of what is wrong and what is expected. */
  message: string;
}

/**
 * The programme catalogue (`knowledge/programmes.yaml`) cannot be used.
 *
 * The file is edited by content maintainers, not developers, so the message points at the file, the line
 * and the field, in Indonesian, e.g.
 * `knowledge/programmes.yaml baris 14: programmes[2].registration.closes harus tanggal YYYY-MM-DD`.
 * Every issue found is listed (one per line), so a maintainer fixes them in one pass.
 */
export class CatalogueError extends Error {
  override readonly name = 'CatalogueError';

  constructor(
    /** The file as shown to people (relative to the working directory when possible). */
    readonly file: string,
    readonly issues: readonly CatalogueIssue[],
    options?: { cause?: unknown },
  ) {
    super(issues.map((issue) => formatIssue(file, issue)).join('\n'), options);
  }

  /** Line of the first issue, handy for editors and tests. */
  get line(): number | null {
    return this.issues[0]?.line ?? null;
  }
}

function formatIssue(file: string, issue: CatalogueIssue): string {
  const where = issue.line === null ? file : `${file} baris ${issue.line}`;
  return issue.path ? `${where}: ${issue.path} ${issue.message}` : `${where}: ${issue.message}`;
}
