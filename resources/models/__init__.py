from .documents import ExtractionStatus, ResourceDocument, TextLayer
from .observatory import (
    QuestionIndexPage,
    QuestionPage,
    QuestionStatus,
    QuestionSubmission,
    SubmissionStatus,
)
from .pages import ResourceIndexPage, ResourcePage, ResourcePageDocument, ResourcePageTag
from .taxonomies import Audience, Region, ResourceType, Theme

__all__ = [
    "Audience",
    "QuestionIndexPage",
    "QuestionPage",
    "QuestionStatus",
    "QuestionSubmission",
    "SubmissionStatus",
    "ExtractionStatus",
    "Region",
    "ResourceDocument",
    "ResourceIndexPage",
    "ResourcePage",
    "ResourcePageDocument",
    "ResourcePageTag",
    "ResourceType",
    "TextLayer",
    "Theme",
]
