// Entry of dist/snippet.min.js: the stub, installed on the page's window.
import { installStub } from "./snippet.js";

installStub(window as { npskit?: unknown });
