"""The figures of the statistics page, computed by the database in three queries whatever the
number of projects: by stage, by région, per year."""

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum

from home.regions import REGION_NAMES

from .models import Stage


@dataclass
class StageRow:
    stage: str
    label: str
    projects: int
    homes: int


@dataclass
class RegionRow:
    region: str
    name: str
    projects: int
    homes_completed: int


@dataclass
class YearRow:
    year: int
    started: int
    cumulative: int


@dataclass
class ProjectStatistics:
    total: int = 0
    by_stage: list = field(default_factory=list)
    by_region: list = field(default_factory=list)
    per_year: list = field(default_factory=list)
    without_year: int = 0

    @property
    def inhabited(self):
        return self._stage(Stage.INHABITED).projects

    @property
    def homes_completed(self):
        """Homes in projects people already live in."""
        return self._stage(Stage.INHABITED).homes

    @property
    def homes_total(self):
        return sum(row.homes for row in self.by_stage)

    @property
    def in_progress(self):
        """Projects in studies or under construction."""
        return self._stage(Stage.STUDIES).projects + self._stage(Stage.CONSTRUCTION).projects

    def _stage(self, stage):
        return next(row for row in self.by_stage if row.stage == stage)


def compute(queryset):
    queryset = queryset.order_by()
    stats = ProjectStatistics()

    stages = {
        row["stage"]: row
        for row in queryset.values("stage").annotate(projects=Count("pk"), homes=Sum("homes"))
    }
    for value, label in Stage.choices:
        row = stages.get(value, {})
        stats.by_stage.append(
            StageRow(value, str(label), row.get("projects", 0), row.get("homes") or 0)
        )
    stats.total = sum(row.projects for row in stats.by_stage)

    regions = queryset.values("region").annotate(
        projects=Count("pk"), homes_completed=Sum("homes", filter=Q(stage=Stage.INHABITED))
    )
    stats.by_region = sorted(
        (
            RegionRow(
                row["region"],
                REGION_NAMES.get(row["region"], row["region"]),
                row["projects"],
                row["homes_completed"] or 0,
            )
            for row in regions
        ),
        key=lambda row: (-row.projects, row.name),
    )

    years = dict(queryset.values_list("year").annotate(started=Count("pk")))
    stats.without_year = years.pop(None, 0)
    if years:
        cumulative = 0
        for year in range(min(years), max(years) + 1):
            cumulative += years.get(year, 0)
            stats.per_year.append(YearRow(year, years.get(year, 0), cumulative))
    return stats
