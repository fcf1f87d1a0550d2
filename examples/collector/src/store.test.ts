import { openPglite } from "./db.js";
import { describeStore } from "./store.suite.fixture.js";

describeStore("PGlite (in memory)", () => openPglite());
