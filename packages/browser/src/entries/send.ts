// Entry of dist/npskit-send.js (an ES module chunk the loader imports to deliver responses).
export { startDelivery } from "../delivery/start-delivery.js";
