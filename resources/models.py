from django.utils.translation import gettext_lazy as _

from home.models import SectionPage


class ResourceIndexPage(SectionPage):
    template = "pages/section_page.html"
    parent_page_types = ["home.HomePage"]

    class Meta:
        verbose_name = _("resource centre")
        verbose_name_plural = _("resource centres")
