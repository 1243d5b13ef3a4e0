// A small accessibility check, written for this project: the problems a screen reader or keyboard user hits first.
// Returns a list of human-readable problems; an empty list means the page passed.
() => {
    const problems = [];
    const visible = el => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
    const describe = el => el.outerHTML.slice(0, 120);
    if (!document.documentElement.getAttribute("lang")) problems.push("<html> has no lang attribute");
    if (!document.title.trim()) problems.push("the page has no title");
    const h1 = [...document.querySelectorAll("h1")].filter(visible);
    if (h1.length !== 1) problems.push(`expected one visible <h1>, found ${h1.length}`);
    for (const field of document.querySelectorAll("input, select, textarea")) {
        if (field.type === "hidden" || !visible(field)) continue;
        const labelled = field.labels && field.labels.length > 0
            || field.getAttribute("aria-label") || field.getAttribute("aria-labelledby") || field.getAttribute("title");
        if (!labelled) problems.push(`form field without a label: ${describe(field)}`);
    }
    for (const img of document.querySelectorAll("img")) {
        if (!img.hasAttribute("alt")) problems.push(`image without alt: ${describe(img)}`);
    }
    for (const el of document.querySelectorAll("a[href], button")) {
        if (!visible(el)) continue;
        const name = (el.textContent || "").trim() || el.getAttribute("aria-label") || el.getAttribute("title");
        if (!name) problems.push(`link or button without an accessible name: ${describe(el)}`);
    }
    for (const table of document.querySelectorAll("table")) {
        if (!visible(table)) continue;
        if (!table.querySelector("th")) problems.push(`table without header cells: ${describe(table)}`);
    }
    const ids = new Map();
    for (const el of document.querySelectorAll("[id]")) ids.set(el.id, (ids.get(el.id) || 0) + 1);
    for (const [id, count] of ids) if (count > 1) problems.push(`id "${id}" is used ${count} times`);
    return problems;
}
