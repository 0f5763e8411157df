// Drives the HTML report (relgraph build -T html) in real headless Chromium
// with puppeteer-core: opens the file offline, searches an actor, clicks an
// edge and checks the evidence panel, the filters and the table.
// Usage: node report.test.js REPORT.html [SCREENSHOT.png]
// CHROMIUM: the browser (default /usr/bin/chromium).
"use strict";
const path = require("path");
const puppeteer = require("puppeteer-core");

function check(ok, what) {
  if (!ok) throw new Error(what);
  console.log("ok - " + what);
}

(async () => {
  const file = path.resolve(process.argv[2]);
  const shot = process.argv[3];
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
  let failed = false;
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1240, height: 1400 });  // A4 width at 150 dpi
    const errors = [], fetched = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await page.setRequestInterception(true);
    page.on("request", (r) => {
      if (r.url().startsWith("file:")) return r.continue();
      fetched.push(r.url());  // the report must not reach the network
      r.abort();
    });
    await page.goto("file://" + file, { waitUntil: "load" });
    const data = await page.$eval("#relgraph-data", (s) => JSON.parse(s.textContent));
    check(data.edges.length > 0 && data.nodes.length > 0, `the data: ${data.nodes.length} actors, ${data.edges.length} relations`);
    check(await page.$("#figure svg g.node") !== null, "the figure is in the page");

    // Search: type a name, Enter selects it.
    const actor = "Kim Jong Un";
    await page.type("#search", actor);
    await page.keyboard.press("Enter");
    const hit = await page.$$eval("g.node.hit", (gs) => gs.map((g) => g.getAttribute("data-name")));
    check(hit.includes(actor), `search highlights ${actor} (${hit.join(", ")})`);
    check(await page.$eval("#hits", (e) => e.textContent) !== "", "search says how many actors it found");
    check(await page.$eval("#panel", (p) => p.getAttribute("data-kind")) === "node", "Enter opens the actor's details");
    check(await page.$eval("#panel h2", (h) => h.textContent) === actor, "the panel names the actor");
    // Clear the search, show the whole figure again.
    await page.$eval("#search", (s) => { s.value = ""; s.dispatchEvent(new Event("input")); });
    await page.click("#zoom-fit");

    // Click an edge of the figure (its label, with the mouse): the panel shows
    // every kept evidence sentence with its document, date and rule.
    const edge = data.edges.find((e) => e.source === "China" && e.target === "North Korea" && e.evidence.length > 1)
      || data.edges.find((e) => e.evidence.length > 0);
    const label = await page.$(`#${edge.id} text`);
    check(label !== null, `edge ${edge.id} (${edge.source} ${edge.relation} ${edge.target}) has a label`);
    await label.click();
    check(await page.$eval("#panel", (p) => p.getAttribute("data-kind")) === "edge", "a click on an edge opens its details");
    check(await page.$eval("#panel h2", (h) => h.textContent) === `${edge.source} ${edge.relation} ${edge.target}`,
          "the panel names the relation");
    const items = await page.$$eval("#panel ol.evidence li", (lis) => lis.map((li) => ({
      text: li.querySelector("q").textContent, meta: li.querySelector(".meta").textContent })));
    check(items.length === edge.evidence.length, `${items.length} evidence sentences, ${edge.evidence.length} kept`);
    items.forEach((it, i) => {
      const ev = edge.evidence[i];
      check(it.text === ev.text && it.meta.includes(ev.doc) && it.meta.includes("rule " + ev.rule) &&
            it.meta.includes(ev.date || "undated"), `evidence ${i + 1}: sentence, document, date and rule`);
    });
    check(await page.$eval(`#${edge.id}`, (g) => g.classList.contains("selected")), "the clicked edge is highlighted");

    // Filters: a relation and an actor type.
    const hidden = data.edges.find((e) => e.relation !== edge.relation).relation;
    await page.click(`input[name=relation][value="${hidden}"]`);
    const shown = await page.$$eval("g.edge", (gs) => gs.filter((g) => !g.classList.contains("hidden")).map((g) => g.id));
    const expected = data.edges.filter((e) => e.relation !== hidden).map((e) => e.id);
    check(shown.every((id) => expected.includes(id)) && shown.length > 0, `unticking ${hidden} hides its edges`);
    check(await page.$$eval("#relations tbody tr", (rs) => rs.filter((r) => !r.hidden).length) === expected.length,
          "and its rows of the table");
    await page.click(`input[name=relation][value="${hidden}"]`);
    await page.click('input[name=type][value="official"]');
    check(await page.$$eval("g.node.official", (gs) => gs.every((g) => g.classList.contains("hidden"))),
          "unticking official hides the officials");
    await page.click('input[name=type][value="official"]');

    // The table sorts, and a row opens its relation.
    await page.click('#relations th[data-key="weight"]');
    const weights = await page.$$eval("#relations tbody tr", (rs) => rs.map((r) => Number(r.children[4].textContent)));
    check(weights.every((w, i) => i === 0 || weights[i - 1] >= w), "sorted by weight, heaviest first");
    await page.click('#relations th[data-key="weight"]');
    const up = await page.$$eval("#relations tbody tr", (rs) => rs.map((r) => Number(r.children[4].textContent)));
    check(up.every((w, i) => i === 0 || up[i - 1] <= w), "a second click sorts the other way");
    await page.click("#relations tbody tr");
    check(await page.$eval("#panel", (p) => p.getAttribute("data-kind")) === "edge", "a row opens its relation");

    // Zoom changes the view box.
    const before = await page.$eval("#figure svg", (s) => s.getAttribute("viewBox"));
    await page.click("#zoom-in");
    check(await page.$eval("#figure svg", (s) => s.getAttribute("viewBox")) !== before, "zoom in");

    check(fetched.length === 0, "nothing fetched from the network" + (fetched.length ? ": " + fetched.join(" ") : ""));
    check(errors.length === 0, "no script error" + (errors.length ? ": " + errors.join("; ") : ""));
    if (shot) {
      // The clicked edge again, from its row: centred, its evidence shown.
      await page.click("#zoom-fit");
      await page.click(`#row-${edge.id}`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: shot, fullPage: false });
    }
  } catch (e) {
    console.log("not ok - " + e.message);
    failed = true;
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
})();
