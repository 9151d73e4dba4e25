from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from .forms import LoginForm
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
