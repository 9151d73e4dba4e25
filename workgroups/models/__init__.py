from .contributions import Contribution
from .membership import Invitation, JoinRequest, MembershipAction, MembershipEvent
from .notifications import Follow, Notification
from .pages import (
    GroupNewsPage,
    MeetingPage,
    Visibility,
    WorkingDocumentPage,
    WorkingGroupIndexPage,
    WorkingGroupPage,
)

__all__ = [
    "Contribution",
    "Follow",
    "GroupNewsPage",
    "Invitation",
    "JoinRequest",
    "MeetingPage",
    "MembershipAction",
    "MembershipEvent",
    "Notification",
    "Visibility",
    "WorkingDocumentPage",
    "WorkingGroupIndexPage",
    "WorkingGroupPage",
]
