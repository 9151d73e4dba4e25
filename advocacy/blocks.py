"""The sections of an advocacy kit. Each block has a template, an icon, a description, a help
text for editors and a preview value, so editors see what they insert."""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.models import Page

from home.blocks import HeadingBlock, ParagraphBlock
from home.visibility import hidden_collection_ids, visible_pages

SHORT_TEXT_FEATURES = ["bold", "italic", "link", "ul"]


class KeyMessageBlock(blocks.StructBlock):
    message = blocks.TextBlock(
        label=_("Key message"),
        max_length=300,
        help_text=_("One or two sentences the elected official should remember."),
    )
    detail = blocks.RichTextBlock(
        label=_("In a few words"), required=False, features=SHORT_TEXT_FEATURES
    )

    class Meta:
        template = "advocacy/blocks/key_message_block.html"
        icon = "pick"
        label = _("Key message")
        description = _("The one thing to remember, shown first and in large type.")
        help_text = _("Start the kit with it; it is also the summary shared on social networks.")
        preview_value = {
            "message": _("Participatory housing brings residents, towns and landlords together."),
            "detail": "",
        }


class ArgumentBlock(blocks.StructBlock):
    claim = blocks.CharBlock(label=_("Argument"), max_length=200)
    explanation = blocks.RichTextBlock(
        label=_("Explanation"), required=False, features=SHORT_TEXT_FEATURES
    )
    figure = blocks.CharBlock(
        label=_("Figure"), required=False, max_length=20, help_text=_("For example 1 400.")
    )
    figure_label = blocks.CharBlock(label=_("What the figure measures"), required=False)
    source = blocks.CharBlock(
        label=_("Source"),
        required=False,
        max_length=240,
        help_text=_("Every figure needs its source: who counted it, and when."),
    )
    source_url = blocks.URLBlock(label=_("Link to the source"), required=False)

    class Meta:
        icon = "success"
        label = _("Argument")


class ArgumentsBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(ArgumentBlock(), **kwargs)

    class Meta:
        template = "advocacy/blocks/arguments_block.html"
        icon = "list-ul"
        label = _("Arguments with figures")
        description = _("Arguments, each with a figure and its source.")
        help_text = _("Three to five arguments; a figure without a source weakens the kit.")
        preview_value = [
            {
                "claim": _("A fast-growing movement"),
                "explanation": "",
                "figure": "13 %",
                "figure_label": _("yearly growth in the number of projects"),
                "source": _("figures of the movement"),
                "source_url": "",
            }
        ]


class ProjectExampleBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Project"), max_length=120)
    place = blocks.CharBlock(label=_("Town"), max_length=120)
    homes = blocks.IntegerBlock(label=_("Homes"), required=False, min_value=1)
    year = blocks.IntegerBlock(
        label=_("Year completed"), required=False, min_value=1900, max_value=2100
    )
    description = blocks.TextBlock(label=_("What the town did, and what it gained"), max_length=600)
    page = blocks.PageChooserBlock(label=_("Page about the project"), required=False)

    class Meta:
        icon = "home"
        label = _("Completed project")


class ProjectExamplesBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(ProjectExampleBlock(), **kwargs)

    class Meta:
        template = "advocacy/blocks/project_examples_block.html"
        icon = "home"
        label = _("Examples of completed projects")
        description = _("Completed projects that the reader can visit or call.")
        help_text = _("Prefer projects of a similar size of town to the reader's.")
        preview_value = [
            {
                "name": _("A cooperative with a social landlord"),
                "place": "Villeurbanne",
                "homes": 14,
                "year": 2013,
                "description": _("The town sold the land at a moderate price."),
            }
        ]


