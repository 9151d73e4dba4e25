"""The movement's shared tools (agenda, classified ads, directories...): each app registers
itself here, and the "Outils" page and the main menu list what is registered."""

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class Tool:
    key: str
    label: object  # gettext_lazy
    description: object  # gettext_lazy, one sentence
    url_name: str  # a named URL without arguments
    order: int = 100

    @property
    def url(self):
        return reverse(self.url_name)


_TOOLS = {}


def register_tool(tool):
    _TOOLS[tool.key] = tool  # by key: an app's ready() may run twice in tests


def tools():
    return sorted(_TOOLS.values(), key=lambda tool: (tool.order, str(tool.label)))
