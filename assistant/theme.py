"""A landlord's brand colour, made safe to use as the colour of buttons and links on white."""

from __future__ import annotations


def _channel(c: float) -> float:
    c /= 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def accessible_colour(hex_colour: str, background: str = "#ffffff", ratio: float = 4.5) -> str:
    """The brand colour as is when it passes WCAG AA on the background, else darkened until it does."""
    colour = hex_colour.lower()
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    while contrast(colour, background) < ratio:
        r, g, b = (int(v * 0.9) for v in (r, g, b))
        colour = f"#{r:02x}{g:02x}{b:02x}"
    return colour
