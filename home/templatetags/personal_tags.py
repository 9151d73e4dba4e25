from django import template
from wagtail.models import Page

from home import personal as holes

register = template.Library()


@register.simple_tag(takes_context=True, name="personal")
def personal_fragment(context, name):
    """A part of the page that belongs to its reader alone (home/personal.py)."""
    page = context.get("page")
    served = holes.ServedPage.of(page if isinstance(page, Page) else None)
    return holes.render(name, context["request"], served)
