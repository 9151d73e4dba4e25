from django.shortcuts import render

from .tools import tools


def tool_list(request):
    return render(request, "home/tools.html", {"tools": tools()})
