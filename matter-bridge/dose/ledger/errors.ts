export class LedgerCorruptError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(
      `The dose ledger at ${path} cannot be read (${detail}). Sessions are refused until it is repaired or restored; it was not reset.`,
    );
    this.name = "LedgerCorruptError";
  }
}

/** The ledger cannot take a change now (unreadable, or an earlier change still waits for the disk). */
export class LedgerUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LedgerUnavailableError";
  }
}
