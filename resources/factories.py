import wagtail_factories

from .models import ResourceIndexPage


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Centre de ressources"
    slug = "ressources"
    show_in_menus = True

    class Meta:
        model = ResourceIndexPage
