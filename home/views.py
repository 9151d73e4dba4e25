from django.contrib.auth import views as auth_views
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Page

from .forms import LoginForm
from .personal import render_userbar
from .tools import tools


class LoginView(auth_views.LoginView):
    """The site's login page. Someone already logged in is sent on, except when a page or a
    document refused their account (`next` is set): sending them back there would loop, so
    the page says their account cannot see it and offers to log in with another one."""

    authentication_form = LoginForm

    def dispatch(self, request, *args, **kwargs):
        self.redirect_authenticated_user = self.redirect_field_name not in request.GET
        return super().dispatch(request, *args, **kwargs)


def tool_list(request):
    return render(request, "home/tools.html", {"tools": tools()})


@never_cache
def health(request):
    """For load balancers and the benchmarks' baseline: the worker answers, no query made."""
    return HttpResponse("ok", content_type="text/plain")


@require_GET
@never_cache
def userbar(request, page_id):
    """The Wagtail userbar of a page, for its editors (static/js/userbar.js asks for it from the
    slot that home/personal.py leaves in the page); 404 for anyone else, as for a missing page."""
    user = request.user
    if not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin"):
        raise Http404
    page = Page.objects.filter(pk=page_id).first()
    if page is None or not page.permissions_for_user(user).can_edit():
        raise Http404
    return HttpResponse(render_userbar(request, page.specific))
