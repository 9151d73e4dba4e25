"""The publics and ecological features a fresh installation starts with (editors change them
as snippets). Pure data, in French like the rest of the content: the data migration that
loads them imports this module, and the CSV import accepts these slugs or names."""

PUBLICS = [
    ("seniors", "Seniors"),
    ("intergenerationnel", "Intergénérationnel"),
    ("logement-social", "Logement social"),
    ("familles", "Familles avec enfants"),
    ("handicap", "Personnes en situation de handicap"),
    ("jeunes", "Jeunes et étudiants"),
]

ECOLOGICAL_FEATURES = [
    ("construction-bois", "Construction bois"),
    ("biosources", "Matériaux biosourcés (paille, chanvre, terre)"),
    ("basse-consommation", "Bâtiment passif ou basse consommation"),
    ("energies-renouvelables", "Énergies renouvelables"),
    ("rehabilitation", "Réhabilitation d'un bâtiment existant"),
    ("jardin-partage", "Jardin ou potager partagé"),
    ("eau-de-pluie", "Récupération des eaux de pluie"),
    ("mobilite-partagee", "Mobilité partagée"),
]
