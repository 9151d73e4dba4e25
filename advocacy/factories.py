import factory
import wagtail_factories

from .models import AdvocacyIndexPage, AdvocacyKitPage, Audience, CommunicationKitPage


class AdvocacyIndexPageFactory(wagtail_factories.PageFactory):
    title = "Plaidoyer"
    slug = "plaidoyer"
    show_in_menus = True

    class Meta:
        model = AdvocacyIndexPage


def kit_body(message="L'habitat participatif, une chance pour votre commune."):
    """A small but complete kit body: key message, one argument, one ask."""
    return [
        ("key_message", {"message": message, "detail": ""}),
        (
            "arguments",
            [
                {
                    "claim": "Un mouvement en croissance",
                    "explanation": "",
                    "figure": "13 %",
                    "figure_label": "de croissance annuelle",
                    "source": "chiffres du mouvement",
                    "source_url": "",
                }
            ],
        ),
        ("asks", {"intro": "", "asks": ["Réserver un terrain dans le PLU."]}),
    ]


class AdvocacyKitPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kit de plaidoyer {n}")
    audience = Audience.MAYOR
    summary = "Pourquoi et comment soutenir l'habitat participatif dans votre commune."
    body = factory.LazyFunction(kit_body)

    class Meta:
        model = AdvocacyKitPage


class CommunicationKitPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kit de communication {n}")
    intro = "<p>Affiches, modèles et logos.</p>"

    class Meta:
        model = CommunicationKitPage
