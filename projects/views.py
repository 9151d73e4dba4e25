from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from home import ratelimit
from home.maps import MapConfig, map_response
from partners.models import Partner

from . import contact
from .charts import bars, column_chart
from .export import csv_response
from .filters import ProjectFilters
from .forms import ContactForm, ProjectForm
from .models import Project, Stage
from .permissions import can_edit, can_see, editable_projects
from .statistics import compute

PAGE_SIZE = 20
MAP_LABEL = gettext_lazy("Map of the housing projects")


def _filtered(request):
    filters = ProjectFilters(request.GET)
    return filters, filters.apply(Project.objects.published())


@require_GET
def project_list(request):
    filters, projects = _filtered(request)
    paginator = Paginator(projects.prefetch_related("publics"), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    data_url = reverse("projects:map_data")
    if filters.querystring:
        data_url += f"?{filters.querystring}"
    context = {
        "filters": filters,
        "page_obj": page,
        "projects": page.object_list,
        "map": MapConfig(data_url, MAP_LABEL, Stage.choices),
        "mine": editable_projects(request.user).order_by("name")[:10]
        if request.user.is_authenticated
        else [],
    }
    return TemplateResponse(request, "projects/project_list.html", context)


@require_GET
def map_data(request):
    _filters, projects = _filtered(request)
    return map_response(
        projects,
        category_field="stage",
        categories=Stage.choices,
        detail_viewname="projects:detail",
    )


@require_GET
def export(request):
    _filters, projects = _filtered(request)
    return csv_response(projects, f"projets-{timezone.localdate():%Y-%m-%d}.csv")


@require_GET
def statistics(request):
    filters, projects = _filtered(request)
    stats = compute(projects)
    context = {
        "filters": filters,
        "stats": stats,
        "stage_rows": list(
            zip(stats.by_stage, bars(stats.by_stage, lambda row: row.projects), strict=True)
        ),
        "region_rows": list(
            zip(stats.by_region, bars(stats.by_region, lambda row: row.projects), strict=True)
        ),
        "year_chart": column_chart(stats.per_year, lambda row: row.year, lambda row: row.started),
    }
    return TemplateResponse(request, "projects/statistics.html", context)


def _project_for(request, pk):
    project = get_object_or_404(
        Project.objects.select_related("working_group").prefetch_related(
            "publics", "ecological_features"
        ),
        pk=pk,
    )
    if not can_see(request.user, project):
        raise Http404
    return project


@require_GET
def project_detail(request, pk):
    project = _project_for(request, pk)
    context = {
        "project": project,
        "can_edit": can_edit(request.user, project),
        "can_be_contacted": contact.can_be_contacted(project),
        "partners": Partner.objects.vetted().filter(projects=project).order_by("name"),
    }
    return TemplateResponse(request, "projects/project_detail.html", context)


def project_edit(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    project = _project_for(request, pk)
    if not can_edit(request.user, project):
        raise Http404  # a record one may not edit is not advertised as editable
    form = ProjectForm(request.POST or None, instance=project)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, _("The project's record has been updated."))
        return redirect(project.get_absolute_url())
    return TemplateResponse(
        request, "projects/project_form.html", {"project": project, "form": form}
    )


def project_contact(request, pk):
    project = _project_for(request, pk)
    if not project.published or not contact.can_be_contacted(project):
        raise Http404
    form = ContactForm(request.POST or None, user=request.user)
    context = {"project": project, "form": form}
    if request.method == "POST" and form.is_valid():
        thanks = _("Thank you: your message has been sent to the project.")
        if form.cleaned_data.get("website"):  # the honeypot was filled in: a robot
            messages.success(request, thanks)
            return redirect(project.get_absolute_url())
        if ratelimit.PROJECT_CONTACT.exceeded(request):
            return ratelimit.refusal(request, "projects/contact.html", context)
        client = contact.client_hash(request)
        contact.send_message(
            project,
            client,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            message=form.cleaned_data["message"],
        )
        ratelimit.PROJECT_CONTACT.record(request)
        messages.success(request, thanks)
        return redirect(project.get_absolute_url())
    return TemplateResponse(request, "projects/contact.html", context)
