// What "a mid-range phone" means in a benchmark: Chromium's CPU throttling slows the page by a
// factor, but ×4 on a fast laptop and ×4 on a shared 2-core VM are different machines. So the
// factor is calibrated instead: the Lighthouse BenchmarkIndex (string building plus array copying,
// per second) is measured in the page and the rate is bisected until the index matches a device
// class. DevTools' own calibration uses the same reference scores.
export const DEVICE_CLASSES = [
  { name: "mid-tier phone (Pixel 5 class)", index: 1000 },
  { name: "low-tier phone (Moto G Power class)", index: 264 },
];

/** The BenchmarkIndex of the page's main thread, measured for about `ms` milliseconds. */
export function benchmarkIndex(page, ms = 500) {
  return page.evaluate((duration) => {
    const half = duration / 2;
    const perSecond = (loop) => {
      const start = Date.now();
      let rounds = 0;
      while (rounds % 10 !== 0 || Date.now() - start < half) {
        loop(rounds);
        rounds++;
      }
      return rounds / 10 / ((Date.now() - start) / 1000);
    };
    const strings = perSecond(() => {
      let s = "";
      for (let i = 0; i < 10000; i++) s += "a";
      if (s.length === 1) throw new Error("unreachable; keeps the loop from being optimised away");
    });
    const a = Array.from({ length: 100000 }, (_, i) => i);
    const b = a.slice();
    const copies = perSecond((round) => {
      const [from, to] = round % 2 ? [b, a] : [a, b];
      for (let i = 0; i < from.length; i++) to[i] = from[i];
    });
    return Math.round((strings + copies) / 2);
  }, ms);
}

/**
 * The CPU throttling rate (≥ 1) at which this machine scores `target`; 1 when it is slower than
 * that already. `cdp` is a CDP session of `page`; the page is left unthrottled.
 */
export async function calibrate(page, cdp, target) {
  const scoreAt = async (rate) => {
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    // The median of three: a shared machine has noisy neighbours.
    const runs = [await benchmarkIndex(page, 300), await benchmarkIndex(page, 300), await benchmarkIndex(page, 300)];
    return runs.sort((x, y) => x - y)[1];
  };
  await benchmarkIndex(page, 300); // warm-up: let V8 optimise the loops first
  const unthrottled = await scoreAt(1);
  let rate = 1;
  if (unthrottled > target) {
    let [low, high] = [1, (unthrottled / target) * 1.5];
    for (let i = 0; i < 7; i++) {
      rate = Math.round(((low + high) / 2) * 100) / 100;
      const score = await scoreAt(rate);
      if (Math.abs(score - target) < target * 0.03) break;
      if (score > target) low = rate;
      else high = rate;
    }
  }
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  return { rate, unthrottled };
}
