import { openPglite } from "./db.js";
import { describeAggregates } from "./aggregates.suite.fixture.js";
import { describeStore } from "./store.suite.fixture.js";

describeStore("PGlite (in memory)", () => openPglite());
describeAggregates("PGlite (in memory)", () => openPglite());
