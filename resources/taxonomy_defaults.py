"""The taxonomies a fresh installation starts with (editors change them as snippets).
Pure data: the data migration that loads them imports this module."""

THEMES = [
    ("juridique", "Juridique"),
    ("financier", "Financier"),
    ("foncier", "Foncier"),
    ("technique-construction", "Technique et construction"),
    ("gouvernance", "Gouvernance"),
    ("vie-collective", "Vie collective"),
    ("communication", "Communication"),
    ("accompagnement", "Accompagnement"),
]

RESOURCE_TYPES = [
    ("guide", "Guide"),
    ("fiche-pratique", "Fiche pratique"),
    ("modele", "Modèle / trame-type"),
    ("etude", "Étude"),
    ("reglementation", "Réglementation"),
    ("retour-experience", "Retour d'expérience"),
    ("formation", "Formation"),
]

AUDIENCES = [
    ("groupes-habitants", "Groupes d'habitants"),
    ("associations", "Associations"),
    ("collectivites", "Collectivités et élus"),
    ("bailleurs-sociaux", "Bailleurs sociaux"),
    ("professionnels", "Professionnels (AMO, architectes, notaires…)"),
    ("grand-public", "Grand public"),
]

# (slug, name, INSEE code)
REGIONS = [
    ("national", "National", ""),
    ("auvergne-rhone-alpes", "Auvergne-Rhône-Alpes", "84"),
    ("bourgogne-franche-comte", "Bourgogne-Franche-Comté", "27"),
    ("bretagne", "Bretagne", "53"),
    ("centre-val-de-loire", "Centre-Val de Loire", "24"),
    ("corse", "Corse", "94"),
    ("grand-est", "Grand Est", "44"),
    ("hauts-de-france", "Hauts-de-France", "32"),
    ("ile-de-france", "Île-de-France", "11"),
    ("normandie", "Normandie", "28"),
    ("nouvelle-aquitaine", "Nouvelle-Aquitaine", "75"),
    ("occitanie", "Occitanie", "76"),
    ("pays-de-la-loire", "Pays de la Loire", "52"),
    ("provence-alpes-cote-d-azur", "Provence-Alpes-Côte d'Azur", "93"),
    ("guadeloupe", "Guadeloupe", "01"),
    ("martinique", "Martinique", "02"),
    ("guyane", "Guyane", "03"),
    ("la-reunion", "La Réunion", "04"),
    ("mayotte", "Mayotte", "06"),
]
