"""Page-level helpers: type into a fixture composer, read what the extension shows."""

from __future__ import annotations

from .conftest import COMPOSERS, PUBLISH_BUTTONS

# Highlights are read from the page's main world: the CSS highlight registry is
# per document, shared with the content script's isolated world.
READ_HIGHLIGHTS = """() => Object.fromEntries(['block', 'warn', 'info'].map((s) => {
  const h = CSS.highlights.get('charterguard-' + s);
  return [s, h ? [...h].map(String) : []];
}))"""


def type_post(page, site: str, text: str, delay: int = 0) -> None:
    composer = page.locator(COMPOSERS[site])
    composer.click()
    composer.press_sequentially(text, delay=delay)


def composer_text(page, site: str) -> str:
    selector = COMPOSERS[site]
    if site == "internal":
        return page.locator(selector).input_value()
    return page.evaluate("(s) => document.querySelector(s).innerText", selector).strip()


def wait_for_state(page, state: str, timeout: float = 10000) -> None:
    page.wait_for_selector(f"html[data-charterguard-state='{state}']", state="attached", timeout=timeout)


def wait_for_highlights(page, texts: list[str], timeout: float = 10000) -> dict:
    """Waits until every text is highlighted; returns the highlights by severity."""
    page.wait_for_function(
        """(wanted) => {
          const all = ['block', 'warn', 'info'].flatMap((s) => {
            const h = CSS.highlights.get('charterguard-' + s);
            return h ? [...h].map(String) : [];
          });
          return wanted.every((w) => all.includes(w));
        }""",
        arg=texts,
        timeout=timeout,
    )
    return page.evaluate(READ_HIGHLIGHTS)


def hover_highlight(page, word: str, severity: str = "block"):
    """Rest the pointer on the highlighted `word` and return its card (the tooltip), once visible."""
    box = page.evaluate(
        """([word, name]) => { const r = [...CSS.highlights.get(name)].find((x) => String(x) === word).getBoundingClientRect();
                               return {x: r.left + r.width / 2, y: r.top + r.height / 2}; }""",
        [word, f"charterguard-{severity}"],
    )
    page.mouse.move(box["x"], box["y"])
    tooltip = page.get_by_test_id("cg-tooltip")
    tooltip.wait_for(state="visible")
    return tooltip


def highlights(page) -> dict:
    return page.evaluate(READ_HIGHLIGHTS)


def panel_findings(page) -> dict[str, dict]:
    """Findings listed in the side panel, by rule: text, message, clause, severity."""
    items = page.locator("#charterguard-root .cg-panel li.cg-finding")
    found = {}
    for i in range(items.count()):
        item = items.nth(i)
        found[item.get_attribute("data-rule")] = {
            "text": item.locator(".cg-text").text_content(),
            "message": item.locator(".cg-message").text_content(),
            "clause": item.locator(".cg-clause").text_content() if item.locator(".cg-clause").count() else "",
            "severity": item.get_attribute("data-severity"),
        }
    return found


def publish(page, site: str) -> None:
    page.locator(PUBLISH_BUTTONS[site]).click()


def published(page) -> list[str]:
    return page.evaluate("() => window.published")