class LegalLeverBlock(blocks.StructBlock):
    lever = blocks.CharBlock(label=_("Lever"), max_length=160)
    explanation = blocks.TextBlock(label=_("How the authority can use it"), max_length=800)
    legal_reference = blocks.CharBlock(
        label=_("Legal reference"),
        required=False,
        max_length=160,
        help_text=_("For example: Construction and Housing Code, art. L200-1."),
    )
    legal_url = blocks.URLBlock(label=_("Link to the official text"), required=False)
    links = blocks.ListBlock(
        blocks.PageChooserBlock(
            page_type=["resources.QuestionPage", "resources.ResourcePage"],
            label=_("Observatory question or resource"),
        ),
        label=_("Go further"),
        default=[],
        help_text=_("Answers of the legal observatory and resources that explain the lever."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Legal lever")


class LegalLeversBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(LegalLeverBlock(), **kwargs)

    def get_context(self, value, parent_context=None):
        """Links to pages the reader may not open are left out (the PDF is for anyone)."""
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        user = getattr(request, "user", None) or AnonymousUser()
        ids = {page.pk for lever in value for page in lever["links"] if page is not None}
        visible = set(
            visible_pages(Page.objects.live().filter(pk__in=ids), user).values_list("pk", flat=True)
        )
        context["levers"] = [
            (lever, [page for page in lever["links"] if page is not None and page.pk in visible])
            for lever in value
        ]
        return context

    class Meta:
        template = "advocacy/blocks/legal_levers_block.html"
        icon = "doc-full-inverse"
        label = _("Legal levers")
        description = _("What the law already allows, with links to the observatory.")
        help_text = _("Link each lever to the observatory's answer that explains it.")
        preview_value = [
            {
                "lever": _("Reserve land in the local plan"),
                "explanation": _("The local plan can earmark plots for participatory housing."),
                "legal_reference": "",
                "legal_url": "",
                "links": [],
            }
        ]


class ObjectionBlock(blocks.StructBlock):
    objection = blocks.CharBlock(label=_("Objection heard"), max_length=240)
    answer = blocks.RichTextBlock(label=_("Our answer"), features=SHORT_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Objection and answer")


class ObjectionsBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(ObjectionBlock(), **kwargs)

    class Meta:
        template = "advocacy/blocks/objections_block.html"
        icon = "help"
        label = _("Objections and answers")
        description = _("What elected officials often object, and what we answer.")
        help_text = _("Write the objection as it is really said; answer with facts.")
        preview_value = [
            {
                "objection": _("It is housing for a privileged few."),
                "answer": _("<p>Many projects are built with social landlords.</p>"),
            }
        ]


class AsksBlock(blocks.StructBlock):
    intro = blocks.CharBlock(label=_("Introduction"), required=False, max_length=200)
    asks = blocks.ListBlock(blocks.CharBlock(label=_("Request"), max_length=300), label=_("Asks"))

    class Meta:
        template = "advocacy/blocks/asks_block.html"
        icon = "tick-inverse"
        label = _("What we ask for")
        description = _("Concrete, numbered requests to the authority.")
        help_text = _("Three to five requests the official can say yes to.")
        preview_value = {
            "intro": "",
            "asks": [_("Name an elected official in charge of participatory housing.")],
        }


class ContactBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    role = blocks.CharBlock(label=_("Role"), required=False, max_length=160)
    organisation = blocks.CharBlock(label=_("Organisation"), required=False, max_length=160)
    email = blocks.EmailBlock(label=_("Email"), required=False)
    phone = blocks.CharBlock(label=_("Phone"), required=False, max_length=40)

    class Meta:
        icon = "user"
        label = _("Contact")


class ContactsBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(ContactBlock(), **kwargs)

    class Meta:
        template = "advocacy/blocks/contacts_block.html"
        icon = "group"
        label = _("Contacts")
        description = _("Who the official can call: the movement and local groups.")
        help_text = _("Use shared addresses rather than personal ones where you can.")
        preview_value = [
            {
                "name": _("Advocacy group"),
                "role": "",
                "organisation": "",
                "email": "plaidoyer@example.org",
                "phone": "",
            }
        ]


class KitBlock(blocks.StreamBlock):
    key_message = KeyMessageBlock()
    arguments = ArgumentsBlock()
    project_examples = ProjectExamplesBlock()
    legal_levers = LegalLeversBlock()
    objections = ObjectionsBlock()
    asks = AsksBlock()
    contacts = ContactsBlock()
    heading = HeadingBlock()
    paragraph = ParagraphBlock()


# Communication kits


class Licence(blocks.ChoiceBlock):
    choices = [
        ("cc-by", _("Creative Commons BY: reuse with credit")),
        ("cc-by-sa", _("Creative Commons BY-SA: reuse with credit, share alike")),
        ("cc0", _("Public domain (CC0)")),
        ("movement", _("Reserved for the movement's members and partners")),
        ("logo", _("Logo: do not alter, follow the graphic charter")),
    ]


ASSET_KINDS = [
    ("poster", _("Poster")),
    ("template", _("Template")),
    ("logo", _("Logo")),
    ("text", _("Ready-made text")),
    ("social", _("Social network visual")),
    ("other", _("Other")),
]


class AssetValue(blocks.StructValue):
    def kind_label(self):
        return dict(ASSET_KINDS).get(self["kind"], self["kind"])

    def licence_label(self):
        return dict(Licence.choices).get(self["licence"], self["licence"])


class AssetBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("File"))
    kind = blocks.ChoiceBlock(label=_("Kind"), choices=ASSET_KINDS)
    licence = Licence(label=_("Licence"), default="cc-by")
    note = blocks.CharBlock(
        label=_("How to use it"),
        required=False,
        max_length=240,
        help_text=_("For example: print in A3, fill in the date and place."),
    )

    class Meta:
        icon = "download"
        label = _("Asset")
        value_class = AssetValue


class CampaignBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Campaign"), max_length=160)
    period = blocks.CharBlock(
        label=_("When"), required=False, max_length=120, help_text=_("For example: every May.")
    )
    description = blocks.RichTextBlock(
        label=_("What it is for"), required=False, features=SHORT_TEXT_FEATURES
    )
    assets = blocks.ListBlock(AssetBlock(), label=_("Assets"))

    def get_context(self, value, parent_context=None):
        """Files of collections the reader may not open are left out."""
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        user = getattr(request, "user", None) or AnonymousUser()
        hidden = set(hidden_collection_ids(user))
        context["assets"] = [
            asset
            for asset in value["assets"]
            if asset["document"] is not None and asset["document"].collection_id not in hidden
        ]
        return context

    class Meta:
        template = "advocacy/blocks/campaign_block.html"
        icon = "folder-open-inverse"
        label = _("Campaign")
        description = _("A campaign and its downloadable files, with licence and format.")
        help_text = _("Group the posters, templates, logos and texts of one campaign.")
        preview_value = {
            "title": _("Open days"),
            "period": _("Every year in May"),
            "description": "",
            "assets": [],
        }


class CommunicationKitBlock(blocks.StreamBlock):
    campaign = CampaignBlock()
    paragraph = ParagraphBlock()
