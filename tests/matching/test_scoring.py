"""The fit between two profiles: a pure function, so these tests need no database."""

from matching.scoring import (
    BUDGET_POINTS,
    REGION_POINTS,
    TIMELINE_POINTS,
    WISH_POINTS,
    Criteria,
    fit,
)


def criteria(regions=("53",), budget=(150_000, 250_000), timeline=2, wishes=("eco_building",)):
    return Criteria(frozenset(regions), budget[0], budget[1], timeline, frozenset(wishes))


def test_a_perfect_fit_scores_100_and_says_why():
    result = fit(criteria(), criteria())
    assert result.score == REGION_POINTS + BUDGET_POINTS + TIMELINE_POINTS + WISH_POINTS == 100
    assert result.codes == ["region", "budget", "timeline", "wishes"]


def test_nothing_in_common_scores_zero_with_no_reason():
    result = fit(
        criteria(regions=["53"], budget=(100_000, 150_000), timeline=1, wishes=["rural"]),
        criteria(regions=["93"], budget=(400_000, 500_000), timeline=3, wishes=["urban"]),
    )
    assert (result.score, result.reasons) == (0, ())


def test_one_shared_region_is_enough():
    result = fit(criteria(regions=["53", "52"]), criteria(regions=["52", "28"]))
    assert "region" in result.codes
    region = next(reason for reason in result.reasons if reason.code == "region")
    assert "Pays de la Loire" in region.text and "Bretagne" not in region.text


def test_overlapping_budgets_are_compatible_and_touching_ones_too():
    assert "budget" in fit(criteria(budget=(100, 200)), criteria(budget=(150, 300))).codes
    assert "budget" in fit(criteria(budget=(100, 200)), criteria(budget=(200, 300))).codes


def test_a_small_budget_gap_earns_part_of_the_points_a_large_one_none():
    close = fit(
        criteria(budget=(150_000, 200_000), regions=["53"]),
        criteria(budget=(210_000, 260_000), regions=["93"]),
    )
    assert close.codes[0] == "budget_close"
    assert 0 < close.score - TIMELINE_POINTS - WISH_POINTS < BUDGET_POINTS
    far = fit(criteria(budget=(100_000, 150_000)), criteria(budget=(250_000, 300_000)))
    assert "budget" not in far.codes and "budget_close" not in far.codes


def test_timeline_closeness():
    assert "timeline" in fit(criteria(timeline=2), criteria(timeline=2)).codes
    close = fit(criteria(timeline=1), criteria(timeline=2))
    assert "timeline_close" in close.codes
    assert close.score == 100 - TIMELINE_POINTS + TIMELINE_POINTS // 2
    far = fit(criteria(timeline=1), criteria(timeline=3))
    assert not {"timeline", "timeline_close"} & set(far.codes)


def test_shared_wishes_are_counted_and_named():
    a = criteria(wishes=["eco_building", "shared_spaces", "rural"])
    b = criteria(wishes=["eco_building", "shared_spaces", "urban", "cooperative"])
    result = fit(a, b)
    wishes = next(reason for reason in result.reasons if reason.code == "wishes")
    assert wishes.text.startswith("2 ")
    # 2 shared out of the smaller list of 3.
    assert result.score == REGION_POINTS + BUDGET_POINTS + TIMELINE_POINTS + round(
        WISH_POINTS * 2 / 3
    )


def test_the_score_is_symmetric():
    a = criteria(regions=["53", "11"], budget=(90_000, 140_000), timeline=1, wishes=["rural"])
    b = criteria(regions=["11"], budget=(150_000, 400_000), timeline=2, wishes=["rural", "urban"])
    assert fit(a, b).score == fit(b, a).score


def test_a_better_fit_always_scores_higher():
    person = criteria(regions=["53"], wishes=["eco_building", "shared_spaces"])
    same_region_one_wish = criteria(regions=["53"], wishes=["eco_building"], timeline=3)
    other_region_all_wishes = criteria(regions=["93"], wishes=["eco_building", "shared_spaces"])
    assert fit(person, same_region_one_wish).score > fit(person, other_region_all_wishes).score
