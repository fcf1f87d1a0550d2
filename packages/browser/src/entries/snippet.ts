// Entry of dist/snippet.min.js: the stub, installed on the page's window.
import { installStub } from "../snippet/stub.js";

installStub(window as { npskit?: unknown });
