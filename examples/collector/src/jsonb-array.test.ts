import { openPglite } from "./db.js";
import { describeJsonbArray } from "./jsonb-array.suite.fixture.js";

describeJsonbArray("PGlite (in memory)", () => openPglite());
