// `npm run demo`: placeholder until the reference collector lands (issue 7).
import { bootstrap } from "./bootstrap.mjs";
bootstrap();
console.log("[npskit] demo: will build the SDK, start the reference collector and an example host page on 127.0.0.1, and print their URLs.");
