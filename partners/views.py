from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from home import ratelimit
from home.maps import MapConfig, map_response

from . import proposals
from .forms import PartnerProposalForm, RecommendationForm
from .listing import PartnerFilters
from .models import PartnerKind
from .permissions import can_propose, can_recommend, is_partners_editor, visible_partners

PAGE_SIZE = 20
MAP_LABEL = gettext_lazy("Map of the partners")


@require_GET
def partner_list(request):
    filters = PartnerFilters(request)
    paginator = Paginator(filters.listing(), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    data_url = reverse("partners:map_data")
    if filters.querystring:
        data_url += f"?{filters.querystring}"
    context = {
        "filters": filters,
        "page_obj": page,
        "partners": page.object_list,
        "map": MapConfig(data_url, MAP_LABEL, PartnerKind.choices),
        "can_propose": can_propose(request.user),
    }
    return TemplateResponse(request, "partners/partner_list.html", context)


@require_GET
def map_data(request):
    return map_response(
        PartnerFilters(request).queryset(),
        category_field="kind",
        categories=PartnerKind.choices,
        detail_viewname="partners:detail",
    )


def _partner_for(request, pk):
    """A partner this reader may see; unvetted ones do not exist for anyone but editors."""
    return get_object_or_404(visible_partners(request.user).prefetch_related("regions"), pk=pk)


def _detail(request, partner, form=None, status=200):
    recommendations = partner.recommendations.select_related("member")
    mine = next((r for r in recommendations if r.member_id == request.user.pk), None)
    if form is None and can_recommend(request.user):
        form = RecommendationForm(instance=mine)
    context = {
        "partner": partner,
        "recommendations": recommendations,
        "my_recommendation": mine,
        "form": form,
        "is_editor": is_partners_editor(request.user),
        "projects": partner.projects.published().order_by("name")[:20],
    }
    return TemplateResponse(request, "partners/partner_detail.html", context, status=status)


@require_GET
def partner_detail(request, pk):
    return _detail(request, _partner_for(request, pk))


@require_POST
def recommend(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("partners:detail", args=[pk]))
    partner = _partner_for(request, pk)
    if not can_recommend(request.user):
        raise PermissionDenied
    form = RecommendationForm(request.POST)
    if not form.is_valid():
        return _detail(request, partner, form=form, status=400)
    _recommendation, created = proposals.recommend(
        partner, request.user, form.cleaned_data["comment"]
    )
    messages.success(
        request,
        _("Thank you for your recommendation.")
        if created
        else _("Your recommendation has been updated."),
    )
    return redirect(partner.get_absolute_url())


@require_POST
def withdraw(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("partners:detail", args=[pk]))
    partner = _partner_for(request, pk)
    if proposals.withdraw(partner, request.user):
        messages.success(request, _("Your recommendation has been withdrawn."))
    return redirect(partner.get_absolute_url())


def propose(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_propose(request.user):
        raise PermissionDenied
    form = PartnerProposalForm(request.POST or None)
    if request.method == "POST" and ratelimit.PARTNER_PROPOSAL.exceeded(request):
        return ratelimit.refusal(request, "partners/propose.html", {"form": form})
    if request.method == "POST" and form.is_valid():
        proposals.propose(form, request.user)
        ratelimit.PARTNER_PROPOSAL.record(request)
        messages.success(
            request,
            _(
                "Thank you: the partner has been proposed. An editor will check it before it "
                "appears in the directory."
            ),
        )
        return redirect("partners:list")
    return TemplateResponse(request, "partners/propose.html", {"form": form})
