"""Demo projects: four dozen plausible French projects in every région, at every stage, with
real communes and their coordinates. The names are invented. Idempotent: a project is found
by its key (name, commune, département), and the random choices come from a fixed seed drawn
for every project in the same order, so a second run adds nothing."""

import random

from .factories import ProjectFactory
from .models import EcologicalFeature, LegalForm, Project, Public, Stage, project_key

# (name, commune, département, latitude, longitude)
PROJECTS = [
    ("Les Colibris du Lez", "Montpellier", "34", 43.6108, 3.8767),
    ("Hameau des Buis", "Die", "26", 44.7536, 5.3703),
    ("La Ruche de Villeurbanne", "Villeurbanne", "69", 45.7719, 4.8902),
    ("Habiter Autrement", "Grenoble", "38", 45.1885, 5.7245),
    ("L'Écoquartier des Tisserands", "Saint-Étienne", "42", 45.4397, 4.3872),
    ("Les Voisins du Lac", "Annecy", "74", 45.8992, 6.1294),
    ("Le Clos des Volcans", "Clermont-Ferrand", "63", 45.7772, 3.0870),
    ("La Maison des Possibles", "Dijon", "21", 47.3220, 5.0415),
    ("Les Jardins de la Citadelle", "Besançon", "25", 47.2378, 6.0241),
    ("La Courte Échelle", "Rennes", "35", 48.1173, -1.6778),
    ("Ty Kêr", "Brest", "29", 48.3904, -4.4861),
    ("Les Goélands", "Lorient", "56", 47.7483, -3.3700),
    ("L'Archipel", "Tours", "37", 47.3941, 0.6848),
    ("La Clairière", "Orléans", "45", 47.9030, 1.9093),
    ("A Casa Cumuna", "Ajaccio", "2A", 41.9192, 8.7386),
    ("Les Cigognes Partagées", "Strasbourg", "67", 48.5734, 7.7521),
    ("Le Toit Commun", "Nancy", "54", 48.6921, 6.1844),
    ("La Filature", "Lille", "59", 50.6292, 3.0573),
    ("Les Hortillons", "Amiens", "80", 49.8941, 2.2958),
    ("Le Chant des Murs", "Montreuil", "93", 48.8638, 2.4485),
    ("Les Lilas Solidaires", "Ivry-sur-Seine", "94", 48.8156, 2.3849),
    ("Habitat partagé de la Butte", "Paris", "75", 48.8867, 2.3431),
    ("Le Grand Portail", "Rouen", "76", 49.4432, 1.0999),
    ("La Prairie", "Caen", "14", 49.1829, -0.3707),
    ("Les Chartrons Ensemble", "Bordeaux", "33", 44.8378, -0.5792),
    ("La Ferme urbaine", "Bègles", "33", 44.8086, -0.5478),
    ("Le Jardin de Blossac", "Poitiers", "86", 46.5802, 0.3404),
    ("Les Porcelaines", "Limoges", "87", 45.8336, 1.2611),
    ("La Maison Rose", "Toulouse", "31", 43.6047, 1.4442),
    ("Les Garrigues", "Nîmes", "30", 43.8367, 4.3601),
    ("La Brique Rouge", "Albi", "81", 43.9289, 2.1464),
    ("L'Île aux Habitants", "Nantes", "44", 47.2184, -1.5536),
    ("Les Trois Ponts", "Rezé", "44", 47.1919, -1.5697),
    ("La Doutre Partagée", "Angers", "49", 47.4784, -0.5632),
    ("Les Plantagenêts", "Le Mans", "72", 48.0061, 0.1996),
    ("Le Panier Solidaire", "Marseille", "13", 43.2965, 5.3698),
    ("La Bastide des Lavandes", "Forcalquier", "04", 43.9598, 5.7801),
    ("Les Remparts", "Avignon", "84", 43.9493, 4.8055),
    ("Case Kréol", "Saint-Denis", "974", -20.8821, 55.4507),
    ("Lakou Ansanm", "Pointe-à-Pitre", "971", 16.2411, -61.5331),
    ("Kaz Ansanm", "Fort-de-France", "972", 14.6161, -61.0588),
    ("Habitat du Fleuve", "Cayenne", "973", 4.9224, -52.3135),
    ("Les Jardins de Mamoudzou", "Mamoudzou", "976", -12.7806, 45.2279),
    ("Les Tilleuls", "Metz", "57", 49.1193, 6.1757),
    ("Le Moulin de la Sèvre", "Niort", "79", 46.3237, -0.4588),
    ("Les Capucines", "La Rochelle", "17", 46.1603, -1.1511),
    ("Le Hameau des Crêtes", "Chambéry", "73", 45.5646, 5.9178),
    ("Les Coteaux de l'Adour", "Bayonne", "64", 43.4929, -1.4748),
]
# Recorded but not shown yet: editors see it in the admin.
UNPUBLISHED = {"Le Moulin de la Sèvre"}
# The demo member keeps these records up to date from the site.
EDITED_BY_MEMBER = {"La Courte Échelle", "L'Île aux Habitants"}

