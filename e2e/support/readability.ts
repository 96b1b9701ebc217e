import { expect, type Page } from "@playwright/test";

/**
 * Reads well at the current width: in every table cell, no word is broken across lines (a "word"
 * is a run without white space, cut further after ":" "/" "," "_" where identifiers may wrap), no
 * column is narrower than the widest such word of its cells, and the page is at most `maxHeight` tall.
 */
export async function expectReadable(page: Page, what: string, maxHeight = 9000) {
  // Cloudscape's resizable tables set their column widths after the first paint: measure until the
  // layout has settled (up to 5 s), and report what is still wrong then.
  let problems = await measureWords(page);
  for (let i = 0; i < 10 && problems.length > 0; i++) {
    await page.waitForTimeout(500);
    problems = await measureWords(page);
  }
  expect.soft(problems, `words broken or cut on ${what}`).toEqual([]);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect.soft(height, `page height of ${what}`).toBeLessThanOrEqual(maxHeight);
}

function measureWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const td of document.querySelectorAll<HTMLElement>("table td, table th")) {
      if (!td.offsetParent) continue; // hidden
      const width = td.clientWidth;
      const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        const re = /[^\s:/,_]+[:/,_]?/g;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          if (m[0].length < 2) continue;
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          const lines = new Set(rects.map((r) => Math.round(r.top)));
          const wordWidth = rects.reduce((s, r) => s + r.width, 0);
          const table = (td.closest("[data-testid]") as HTMLElement | null)?.dataset.testid ?? "table";
          if (lines.size > 1) out.push(`${table}: "${m[0]}" broken over ${lines.size} lines`);
          else if (wordWidth > width + 1) out.push(`${table}: "${m[0]}" (${Math.round(wordWidth)} px) wider than its column (${width} px)`);
        }
      }
    }
    return [...new Set(out)].slice(0, 20);
  });
}
