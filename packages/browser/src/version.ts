/** The SDK's version, sent with every response (`sdk.version`); a test keeps it equal to package.json. */
export const VERSION = "0.1.0";
export const SDK = { name: "npskit", version: VERSION } as const;
