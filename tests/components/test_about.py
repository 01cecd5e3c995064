"""The "About the data" dialog and the footer's line say what the loaded data say about themselves."""

import datetime as dt
import json

from plotly.utils import PlotlyJSONEncoder

import app as dashboard
from components import about, ids, page


def text_of(component) -> str:
    """Every string in a component tree, in order."""
    return " ".join(
        value for value in json.dumps(component, cls=PlotlyJSONEncoder).split('"') if " " in value or value
    )


def find(component, component_id):
    if getattr(component, "id", None) == component_id:
        return component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if hasattr(child, "children") or hasattr(child, "id"):
            found = find(child, component_id)
            if found is not None:
                return found
    return None


def test_each_table_is_described_with_its_row_count(bundled):
    notes = about.table_notes(bundled)
    assert [name for name, _, _ in notes] == ["organizations.csv", "memberships.csv", "events.csv"]
    assert [rows for _, rows, _ in notes] == [
        f"{len(bundled.organizations)} rows",
        f"{len(bundled.memberships)} rows",
        f"{len(bundled.events)} rows",
    ]
    # the statuses and categories in the vocabulary's words, the stages counted from the data
    assert "member, signatory, observer, dialogue partner" in notes[1][2]
    assert "(cooperation, suspension, membership, crisis and institution)" in notes[2][2]
    assert "(2 of them became a later organization)" in notes[0][2]


def test_the_citation_names_the_review_date_and_the_licence(small_dataset):
    assert about.citation(small_dataset) == (
        "csto-sco-dashboard: CSTO, SCO and NATO membership and events, "
        "data last reviewed 28 November 2026. Licence: CC BY 4.0."
    )
    assert page.client_config(small_dataset)["citation"] == about.citation(small_dataset)


def test_the_dialog_gives_tables_review_date_licence_citation_and_sources(bundled):
    dialog = about.layout(bundled)
    assert dialog.id == ids.ABOUT_MODAL and dialog.is_open is False
    assert dialog.labelledby == ids.ABOUT_TITLE  # its accessible name is its title
    said = text_of(dialog)
    assert f"{len(bundled.memberships)} rows" in said and f"{len(bundled.events)} rows" in said
    reviewed = find(dialog, ids.ABOUT_REVIEWED)
    time = next(child for child in reviewed.children if getattr(child, "dateTime", None))
    assert (time.dateTime, time.children) == ("2026-11-28", "28 November 2026")
    licence = text_of(find(dialog, ids.ABOUT_LICENCE))
    assert "CC BY 4.0" in licence and "https://creativecommons.org/licenses/by/4.0/" in licence
    assert "Every row cites the page its fact was read on" in said
    assert find(dialog, ids.ABOUT_CITATION).value == about.citation(bundled)


def test_the_footer_says_when_the_data_were_last_reviewed(bundled):
    line = about.footer_line(bundled)
    assert line.id == ids.DATA_REVIEWED
    assert text_of(line).count("28 November 2026") == 1
    assert "Data last reviewed" in text_of(line)


def test_the_page_has_the_button_the_dialog_and_the_footer_line(bundled):
    assert dashboard.app is not None  # the layout's components need the app to exist
    whole = page.layout(bundled, today=dt.date(2026, 11, 28))
    for component_id in (ids.ABOUT_OPEN, ids.ABOUT_MODAL, ids.DATA_REVIEWED):
        assert find(whole, component_id) is not None, component_id
    assert find(whole, ids.ABOUT_OPEN).children == "About the data"
