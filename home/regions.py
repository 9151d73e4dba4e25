"""The 18 French régions, by INSEE code: one list for every tool that files things by région
(agenda, classified ads, projects, partners, matching). Proper names are not translated."""

import unicodedata

REGIONS = [
    ("84", "Auvergne-Rhône-Alpes"),
    ("27", "Bourgogne-Franche-Comté"),
    ("53", "Bretagne"),
    ("24", "Centre-Val de Loire"),
    ("94", "Corse"),
    ("44", "Grand Est"),
    ("32", "Hauts-de-France"),
    ("11", "Île-de-France"),
    ("28", "Normandie"),
    ("75", "Nouvelle-Aquitaine"),
    ("76", "Occitanie"),
    ("52", "Pays de la Loire"),
    ("93", "Provence-Alpes-Côte d'Azur"),
    ("01", "Guadeloupe"),
    ("02", "Martinique"),
    ("03", "Guyane"),
    ("04", "La Réunion"),
    ("06", "Mayotte"),
]
REGION_NAMES = dict(REGIONS)


def _key(text):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "".join(char for char in text if char.isalnum())


_BY_KEY = {_key(name): code for code, name in REGIONS} | {code: code for code, _name in REGIONS}


def region_code(value):
    """The INSEE code of a région given by code or by name, however accented or spaced
    ("Ile de France", "ÎLE-DE-FRANCE", "11"); None when it is not a French région."""
    value = (value or "").strip()
    return _BY_KEY.get(value) or _BY_KEY.get(_key(value))
