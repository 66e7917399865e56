"""What the browser tests do on a page, so that the tests read as a resident's steps.

Answers are data (Choose, Tick, Fill), found by role and accessible name, so finding them at all
proves each control is labelled. The same data is answered with the mouse or the keyboard alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

from assistant.dialogue.exclusion_flags import exclusion_step_id
from assistant.policy.exclusions import Treatment

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
REFERENCE = re.compile(r"^[A-Z2-9]{2,6}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{3}$")
_AXE = Axe()


# --- Checks every page should pass -------------------------------------------------------------

def assert_accessible(page: Page) -> None:
    """axe-core, WCAG 2.2 AA rules: no violations at all."""
    results = _AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    assert results.violations_count == 0, f"axe on {page.url}:\n{results.generate_report()}"


def assert_accessible_without_js(page: Page, checker: Page) -> None:
    """axe cannot run where JavaScript is off (its timers never fire). So the very DOM that page
    has (the server's HTML, untouched by app.js) is loaded, at the same URL, into `checker`: a
    page with JavaScript on for axe, app.js blocked, and the same stylesheet and viewport."""
    html, url = page.content(), page.url.split("#")[0]
    checker.route(url, lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"), times=1)
    checker.goto(url)
    assert checker.title() == page.title(), "the checker must show the same page"
    assert_accessible(checker)


def assert_sound_page(page: Page, axe: bool = True, error_prefix: str = "Error: ") -> None:
    """One <h1>; the <title> starts with it (after "Error: ", in the page's language, when there
    are errors); nothing wider than the 375px screen (WCAG 1.4.10 reflow); and axe finds nothing."""
    h1 = page.get_by_role("heading", level=1)
    expect(h1).to_have_count(1)
    heading = " ".join(h1.inner_text().split())
    title = " ".join(page.title().split())
    assert title.removeprefix(error_prefix).startswith(heading), (title, heading)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the screen"
    if axe:
        assert_accessible(page)


def assert_error_summary(page: Page, js: bool = True) -> Locator:
    """The GOV.UK error summary: there, announced as an alert, focused (when JS runs), and each of
    its links points at a field on the page whose own group shows that same error."""
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.get_by_role("alert", name="There is a problem")
    expect(summary).to_be_visible()
    if js:
        expect(summary).to_be_focused()
    links = summary.get_by_role("link")
    assert links.count() > 0
    for link in links.all():
        href = link.get_attribute("href") or ""
        assert href.startswith("#") and len(href) > 1, href
        target = page.locator(f"[id='{href[1:]}']")
        expect(target).to_have_count(1)
        tag = target.evaluate("el => el.tagName.toLowerCase()")
        assert tag in ("input", "textarea"), f"{href} is a <{tag}>, not a field"
        message = link.inner_text().strip()
        assert target.evaluate(
            """(el, message) => {
                const group = el.closest('.form-group');
                return !!group && group.classList.contains('form-group--error') &&
                    [...group.querySelectorAll('.error-message')].some(m => m.textContent.includes(message));
            }""", message), f"{href} does not lead to the field showing “{message}”"
    return summary


_QUESTION_ON_SCREEN = """el => {
    const question = el.closest("fieldset")?.querySelector("legend") ?? document.querySelector(`label[for="${el.id}"]`);
    const above = question.getBoundingClientRect(), field = el.getBoundingClientRect();
    return above.top > -1 && field.bottom < window.innerHeight + 1;  // within a pixel: sub-pixel layout
}"""


def follow_error_links(page: Page, js: bool = True) -> None:
    """Following an error's link puts the cursor in its field, ready to put it right; with JS,
    the field's question (its legend or label) is on the screen too, not scrolled off above."""
    links = page.get_by_role("alert", name="There is a problem").get_by_role("link")
    for link in links.all():
        target = page.locator(f"[id='{link.get_attribute('href')[1:]}']")
        link.click()
        expect(target).to_be_focused()
        if js:
            error = link.inner_text()
            assert target.evaluate(_QUESTION_ON_SCREEN), f"{page.url}: the question for “{error}” is off screen"


# --- Answers, as data ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Choose:
    """Pick a radio. `group` is its fieldset's legend, where the page asks more than one thing."""

    label: str
    group: str | None = None


@dataclass(frozen=True)
class Tick:
    label: str


@dataclass(frozen=True)
class Fill:
    """Type into a field. `group` is its fieldset's legend, where the page has two alike (two
    dates, each with its Day, Month and Year)."""

    label: str
    text: str
    group: str | None = None


EXCLUSION_QUESTION = "exclusion-question"  # the key for every exclusion question's answer

STARTED = "When did it start?"  # the legend of the first of that page's two dates
RESIDENT = {
    "who-is-complaining": [Choose("Myself")],
    "danger": [Choose("No")],
    "what-went-wrong": [Fill("What went wrong?", "The boiler was repaired three times and still does not work.")],
    # A year before TODAY: the form checks "not in the future" against the real clock, not TODAY.
    "when-it-started": [Fill("Day", "3", STARTED), Fill("Month", "9", STARTED), Fill("Year", "2025", STARTED),
                        Choose("Yes", group="Is it still happening?")],
    "what-it-affected": [Tick("The home"), Tick("Health or wellbeing")],
    "reported-before": [Choose("Yes, and I am unhappy with how it has been dealt with")],
    EXCLUSION_QUESTION: [Choose("No")],
    "outcome": [Tick("An apology"), Tick("Put it right, for example do the repair"),
                Fill("In your own words, what would put it right?", "Fix the boiler properly.")],
    "adjustments": [Tick("Large print")],
    "contact-details": [Fill("Full name", "Ada Resident"), Fill("Phone number (optional)", "07700 900982")],
    "contact-preference": [Choose("Text message")],
}

ADVOCATE = {
    **RESIDENT,
    "who-is-complaining": [Choose("Someone else")],
    "advocate-details": [Fill("Your full name", "Sam Advocate"), Choose("Support worker"),
                         Fill("Organisation (optional)", "Citizens Advice Kennet"),
                         Fill("Your email address", "sam@example.com")],
    "resident-details": [Fill("The resident’s full name", "Ada Resident"),
                         Fill("The resident’s address", "1 Canal Walk\nHungerford\nRG17 0AA")],
    "permission": [Choose("Yes, they have signed a permission form")],
    "what-went-wrong": [Fill("What went wrong?", "Ada’s boiler was repaired three times and still does not work.")],
    "contact-preference": [Choose("Email")],
}

# The buttons that go on from a page: most say Continue; the emergency page says more.
SUBMIT = {"emergency": "Continue with my complaint"}


def asked_exclusions(landlord) -> list[str]:
    """The step ids of the exclusion questions this landlord's policy makes the dialogue ask."""
    return [exclusion_step_id(e.kind) for e in landlord.exclusions if e.treatment is Treatment.ASKED]


def question_path(landlord, someone_else=False, danger=False, first_report=False, flagged=False) -> list[str]:
    """The question pages, in order, that a journey answered this way goes through. `flagged`:
    an answer touched one of the landlord's exclusions, so the exclusion result page follows."""
    return [
        "who-is-complaining",
        *(["advocate-details", "resident-details", "permission"] if someone_else else []),
        "danger",
        *(["emergency"] if danger else []),
        "what-went-wrong", "when-it-started", "what-it-affected", "reported-before",
        *(["service-request"] if first_report else []),
        *asked_exclusions(landlord),
        *(["exclusion-result"] if flagged else []),
        "outcome", "adjustments",
        *([] if someone_else else ["contact-details"]),
        "contact-preference",
    ]


def actions_for(answers: dict, step: str) -> list:
    if step.startswith("exclusion-") and step != "exclusion-result":
        return answers.get(step, answers[EXCLUSION_QUESTION])
    return answers.get(step, [])


def locate(page: Page, action) -> Locator:
    if isinstance(action, Choose):
        scope = page.get_by_role("group", name=action.group, exact=True) if action.group else page
        return scope.get_by_role("radio", name=action.label, exact=True)
    if isinstance(action, Tick):
        return page.get_by_role("checkbox", name=action.label, exact=True)
    scope = page.get_by_role("group", name=action.group, exact=True) if action.group else page
    return scope.get_by_label(action.label, exact=True)


def step_url(slug: str, step: str) -> re.Pattern:
    return re.compile(rf"/{re.escape(slug)}/complain/{re.escape(step)}(\?[^#]*)?(#.*)?$")


# --- With the mouse (and typing) ----------------------------------------------------------------

def answer(page: Page, actions) -> None:
    for action in actions:
        target = locate(page, action)
        if isinstance(action, Fill):
            target.fill(action.text)
        else:
            target.check()


def press(page: Page, button: str) -> None:
    page.get_by_role("button", name=button, exact=True).click()


def walk(page: Page, slug: str, steps: list[str], answers: dict, check=True, axe=True) -> None:
    """Answer each question page in turn (checking it is the page expected, and sound), ending
    wherever the last answer leads. axe=False where JavaScript is off (axe cannot run there)."""
    for step in steps:
        expect(page).to_have_url(step_url(slug, step))
        if check:
            assert_sound_page(page, axe=axe)
        answer(page, actions_for(answers, step))
        press(page, SUBMIT.get(step, "Continue"))


def start(page: Page, slug: str) -> None:
    page.goto(f"/{slug}/")
    page.get_by_role("button", name="Start now").click()


# --- With the keyboard alone --------------------------------------------------------------------

_FOCUS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return {name: "<body>", shown: false};
    const style = getComputedStyle(el);
    const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
    const text = (el.getAttribute("aria-label") || el.labels?.[0]?.textContent || el.textContent || "").trim();
    return {name: `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} “${text.slice(0, 40)}”`,
            shown: el.matches(":focus-visible") && ring};
}"""


def _is_focused(target: Locator) -> bool:
    return target.evaluate("el => el === document.activeElement")


def _press(page: Page, key: str, stops: list[str]) -> None:
    """Press a key that moves focus; wherever focus lands must show it (WCAG 2.4.7)."""
    page.keyboard.press(key)
    focus = page.evaluate(_FOCUS)
    stops.append(focus["name"])
    assert focus["shown"], f"no visible focus on {focus['name']} ({page.url}); focus went: {stops}"


def tab_to(page: Page, target: Locator, backwards=False, limit=80) -> None:
    """Press Tab (or Shift+Tab) until `target` has focus, unless it has it already."""
    key = "Shift+Tab" if backwards else "Tab"
    page.wait_for_load_state()  # app.js (deferred) has run: it may move the focus itself
    target.wait_for(state="attached")
    stops: list[str] = []
    while not _is_focused(target):
        if len(stops) == limit:
            raise AssertionError(f"{key} never reached {target} on {page.url}; focus went: {stops}")
        _press(page, key, stops)


def answer_with_keyboard(page: Page, actions) -> None:
    for action in actions:
        target = locate(page, action)
        if isinstance(action, Fill):
            tab_to(page, target)
            page.keyboard.type(action.text)
            expect(target).to_have_value(action.text)
        elif isinstance(action, Tick):
            tab_to(page, target)
            page.keyboard.press("Space")
            expect(target).to_be_checked()
        else:
            # Tab stops once in a radio group, on its checked radio or else its first; the arrow
            # keys move within the group, as in every browser; Space picks the radio with focus.
            in_group = "el => document.activeElement?.type === 'radio' && document.activeElement.name === el.name"
            page.wait_for_load_state()
            stops: list[str] = []
            while not target.evaluate(in_group):
                if len(stops) == 80:
                    raise AssertionError(f"Tab never reached the radios of {action} on {page.url}: {stops}")
                _press(page, "Tab", stops)
            for _ in range(12):
                if _is_focused(target):
                    break
                _press(page, "ArrowDown", stops)
            page.keyboard.press("Space")
            expect(target).to_be_checked()
            expect(target).to_be_focused()


def submit_with_keyboard(page: Page, button: str) -> None:
    """Tab to the button and press Enter."""
    tab_to(page, page.get_by_role("button", name=button, exact=True))
    page.keyboard.press("Enter")
