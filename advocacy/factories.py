import wagtail_factories

from .models import AdvocacyIndexPage


class AdvocacyIndexPageFactory(wagtail_factories.PageFactory):
    title = "Plaidoyer"
    slug = "plaidoyer"
    show_in_menus = True

    class Meta:
        model = AdvocacyIndexPage
