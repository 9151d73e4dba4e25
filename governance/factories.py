import wagtail_factories

from .models import GovernanceIndexPage


class GovernanceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Gouvernance"
    slug = "gouvernance"
    show_in_menus = True

    class Meta:
        model = GovernanceIndexPage
