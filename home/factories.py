import factory
import wagtail_factories

from .models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Espace contributeurs"
    intro = "<p>L'intranet ouvert du mouvement de l'habitat participatif.</p>"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page de contenu {n}")
    intro = "<p>Une page de présentation.</p>"

    class Meta:
        model = StandardPage
