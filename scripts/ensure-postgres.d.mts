/** The newest installed PostgreSQL `bin` directory with initdb and pg_ctl, if any. */
export function postgresBinDir(): string | undefined;
/** That directory, after installing Debian's `postgresql` package when there is none. */
export function ensurePostgres(): string;
