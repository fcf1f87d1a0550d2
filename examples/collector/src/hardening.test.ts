import { openPglite } from "./db.js";
import { describeHardening } from "./hardening.suite.fixture.js";

describeHardening("PGlite (in memory)", () => openPglite());
