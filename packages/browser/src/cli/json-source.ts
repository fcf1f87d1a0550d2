// Reads a JSON file for the CLI; a syntax error names its line and column and shows the line
// with a caret under the spot, as a person would look for it in an editor.

export type Parsed = { ok: true; value: unknown } | { ok: false; lines: string[] };

export function parseJson(text: string, file: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const message = (e as Error).message;
    // V8 says "… in JSON at position 67 (line 3 column 5)", or only "Unexpected end of JSON input".
    const position = /at position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : text.length;
    const reason = message
      .replace(/\s*(?:in|after) JSON at position \d+.*$/, "")
      .replace(/ of JSON input$/, " of the file");
    const before = text.slice(0, offset).split("\n");
    const line = before.length;
    const column = before[line - 1]!.length + 1;
    const source = (text.split("\n")[line - 1] ?? "").replace(/\r$/, "");
    const gutter = `${line} | `;
    return {
      ok: false,
      lines: [
        `✗ ${file} is not valid JSON: ${reason} at line ${line}, column ${column}`,
        `  ${gutter}${source.replace(/\t/g, " ")}`,
        `  ${" ".repeat(gutter.length - 2)}| ${" ".repeat(column - 1)}^`,
      ],
    };
  }
}