STAGE_WEIGHTS = [
    (Stage.IDEA, 2),
    (Stage.GROUP, 3),
    (Stage.STUDIES, 3),
    (Stage.CONSTRUCTION, 2),
    (Stage.INHABITED, 4),
]
YEARS = {
    Stage.IDEA: (2022, 2025),
    Stage.GROUP: (2020, 2025),
    Stage.STUDIES: (2017, 2023),
    Stage.CONSTRUCTION: (2014, 2021),
    Stage.INHABITED: (2006, 2019),
}
LEGAL_FORMS = {
    Stage.IDEA: ["", LegalForm.ASSOCIATION],
    Stage.GROUP: [LegalForm.ASSOCIATION, LegalForm.ASSOCIATION, ""],
    Stage.STUDIES: [LegalForm.COOPERATIVE, LegalForm.SELF_DEVELOPMENT, LegalForm.SAS],
    Stage.CONSTRUCTION: [LegalForm.COOPERATIVE, LegalForm.SCIA, LegalForm.BRS, LegalForm.SCCC],
    Stage.INHABITED: [
        LegalForm.COOPERATIVE,
        LegalForm.SCIA,
        LegalForm.SCI,
        LegalForm.CONDOMINIUM,
        LegalForm.SOCIAL_RENTAL,
    ],
}
DESCRIPTIONS = {
    Stage.IDEA: "Quelques foyers se retrouvent chaque mois pour imaginer un habitat partagé "
    "à {commune} et cherchent d'autres personnes pour former le groupe.",
    Stage.GROUP: "Le groupe est constitué : une charte écrite ensemble, des ateliers sur les "
    "espaces communs et une recherche de terrain en cours avec la commune.",
    Stage.STUDIES: "Le terrain est trouvé à {commune}. Le groupe travaille le programme avec "
    "son architecte : salle commune, buanderie, chambre d'amis et jardin partagé.",
    Stage.CONSTRUCTION: "Le chantier a commencé. Les futurs habitants suivent les travaux et "
    "préparent la vie collective : gouvernance partagée, accueil des nouveaux foyers.",
    Stage.INHABITED: "Les habitants vivent ensemble depuis plusieurs années à {commune}. Ils "
    "ouvrent leur salle commune au quartier et accueillent volontiers les groupes en projet.",
}


def _pick_stage(rng):
    stages, weights = zip(*STAGE_WEIGHTS, strict=True)
    return rng.choices(stages, weights)[0]


def project_specs(seed=2026):
    """Every demo project's values, drawn in a fixed order from a fixed seed."""
    rng = random.Random(seed)  # noqa: S311 (demo data, not security)
    publics = list(Public.objects.order_by("sort_order", "pk"))
    features = list(EcologicalFeature.objects.order_by("sort_order", "pk"))
    specs = []
    for name, commune, department, latitude, longitude in PROJECTS:
        stage = _pick_stage(rng)
        social = rng.random() < 0.3
        spec = {
            "name": name,
            "commune": commune,
            "department": department,
            "region": "",  # from the département
            "latitude": latitude,
            "longitude": longitude,
            "stage": stage,
            "year": rng.randint(*YEARS[stage]),
            "homes": rng.randint(5, 40) if stage != Stage.IDEA else rng.choice([None, 6, 10]),
            "legal_form": rng.choice(LEGAL_FORMS[stage]),
            "social_landlord": f"Office public de l'habitat de {commune}" if social else "",
            "municipality": f"Ville de {commune}" if rng.random() < 0.4 else "",
            "description": DESCRIPTIONS[stage].format(commune=commune),
            "website": f"https://{project_key(name, '', '').strip('/')}.example.org"
            if rng.random() < 0.5
            else "",
            "published": name not in UNPUBLISHED,
            "publics": rng.sample(publics, rng.randint(0, min(2, len(publics)))),
            "ecological_features": rng.sample(features, rng.randint(1, min(3, len(features)))),
        }
        if social:
            spec["publics"] = list(
                {*spec["publics"], *[p for p in publics if p.slug == "logement-social"]}
            )
        spec["contact_email"] = (
            f"contact@{project_key(name, '', '').strip('/')}.example.org"
            if rng.random() < 0.8
            else ""
        )
        specs.append(spec)
    return specs


def load(report, member=None):
    existing = set(Project.objects.values_list("key", flat=True))
    created = 0
    for spec in project_specs():
        if project_key(spec["name"], spec["commune"], spec["department"]) in existing:
            continue
        editors = [member] if member is not None and spec["name"] in EDITED_BY_MEMBER else []
        ProjectFactory(**spec, editors=editors)
        created += 1
    if created:
        report.add(f"{created} projets d'habitat participatif")
