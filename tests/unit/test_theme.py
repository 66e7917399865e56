"""A landlord's brand colour is used as it is when it passes WCAG AA contrast on white, and
darkened just enough when it does not (a pale brand colour must never make links unreadable)."""

import pytest

from assistant.theme import accessible_colour, contrast


@pytest.mark.parametrize("colour", ["#1d5c8a", "#0b0c0c", "#4c2c92"])
def test_a_colour_that_passes_is_used_as_it_is(colour):
    assert contrast(colour, "#ffffff") >= 4.5
    assert accessible_colour(colour) == colour


@pytest.mark.parametrize("colour", ["#ffdd00", "#00a3e0", "#f47738", "#ffffff", "#85994b"])
def test_a_pale_colour_is_darkened_until_it_passes_and_no_further_than_needed(colour):
    darker = accessible_colour(colour)
    assert contrast(darker, "#ffffff") >= 4.5
    # One step (10%) lighter would fail: it was darkened only as far as it had to be.
    r, g, b = (int(darker[i:i + 2], 16) for i in (1, 3, 5))
    lighter = "#" + "".join(f"{min(255, round(v / 0.9)):02x}" for v in (r, g, b))
    assert contrast(lighter, "#ffffff") < 4.5 + 0.5


def test_contrast_is_the_wcag_ratio():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
