"""The pieces that tie the views together: the summary sentence, downloads, colours, embedding."""

import datetime as dt
import io

import pandas as pd
from figures import validated

from components import theme
from components.downloads import memberships_csv
from components.state import DEFAULT_STATUSES, parse_query, to_query
from components.summary import sentence_for, sentences

TODAY = dt.date(2026, 11, 28)


def sentence(dataset, orgs, day, statuses=DEFAULT_STATUSES):
    return sentence_for(dataset, orgs, day.isoformat(), list(statuses), TODAY)


def test_summary_on_the_articles_day(bundled):
    assert sentence(bundled, ["CSTO", "SCO"], dt.date(2014, 4, 24)) == (
        "On 24 April 2014, 6 states were members of the CSTO and 6 of the SCO; "
        "4 were in both: Kazakhstan, Kyrgyzstan, Russia and Tajikistan."
    )


def test_summary_today_three_organizations_and_edge_cases(bundled):
    text = sentence(bundled, ["CSTO", "SCO", "NATO"], TODAY)
    # Armenia froze its participation: counted, but not as a member, as the map shows it.
    assert text.startswith(
        "Today, 6 states are in the CSTO (5 members and 1 suspended or frozen member), "
        "10 in the SCO (10 members) and 32 in NATO (32 members); "
    )
    assert (
        "5 are in both the CSTO and the SCO: Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan." in text
    )
    assert sentence(bundled, ["CSTO", "SCO"], dt.date(1993, 1, 1)).endswith("none were in both.")
    assert sentence(bundled, ["SCO"], TODAY, statuses=["member", "partner"]) == (
        "Today, 27 states are in the SCO (10 members and 17 observers or partners)."
    )
    assert sentence(bundled, ["CSTO"], dt.date(1993, 12, 31)) == (
        "On 31 December 1993, 9 states were signatories of the Collective Security Treaty."
    )
    assert "No organization is selected" in sentence(bundled, [], TODAY)
    assert "No status is selected" in sentence(bundled, ["CSTO"], TODAY, statuses=[])


def test_memberships_csv_keeps_sources_and_precision(bundled):
    rows = bundled.memberships[bundled.memberships["family"] == "SCO"]
    frame = pd.read_csv(io.StringIO(memberships_csv(rows)), dtype=str, keep_default_na=False)
    assert list(frame.columns) == ["org", "iso3", "country", "status", "start", "end", "source", "notes"]
    assert len(frame) == len(rows) and set(frame["org"]) == {"SHANGHAI5", "SCO"}
    mongolia = frame[(frame["iso3"] == "MNG") & (frame["status"] == "observer")].iloc[0]
    assert (mongolia["start"], mongolia["country"]) == ("2004", "Mongolia")
    assert frame["source"].str.startswith("http").all()


def test_dark_mode_restyles_a_figure_and_light_leaves_it():
    def figure():
        return theme.figure_of(
            [
                {"type": "choropleth", "locations": ["RUS"], "z": [1], "marker": {"line": {"color": theme.BORDER_COLOUR}}},
                {"type": "choropleth", "locations": ["KAZ"], "z": [1], "marker": {"line": {"color": theme.TEXT_COLOUR}}},
            ],
            geo={"landcolor": theme.LAND_COLOUR},
            xaxis={"showgrid": True},
            xaxis2={"showgrid": True},
            shapes=[
                {"type": "line", "x0": 1, "x1": 1, "y0": 0, "y1": 1, "line": {"color": theme.TEXT_COLOUR}},
                {"type": "line", "x0": 0, "x1": 1, "y0": 1, "y1": 1, "line": {"color": theme.RULE_COLOUR}},
            ],
            annotations=[{"text": "a note", "bgcolor": "white"}],
        )  # fmt: skip

    light = figure()
    assert theme.styled(light, "light") is light and light == figure()
    dark = validated(theme.styled(figure(), "dark"))
    assert dark.layout.geo.landcolor == theme.DARK["land"]
    assert dark.layout.font.color == theme.DARK["text"]
    assert dark.layout.xaxis.gridcolor == dark.layout.xaxis2.gridcolor == theme.DARK["grid"]
    assert dark.data[0].marker.line.color == theme.DARK["border"]
    assert dark.data[1].marker.line.color == theme.DARK["text"]  # a selection's outline
    assert dark.layout.shapes[0].line.color == theme.DARK["text"]
    assert dark.layout.shapes[1].line.color == theme.DARK["grid"]  # the timeline's rules between lanes
    assert dark.layout.annotations[0].bgcolor == theme.DARK["legend"]
    # The template every figure shares is left alone.
    assert theme.TEMPLATE["layout"]["font"]["color"] == theme.TEXT_COLOUR


def test_embed_is_kept_in_the_url_and_only_for_known_views():
    state = parse_query("?embed=map&date=2014", known_orgs=["CSTO", "SCO"], today=TODAY)
    assert state.embed == "map" and to_query(state) == "?date=2014&embed=map"
    assert parse_query("?embed=<script>", known_orgs=["CSTO"], today=TODAY).embed is None


def test_summary_says_none_and_agrees_in_number(bundled):
    # With the CSTO PA switched on and members counted (it has only observers), the sentence
    # said "0 of the CSTO PA"; one state in both was "1 are in both".
    text = sentence(bundled, ["CSTO", "SCO", "CSTO_PA"], dt.date(2014, 4, 24))
    assert "none of the CSTO PA" in text and " 0 " not in text
    words = sentences(
        {frozenset({"CSTO", "SCO"}): ["KAZ"], frozenset({"CSTO"}): ["RUS"]},
        orgs=["CSTO", "SCO"],
        statuses=["member"],
        groups={"CSTO": {"member": 2}, "SCO": {"member": 1}},
    )
    assert words["past"].endswith("; 1 was in both: Kazakhstan.")
    assert words["present"].endswith("; 1 is in both: Kazakhstan.")
