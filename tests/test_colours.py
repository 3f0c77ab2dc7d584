"""Every colour that carries data keeps at least 3:1 contrast (WCAG 2.1, 1.4.11) against what it is drawn on."""

from __future__ import annotations

import pytest

from catalogue import charts, maps
from catalogue.vocabulary import load_vocabulary

VOCABULARY = load_vocabulary()
WHITE = (255, 255, 255)
LAND = tuple(maps.LAND)


def rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def luminance(colour: tuple[float, float, float]) -> float:
    """WCAG relative luminance of an sRGB colour."""

    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def over(colour, background, alpha: int) -> tuple[float, float, float]:
    """A colour drawn with some opacity over a background."""
    return tuple(c * alpha / 255 + b * (1 - alpha / 255) for c, b in zip(colour, background, strict=True))


def test_the_formula_matches_wcag_reference_values():
    assert contrast((0, 0, 0), WHITE) == pytest.approx(21)
    assert contrast(rgb("#777777"), WHITE) == pytest.approx(4.48, abs=0.01)
    assert contrast(rgb("#D9E2EC"), WHITE) == pytest.approx(1.31, abs=0.01), "the old 'Anecdotal' grey failed"


TYPE_COLOURS = {key: term.colour for key, term in VOCABULARY.terms("types").items()}
CHART_COLOURS = {f"charts.DATA_COLOURS[{i}]": c for i, c in enumerate(charts.DATA_COLOURS)}
MAP_COLOURS = {"maps.MIXED_COLOUR": maps.MIXED_COLOUR}


@pytest.mark.parametrize("name,colour", {**TYPE_COLOURS, **CHART_COLOURS, **MAP_COLOURS}.items())
@pytest.mark.parametrize("background", [WHITE, LAND], ids=["white", "map-land"])
def test_data_colour_contrast(name, colour, background):
    assert contrast(rgb(colour), background) >= 3, f"{name} {colour}"


@pytest.mark.parametrize("name,colour", TYPE_COLOURS.items())
def test_map_markers_keep_contrast_with_their_opacity(name, colour):
    drawn = over(rgb(colour), LAND, maps.MARKER_ALPHA)
    assert contrast(drawn, LAND) >= 3, f"{name} {colour} at alpha {maps.MARKER_ALPHA}"
    assert contrast(tuple(maps.OUTLINE[:3]), LAND) >= 3, "the marker outline itself stands out on land"


def test_evidence_levels_have_a_colour_each_and_the_choropleth_starts_from_a_country_without_cases():
    assert len(charts.EVIDENCE_COLOURS) == len(VOCABULARY.keys("evidence"))
    assert contrast(rgb(charts.FEW_CASES), rgb(charts.NO_CASES)) >= 3


# Machado, Oliveira and Fernandes (2009) simulation matrices (severity 1), on linear sRGB.
SIMULATIONS = {
    "normal vision": None,
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}


def lab(colour: str, matrix) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of a colour as seen with a colour vision deficiency (or without, matrix None)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    lin = [linear(c) for c in rgb(colour)]
    if matrix is not None:
        lin = [min(1.0, max(0.0, sum(matrix[i][j] * lin[j] for j in range(3)))) for i in range(3)]
    x = (0.4124 * lin[0] + 0.3576 * lin[1] + 0.1805 * lin[2]) / 0.95047
    y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    z = (0.0193 * lin[0] + 0.1192 * lin[1] + 0.9505 * lin[2]) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


@pytest.mark.parametrize("vision", SIMULATIONS)
def test_type_colours_stay_apart_for_colour_blind_readers(vision):
    """Every pair of type colours differs by a CIE76 colour difference of at least 12, also as seen
    with each kind of dichromacy (Okabe-Ito's own palette scores about 16)."""
    colours = list(TYPE_COLOURS.items())
    for (a, ca), (b, cb) in [(x, y) for i, x in enumerate(colours) for y in colours[i + 1 :]]:
        la, lb = lab(ca, SIMULATIONS[vision]), lab(cb, SIMULATIONS[vision])
        difference = sum((p - q) ** 2 for p, q in zip(la, lb, strict=True)) ** 0.5
        assert difference >= 12, f"{a} {ca} and {b} {cb} look alike with {vision} (ΔE {difference:.1f})"
