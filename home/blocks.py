"""StreamField blocks shared by every page type. Each block has a template, an icon, a
description and a preview value, so editors see what they insert."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        template = "blocks/heading_block.html"
        icon = "title"
        label = _("Heading")
        description = _("A section heading (level 2).")
        preview_value = _("Why participatory housing?")
        form_classname = "title"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        template = "blocks/paragraph_block.html"
        icon = "pilcrow"
        label = _("Paragraph")
        description = _("Formatted text: lists, links, bold, italics.")
        preview_value = _("<p>Residents design their homes together and share common spaces.</p>")


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=20)
    label = blocks.CharBlock(label=_("What it measures"), max_length=120)
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=200)

    class Meta:
        icon = "order"
        label = _("Key figure")


class KeyFiguresBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(KeyFigureBlock(), **kwargs)

    class Meta:
        template = "blocks/key_figures_block.html"
        icon = "table"
        label = _("Key figures")
        description = _("A few highlighted figures, with their source.")
        preview_value = [
            {"value": "600", "label": _("projects listed"), "source": ""},
            {"value": "13 %", "label": _("yearly growth"), "source": ""},
        ]


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("or web address"), required=False)
    button = blocks.CharBlock(label=_("Button label"), max_length=60)

    class Meta:
        template = "blocks/call_to_action_block.html"
        icon = "link"
        label = _("Call to action")
        description = _("A short text and a button to a page or a web address.")
        preview_value = {
            "text": _("Would you like to contribute to the movement?"),
            "url": "https://example.org/",
            "button": _("Offer a contribution"),
        }


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    author = blocks.CharBlock(label=_("Author"), required=False, max_length=120)

    class Meta:
        template = "blocks/quote_block.html"
        icon = "openquote"
        label = _("Quote")
        description = _("A highlighted quote, with its author.")
        preview_value = {
            "quote": _("Our calling is to renew the way cities are made."),
            "author": "",
        }


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    key_figures = KeyFiguresBlock()
    call_to_action = CallToActionBlock()
    quote = QuoteBlock()
