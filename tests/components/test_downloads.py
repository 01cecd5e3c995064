"""What the browser is told to save a figure for a slide: size, source line, file names, titles."""

import dataclasses

from components import downloads, ids, overlap, page, state, timeline
from components import map as map_view


def test_the_source_line_names_the_data_and_their_review_date(small_dataset):
    assert downloads.source_line(small_dataset) == (
        "Data: csto-sco-dashboard (reviewed 28 November 2026), sources in the table"
    )
    # The date is the data's, not a constant: reviewed again, the line follows.
    later = dataclasses.replace(small_dataset, about={**small_dataset.about, "reviewed": "2027-03-01"})
    assert downloads.source_line(later) == (
        "Data: csto-sco-dashboard (reviewed 1 March 2027), sources in the table"
    )


def test_the_slide_is_1920_by_1080_and_names_its_files_after_the_view(small_dataset):
    config = downloads.slide_config(small_dataset, {"some-graph": ("some", "Some title")})
    assert config == {
        "width": 1920,
        "height": 1080,
        "source": downloads.source_line(small_dataset),
        "filePrefix": "csto-sco-nato",
        "figures": {"some-graph": {"view": "some", "title": "Some title"}},
    }


def test_the_page_tells_the_browser_each_cards_view_and_title(small_dataset):
    slide = page.client_config(small_dataset)["slide"]
    assert slide == downloads.slide_config(small_dataset, page.figures())
    assert slide["figures"] == {
        ids.MAP_GRAPH: {"view": "map", "title": map_view.CARD_TITLE},
        ids.OVERLAP_GRAPH: {"view": "overlap", "title": overlap.CARD_TITLE},
        ids.TIMELINE_GRAPH: {"view": "timeline", "title": timeline.CARD_TITLE},
    }
    assert map_view.CARD_TITLE == "Map of member states"
    assert "slideWidth" not in page.client_config(small_dataset)  # the old key is gone
    # The views' names are those of `?embed=`, so a file's name says which view it shows.
    assert {figure["view"] for figure in slide["figures"].values()} == set(state.EMBEDDABLE)


def test_a_cards_title_is_read_from_its_view_when_the_page_is_built(small_dataset, monkeypatch):
    monkeypatch.setattr(overlap, "CARD_TITLE", "States in common")
    assert page.figures()[ids.OVERLAP_GRAPH] == ("overlap", "States in common")
    assert (
        page.client_config(small_dataset)["slide"]["figures"][ids.OVERLAP_GRAPH]["title"]
        == "States in common"
    )
