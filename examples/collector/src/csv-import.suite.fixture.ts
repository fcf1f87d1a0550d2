// CSV import against each database: what /api/export.csv writes comes back as the same answers.
import { describe, expect, it } from "vitest";
import type { SurveyResponse } from "@npskit/core";
import { createApp } from "./app.js";
import { CSV_IMPORT_SDK } from "./csv-import.js";
import type { Db } from "./db.js";
import { useMigratedDb } from "./db.fixture.js";
import { importFile, importSummary } from "./import.js";
import { listResponses, saveResponses } from "./store.js";
import { useScratchDir } from "./scratch.fixture.js";
import { makeResponse } from "@npskit/test-support/responses";

export function describeCsvImport(name: string, open: () => Promise<Db>): void {
  describe(`CSV import on ${name}`, () => {
    const db = useMigratedDb(open);
    const { file } = useScratchDir("csv-import");
    const exportCsv = async () => (await createApp({ db }).request("/api/export.csv")).text();
    const summary = async () => (await createApp({ db }).request("/api/summary")).json();

    // Every kind of cell the export writes: quoting, the formula guard, empty for null and absent.
    const answers: SurveyResponse[] = [
      makeResponse(2, {
        comment: 'Slow, "really" slow;\r\nsecond line\nthird\ttab',
        attributes: { plan: "pro", ltv: 1200.5, beta: true },
        url: "https://app.example.com/a?x=1,2",
        locale: "fr",
      }),
      makeResponse(9, { comment: '=HYPERLINK("http://x","click")', attributes: { plan: "=cmd|' /C calc'!A0" } }),
      makeResponse(7, { comment: "'=already quoted", attributes: { plan: "-5", ltv: -5 } }),
      makeResponse(10, { comment: "  padded 很好 👍  ", userId: null, attributes: { plan: "free", zip: "01234" } }),
      makeResponse(4, { kind: "csat", surveyId: "csat-1", comment: "@here +1", attributes: { plan: "" } }),
      { ...makeResponse(0, { status: "shown", createdAt: "2026-11-25T08:00:00.000Z" }), score: null, category: null },
      makeResponse(3, { status: "answered", complete: false, createdAt: "2026-11-25T09:00:00.000Z" }),
    ];
    /** What a CSV carries of a response: all but `sdk` (the import's own) and attribute text that reads as a number or boolean. */
    const carried = (r: SurveyResponse): SurveyResponse => {
      const { userId, attributes, ...rest } = r;
      const kept = Object.entries(attributes ?? {}).filter(([, value]) => value !== "" && value !== null);
      return {
        ...rest,
        userId: userId ?? null,
        ...(kept.length > 0 ? { attributes: Object.fromEntries(kept) } : {}),
        sdk: CSV_IMPORT_SDK,
      };
    };

    it("reads its own export back into an empty store: the same answers, report and CSV", async () => {
      await saveResponses(db, answers);
      const csv = await exportCsv();
      // The report as it reads (the responses it lists as the CSV carries them).
      const before = JSON.parse(JSON.stringify(await summary()), (_key, value) =>
        typeof value === "object" && value !== null && "sdk" in value ? carried(value) : value,
      );
      await db.query("DELETE FROM responses");
      const counts = await importFile(db, file("export.csv", csv));
      expect(importSummary(counts)).toBe(
        `[npskit] import done: ${counts.lines} lines · created ${answers.length} · updated 0 · ignored 0 · rejected 0`,
      );
      expect(counts.lines).toBe(csv.split("\n").length - 1); // the comment's line breaks included
      expect(await listResponses(db)).toEqual(answers.map(carried));
      expect(await summary()).toEqual(before);
      expect(await exportCsv()).toBe(csv);
    });

    it("reports a bad record by the line it starts on, stores the good ones, and a re-run changes nothing", async () => {
      const [multiline, formula, other] = answers as [SurveyResponse, SurveyResponse, SurveyResponse];
      await saveResponses(db, [multiline, formula, other]);
      const [header = "", first = "", second = "", third = ""] = (await exportCsv()).split(/\r\n(?=[0-9a-f]{8}-|$)/);
      await db.query("DELETE FROM responses");
      const path = file(
        "edited.csv",
        [
          header, // line 1
          first, // lines 2–4: the comment spans three lines
          second.replace(",9,promoter,", ",12,promoter,"), // line 5
          "not,enough,fields", // line 6
          `${third.replace(/,7,passive,/, ",seven,passive,").replace(/,nps-q4,/, ",,")}`, // line 7
          "", // line 8: blank
          third, // line 9
          "",
        ].join("\r\n"),
      );
      const counts = await importFile(db, path, { batchSize: 1 });
      expect(counts).toMatchObject({ lines: 9, created: 2, updated: 0, ignored: 0 });
      expect(counts.rejected).toEqual([
        { line: 5, problems: expect.arrayContaining([expect.objectContaining({ path: "score" })]) },
        { line: 6, problems: [{ path: "", message: expect.stringMatching(/^3 fields, the header has \d+$/) }] },
        {
          line: 7,
          problems: expect.arrayContaining([
            expect.objectContaining({ path: "survey_id" }),
            expect.objectContaining({ path: "score" }),
          ]),
        },
      ]);
      const stored = [multiline, other].map(carried);
      expect(await listResponses(db)).toEqual(stored);
      const again = await importFile(db, path);
      expect(again).toMatchObject({ created: 0, updated: 0, ignored: 2 });
      expect(again.rejected.map((r) => r.line)).toEqual([5, 6, 7]);
      expect(await listResponses(db)).toEqual(stored);
    });

    it("keeps POST /collect's ordering rule: a complete state wins over a later partial one, in any file order", async () => {
      const partial = makeResponse(3, { complete: false, updatedAt: "2026-11-24T10:00:00.000Z" });
      const complete = { ...partial, complete: true, comment: "Fixed, thanks", updatedAt: "2026-11-24T10:00:09.000Z" };
      await saveResponses(db, [partial]);
      const partialCsv = await exportCsv();
      await saveResponses(db, [complete]);
      const [header, completeRow] = (await exportCsv()).split("\r\n");
      const partialRow = partialCsv.split("\r\n")[1];
      await db.query("DELETE FROM responses");
      const path = file("states.csv", [header, completeRow, partialRow, completeRow, ""].join("\r\n"));
      expect(await importFile(db, path)).toMatchObject({ created: 1, updated: 0, ignored: 2, rejected: [] });
      expect(await listResponses(db)).toEqual([carried(complete)]);
    });

    it("refuses a file whose first line is not the export's header, naming why, before storing anything", async () => {
      await expect(importFile(db, file("other.csv", "id,score,notes\r\nx,9,hi\r\n"))).rejects.toThrow(
        /^line 1 is not the header of \/api\/export\.csv: no column "survey_id", "kind", /,
      );
      const header = (await exportCsv()).split("\r\n")[0];
      await expect(importFile(db, file("extra.csv", `${header},notes\r\n`))).rejects.toThrow(
        'line 1 is not the header of /api/export.csv: unknown column "notes"',
      );
      expect(await importFile(db, file("empty.csv", ""))).toMatchObject({ lines: 0, created: 0, rejected: [] });
      expect(await listResponses(db)).toEqual([]);
    });
  });
}
