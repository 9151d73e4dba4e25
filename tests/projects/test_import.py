"""`manage.py import_projects`: good files, bad files, bad rows, duplicates, and nothing ever
half imported."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from projects.factories import ProjectFactory
from projects.importer import (
    CREATED,
    REJECTED,
    SKIPPED,
    UNCHANGED,
    UPDATED,
    CsvFileError,
    ProjectImporter,
)
from projects.models import Project, Stage

pytestmark = pytest.mark.django_db

HEADER = [
    "name",
    "commune",
    "department",
    "region",
    "latitude",
    "longitude",
    "stage",
    "year",
    "homes",
    "legal_form",
    "publics",
    "ecological_features",
    "website",
    "contact_email",
]
GOOD = [
    [
        "La Courte Échelle",
        "Rennes",
        "35",
        "Bretagne",
        "48,1173",
        "-1.6778",
        "études",
        "2021",
        "14",
        "coopérative d'habitants",
        "seniors | Intergénérationnel",
        "construction-bois",
        "courte-echelle.example.org",
        "contact@courte-echelle.example.org",
    ],
    [
        "Ty Kêr",
        "Brest",
        "Finistère",
        "",
        "48.3904",
        "-4.4861",
        "inhabited",
        "2012",
        "9",
        "SCIA",
        "",
        "",
        "",
        "",
    ],
    [
        "La Ruche",
        "Villeurbanne",
        "69",
        "84",
        "",
        "",
        "Groupe constitué",
        "",
        "",
        "",
        "logement-social",
        "",
        "",
        "",
    ],
]


def csv_bytes(rows, header=HEADER, delimiter=",", encoding="utf-8"):
    output = io.StringIO()
    writer = csv.writer(output, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return output.getvalue().encode(encoding)


def run(data, **options):
    return ProjectImporter(update_existing=not options.pop("skip_existing", False)).run(
        data, **options
    )


def statuses(report):
    return [outcome.status for outcome in report.outcomes]


def test_a_good_file_creates_every_project(publics, features):
    report = run(csv_bytes(GOOD))
    assert statuses(report) == [CREATED, CREATED, CREATED]
    rennes = Project.objects.get(name="La Courte Échelle")
    assert (rennes.region, rennes.department, rennes.stage) == ("53", "35", Stage.STUDIES)
    assert (rennes.latitude, rennes.longitude) == (48.1173, -1.6778)
    assert (rennes.year, rennes.homes, rennes.legal_form) == (2021, 14, "cooperative")
    assert set(rennes.publics.values_list("slug", flat=True)) == {"seniors", "intergenerationnel"}
    assert list(rennes.ecological_features.values_list("slug", flat=True)) == ["construction-bois"]
    assert rennes.website == "https://courte-echelle.example.org"
    brest = Project.objects.get(name="Ty Kêr")
    assert (brest.department, brest.region, brest.legal_form) == ("29", "53", "scia")
    assert Project.objects.get(name="La Ruche").stage == Stage.GROUP


def test_importing_the_same_file_twice_changes_nothing():
    data = csv_bytes(GOOD)
    run(data)
    before = {p.pk: p.updated_at for p in Project.objects.all()}
    report = run(data)
    assert statuses(report) == [UNCHANGED, UNCHANGED, UNCHANGED]
    assert Project.objects.count() == 3
    assert {p.pk: p.updated_at for p in Project.objects.all()} == before


def test_a_project_already_recorded_is_updated_or_skipped(publics):
    existing = ProjectFactory(
        name="Ty Kêr", commune="Brest", department="29", region="53", stage=Stage.STUDIES
    )
    existing.publics.set([publics["familles"]])
    report = run(csv_bytes(GOOD))
    assert statuses(report) == [CREATED, UPDATED, CREATED]
    existing.refresh_from_db()
    assert existing.stage == Stage.INHABITED
    assert list(existing.publics.all()) == []  # the file's empty cell is the new value
    assert Project.objects.count() == 3

    existing.stage = Stage.STUDIES
    existing.save()
    report = run(csv_bytes(GOOD), skip_existing=True)
    assert statuses(report) == [SKIPPED, SKIPPED, SKIPPED]
    existing.refresh_from_db()
    assert existing.stage == Stage.STUDIES


def test_columns_absent_from_the_file_are_left_as_they_are():
    existing = ProjectFactory(name="Ty Kêr", commune="Brest", department="29", homes=9)
    existing.contact_email = "garde@example.org"
    existing.save()
    header = ["name", "commune", "department", "region", "stage"]
    report = run(csv_bytes([["Ty Kêr", "Brest", "29", "53", "habité"]], header=header))
    assert statuses(report) == [UPDATED]
    existing.refresh_from_db()
    assert (existing.stage, existing.homes, existing.contact_email) == (
        "inhabited",
        9,
        "garde@example.org",
    )


def test_duplicates_within_the_file_are_rejected_and_say_which_line():
    rows = [GOOD[0], GOOD[1], ["la courte echelle", "RENNES", "35", "53", "", "", "idée"]]
    rows[2] += [""] * (len(HEADER) - len(rows[2]))
    report = run(csv_bytes(rows))
    assert statuses(report) == [CREATED, CREATED, REJECTED]
    assert "line 2" in report.outcomes[2].reason
    assert Project.objects.count() == 2
    assert Project.objects.get(name="La Courte Échelle").stage == Stage.STUDIES


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("latitude", "95", "latitude"),
        ("longitude", "200", "longitude"),
        ("latitude", "nord", "not a number"),
        ("region", "Atlantide", "Unknown région “Atlantide”"),
        ("department", "99", "Unknown département “99”"),
        ("region", "Occitanie", "Ille-et-Vilaine is not in Occitanie"),
        ("stage", "presque fini", "Unknown stage"),
        ("year", "1850", "year"),
        ("homes", "12,5", "whole number"),
        ("publics", "seniors | martiens", "“martiens”"),
        ("contact_email", "pas-une-adresse", "not an email address"),
        ("name", "", "required"),
    ],
)
def test_a_bad_row_is_rejected_with_its_reason_and_the_others_imported(column, value, message):
    bad = list(GOOD[0])
    bad[HEADER.index(column)] = value
    report = run(csv_bytes([bad, GOOD[1]]))
    assert statuses(report) == [REJECTED, CREATED]
    rejected = report.outcomes[0]
    assert rejected.line == 2
    assert message in rejected.reason
    # The reason names the column at fault (the département, for one outside its région).
    assert rejected.reason.split(":")[0] in (column, "department")
    assert list(Project.objects.values_list("name", flat=True)) == ["Ty Kêr"]


def test_strict_mode_imports_nothing_when_a_row_is_rejected():
    bad = list(GOOD[0])
    bad[HEADER.index("region")] = "Atlantide"
    report = run(csv_bytes([bad, GOOD[1]]), strict=True)
    assert not report.written
    assert Project.objects.count() == 0


def test_a_failure_while_saving_leaves_nothing_behind(monkeypatch):
    importer = ProjectImporter()
    from projects.importer import read_table

    table = read_table(csv_bytes(GOOD))
    outcomes = importer.check(table)
    original = Project.save
    calls = []

    def failing_save(self, *args, **kwargs):
        calls.append(self.name)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Project, "save", failing_save)
    with pytest.raises(RuntimeError):
        importer.save(outcomes)
    monkeypatch.setattr(Project, "save", original)
    assert Project.objects.count() == 0  # the two rows written before were rolled back


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (csv_bytes(GOOD, encoding="cp1252"), "not in UTF-8: line 2 has the byte 0xc9"),
        (csv_bytes(GOOD, encoding="utf-16"), "UTF-16"),
        (b"PK\x03\x04 a zipped workbook", "spreadsheet"),
        (b"", "empty"),
        (b"\n\n  \n", "empty"),
        (
            csv_bytes(
                GOOD, header=["nom", "commune", "departement", "région", "couleur", *HEADER[5:]]
            ),
            "Unknown columns: “couleur”",
        ),
        (csv_bytes([["x", "y"]], header=["name", "commune"]), "Missing columns: department"),
        (
            csv_bytes([GOOD[0] + ["x"]], header=[*HEADER, "Name"]),
            "Columns given twice: “Name”",
        ),
        (b'name,commune,department,region,stage\n"Rennes,"bad"quote,35,53,idea\n', "not valid CSV"),
    ],
)
def test_a_file_with_a_structural_problem_is_refused_whole(data, message):
    with pytest.raises(CsvFileError) as caught:
        run(data)
    assert message in caught.value.message
    assert Project.objects.count() == 0


def test_windows_1252_is_read_when_asked_for():
    report = run(csv_bytes(GOOD, encoding="cp1252"), encoding="cp1252")
    assert statuses(report) == [CREATED, CREATED, CREATED]
    assert Project.objects.filter(name="La Courte Échelle").exists()


def test_semicolons_a_bom_and_french_headers_are_understood():
    header = ["Nom", "Commune", "Département", "Région", "Étape", "Publics", "Logements"]
    rows = [["Les Hortillons", "Amiens", "80", "Hauts-de-France", "idée", "seniors; familles", "7"]]
    data = "\ufeff".encode() + csv_bytes(rows, header=header, delimiter=";")
    report = run(data)
    assert statuses(report) == [CREATED]
    project = Project.objects.get(name="Les Hortillons")
    assert project.homes == 7 and project.publics.count() == 2


def test_a_row_with_too_many_or_too_few_values_is_rejected():
    data = csv_bytes([GOOD[0][:4], GOOD[1] + ["en trop"], GOOD[2]])
    report = run(data)
    assert statuses(report) == [REJECTED, REJECTED, CREATED]
    assert "has 4 values but the header has 14 columns" in report.outcomes[0].reason


def test_the_command_shows_progress_a_summary_and_the_rejected_rows(tmp_path):
    bad = list(GOOD[0])
    bad[HEADER.index("latitude")] = "123"
    path = tmp_path / "projets.csv"
    path.write_bytes(csv_bytes([bad, GOOD[1], GOOD[2]]))
    rejected_path = tmp_path / "rejets.csv"
    output = io.StringIO()
    call_command("import_projects", str(path), "--rejected", str(rejected_path), stdout=output)
    text = output.getvalue()
    assert "Checking" in text and "Saving" in text  # the progress bars
    assert "Import summary" in text and "Rejected rows" in text
    assert "between -90 and 90" in text
    assert Project.objects.count() == 2
    # The rejected rows come back in a file that imports once fixed.
    rows = list(csv.DictReader(rejected_path.open(encoding="utf-8")))
    assert [row["name"] for row in rows] == ["La Courte Échelle"]
    assert "line 2" in rows[0]["reason"]
    fixed = rejected_path.read_text(encoding="utf-8").replace(",123,", ",48.1,")
    rejected_path.write_text(fixed, encoding="utf-8")
    call_command("import_projects", str(rejected_path), stdout=io.StringIO())
    assert Project.objects.count() == 3


def test_the_command_refuses_a_bad_file_with_the_reason(tmp_path):
    path = tmp_path / "projets.csv"
    path.write_bytes(csv_bytes(GOOD, encoding="cp1252"))
    with pytest.raises(CommandError, match="--encoding cp1252"):
        call_command("import_projects", str(path), stdout=io.StringIO())
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_projects", str(tmp_path / "absent.csv"), stdout=io.StringIO())
    assert Project.objects.count() == 0


def test_the_command_dry_run_and_strict(tmp_path):
    path = tmp_path / "projets.csv"
    bad = list(GOOD[2])
    bad[HEADER.index("region")] = "Bretagne"  # Rhône is not in Bretagne
    path.write_bytes(csv_bytes([GOOD[0], bad]))
    output = io.StringIO()
    call_command("import_projects", str(path), "--dry-run", stdout=output)
    assert "Nothing was changed" in output.getvalue()
    assert "would be created" in output.getvalue()
    assert Project.objects.count() == 0
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_projects", str(path), "--strict", stdout=io.StringIO())
    assert Project.objects.count() == 0
