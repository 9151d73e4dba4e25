import re

from django import forms

from home.widgets import QuickSelect


def _squeezed(html):
    return re.sub(r">\s+<", "><", str(html)).strip()


def test_quick_select_writes_the_html_django_writes():
    choices = [
        ("", "Tous les départements"),
        ("Bretagne", [("35", "35 – Ille-et-Vilaine"), ("29", "29 – Finistère")]),
        ("x", "<script> & « guillemets »"),
    ]
    for value in ("29", "", None, "x"):
        attrs = {"id": "id_department", "required": True}
        expected = forms.Select(choices=choices).render("department", value, attrs=attrs)
        written = QuickSelect(choices=choices).render("department", value, attrs=attrs)
        assert _squeezed(written) == _squeezed(expected)
