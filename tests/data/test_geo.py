import pytest

import data


def test_bundled_points_cover_every_state_the_data_name(bundled):
    points = data.load_country_points()
    assert points.index.is_unique
    assert bundled.countries <= set(points.index)
    assert not points.loc["BHR", "in_110m"] and not points.loc["MDV", "in_110m"]
    assert points.loc["RUS", "area_km2"] > 1_000_000
    assert points.loc["LUX", "area_km2"] == pytest.approx(2586, rel=0.1)  # 2,586 km² by official count


def test_malformed_points_are_named_by_row_and_column(tmp_path):
    (tmp_path / "country_points.csv").write_text(
        "iso3,lon,lat,area_km2,in_110m,source\n"
        "RUS,99.1,61.6,1,yes,https://example.org\n"
        "rus,east,61.6,1,maybe,https://example.org\n"
        "RUS,99.1,61.6,1,yes,https://example.org\n",
        encoding="utf-8",
    )
    with pytest.raises(data.DataError) as caught:
        data.load_country_points(tmp_path)
    problems = {(p.row, p.column) for p in caught.value.problems}
    assert problems == {(3, "iso3"), (3, "lon"), (3, "in_110m"), (4, "iso3")}
