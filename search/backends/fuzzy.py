"""Typo tolerance that leaves short words alone.

Wagtail's fuzzy queries use `fuzziness: AUTO`, which allows a typo from 3 letters on: "bail"
would match "bain". Ours allows one typo from 5 letters and two from 8, and never on the first
letter, which keeps results precise in French (many short words differ by one letter).
"""

FUZZINESS = "AUTO:5,8"


class FrenchFuzzinessMixin:
    def _compile_fuzzy_query(self, query, fields):
        compiled = super()._compile_fuzzy_query(query, fields)
        match = compiled.get("multi_match") or next(iter(compiled["match"].values()))
        match["fuzziness"] = FUZZINESS
        match["prefix_length"] = 1
        return compiled
