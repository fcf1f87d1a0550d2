// Numbers for texts that many rows share (a survey id, a category), leading indexes in their place
// (migration 8): an index build's sort compares numbers far faster than texts that are mostly
// equal. Migration 8 writes these expressions into its indexes, so changing one needs a new
// migration (the fingerprints in migrations.test.ts catch it). Two texts may share a number, so
// every read compares the text too: a colliding survey id, even a crafted one, costs a read some
// time, never mixes surveys.

/** The number of a text. */
export const textHash = (text: string) => `hashtextextended(${text}, 0)`;

/** `column` equals text parameter `param` (e.g. `$1`), by its number (for the index) and by the text. */
export const sameText = (column: string, param: string) =>
  `${textHash(column)} = ${textHash(`${param}::text`)} AND ${column} = ${param}`;

/** The number of a ranked value's survey × key × category (`latest_values`). */
export const valueGroup = (survey: string, key: string, category: string) =>
  textHash(`${survey} || chr(31) || ${key} || chr(31) || ${category}`);

/** valueGroup of a `latest_values` row, leading `latest_values_by_value`. */
export const VALUE_GROUP = valueGroup("survey_id", "key", "category");
