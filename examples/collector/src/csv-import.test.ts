import { describe, expect, it } from "vitest";
import { csvCell, unguarded } from "./csv.js";
import { type CsvRecord, csvRecords, isCsvFile, MAX_RECORD } from "./csv-import.js";
import { describeCsvImport } from "./csv-import.suite.fixture.js";
import { openPglite } from "./db.js";
import { useScratchDir } from "./scratch.fixture.js";

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

const records = async (text: string, size = text.length || 1): Promise<CsvRecord[]> => {
  const out: CsvRecord[] = [];
  for await (const record of csvRecords(chunked(text, size))) out.push(record);
  return out;
};

describe("csvRecords", () => {
  const text = [
    "\uFEFFid,comment,n\r\n",
    'a,"one, two",1\r\n',
    'b,"say ""hi""\r\nthen\nleave",2\r\n',
    "\r\n",
    'c,"",\n',
    'd,"\r",x',
  ].join("");
  const expected: CsvRecord[] = [
    { line: 1, lastLine: 1, fields: ["id", "comment", "n"] },
    { line: 2, lastLine: 2, fields: ["a", "one, two", "1"] },
    { line: 3, lastLine: 5, fields: ["b", 'say "hi"\r\nthen\nleave', "2"] },
    { line: 6, lastLine: 6, fields: [""] },
    { line: 7, lastLine: 7, fields: ["c", "", ""] },
    { line: 8, lastLine: 8, fields: ["d", "\r", "x"] },
  ];

  it("reads quoted separators, quotes and line breaks, numbering each record by the lines it spans", async () => {
    expect(await records(text)).toEqual(expected);
  });

  it("reads the same records whatever the chunks the file arrives in", async () => {
    for (const size of [1, 2, 3, 5, 7, 16]) expect(await records(text, size)).toEqual(expected);
  });

  it("reports a malformed record by its line and goes on with the next lines", async () => {
    const read = await records('x,"ok"\r\ny,"closed"late,1\r\nz,2\r\nw,"never closed\r\nv,3\r\n', 4);
    expect(read).toEqual([
      { line: 1, lastLine: 1, fields: ["x", "ok"] },
      { line: 2, lastLine: 2, fields: ["y", "closedlate", "1"], problem: "text after the closing quote of field 2" },
      { line: 3, lastLine: 3, fields: ["z", "2"] },
      { line: 4, lastLine: 4, fields: ["w"], problem: "a quote is never closed" },
      { line: 5, lastLine: 5, fields: ["v", "3"] },
    ]);
  });

  it("bounds a record: one longer than MAX_RECORD is reported and reading resumes on its next line", async () => {
    const read = await records(`a,"${"x".repeat(MAX_RECORD)}\r\nb,1\r\n`, 65_536);
    expect(read.map(({ line, problem, fields }) => ({ line, problem, fields }))).toEqual([
      { line: 1, problem: `longer than ${MAX_RECORD} characters (a quote never closed?)`, fields: [] },
      { line: 2, problem: undefined, fields: ["b", "1"] },
    ]);
  });

  it("reads back every text csvCell writes, the formula guard undone exactly", async () => {
    const texts = [
      "=1+1",
      "'=1+1",
      "''@x",
      "-5",
      "+1",
      "@SUM(A1)",
      "\t=cmd",
      "\r\n=x",
      "'plain",
      "a,b;c\td",
      ' "q" ',
      "",
    ];
    const line = `${texts.map(csvCell).join(",")}\r\n`;
    const [record] = await records(line);
    expect(record?.fields.map(unguarded)).toEqual(texts);
  });
});

describe("isCsvFile", () => {
  const { file } = useScratchDir("csv-detect");

  it("takes a file named .csv, or one starting with the export's header, and leaves NDJSON to importFile", async () => {
    expect(await isCsvFile(file("answers.CSV", ""))).toBe(true);
    expect(await isCsvFile(file("export.txt", "\uFEFFid,survey_id,kind,score,category\r\n"))).toBe(true);
    expect(await isCsvFile(file("answers.ndjson", '{"id":"x"}\n'))).toBe(false);
    expect(await isCsvFile(file("empty", ""))).toBe(false);
  });
});

describeCsvImport("PGlite (in memory)", () => openPglite());
