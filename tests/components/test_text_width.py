import pytest

from components.text_width import SPARE, text_width


@pytest.mark.parametrize(
    "text, bold, drawn",
    [
        # widths Chromium drew these in at 10 px, in the fonts the figures ask for on this machine
        ("Membership", True, 69.68),
        ("Cooperation", True, 68.90),
        ("Kazakhstan", False, 57.61),
    ],
)
def test_a_width_holds_the_text_as_drawn_with_a_little_to_spare(text, bold, drawn):
    assert drawn <= text_width(text, 10, bold=bold) <= drawn * SPARE + 1


def test_accents_count_as_their_letters_and_other_characters_as_the_widest():
    assert text_width("Türkiye", 10) == text_width("Turkiye", 10)
    assert text_width("Côte d’Ivoire", 10) > text_width("Cote dIvoire", 10)
    assert text_width("中", 10) >= text_width("W", 10)
    assert text_width("", 10) == 0
    assert text_width("Russia", 20) >= 2 * text_width("Russia", 10) - 1
