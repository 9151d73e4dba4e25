"""Blocks of a working document: the shared body blocks plus tables, files, images and
embeds, each with a template, a description and a preview value."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from home.blocks import BodyBlock


class TableBlock(TypedTableBlock):
    def __init__(self, **kwargs):
        super().__init__(
            [
                ("text", blocks.CharBlock(label=_("Text"))),
                ("number", blocks.DecimalBlock(label=_("Number"))),
                (
                    "rich_text",
                    blocks.RichTextBlock(
                        label=_("Formatted text"), features=["bold", "italic", "link"]
                    ),
                ),
            ],
            **kwargs,
        )

    class Meta:
        template = "blocks/table_block.html"
        icon = "table"
        label = _("Table")
        description = _("A table with a caption: budgets, schedules, comparisons.")


class FileBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=200)

    class Meta:
        template = "blocks/file_block.html"
        icon = "doc-full"
        label = _("File")
        description = _("A link to download a document of the library.")


class FigureBlock(ImageBlock):
    class Meta:
        template = "blocks/image_block.html"
        icon = "image"
        label = _("Image")
        description = _("An image with its alternative text.")


class VideoBlock(EmbedBlock):
    class Meta:
        template = "blocks/embed_block.html"
        icon = "media"
        label = _("Embedded media")
        description = _("A video or other media from its web address (PeerTube, YouTube...).")


class WorkingDocumentBlock(BodyBlock):
    table = TableBlock()
    file = FileBlock()
    image = FigureBlock()
    embed = VideoBlock()
