import factory
import wagtail_factories

from .models import WorkingGroupIndexPage, WorkingGroupPage


class WorkingGroupIndexPageFactory(wagtail_factories.PageFactory):
    title = "Groupes de travail"
    slug = "groupes"
    show_in_menus = True

    class Meta:
        model = WorkingGroupIndexPage


class WorkingGroupPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Groupe de travail {n}")
    intro = "<p>Un groupe de bénévoles qui fait avancer un chantier du mouvement.</p>"

    class Meta:
        model = WorkingGroupPage
