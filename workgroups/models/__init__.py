from .contributions import Contribution
from .membership import Invitation, JoinRequest, MembershipAction, MembershipEvent
from .notifications import Follow, Notification
from .pages import (
    GroupMeetingPage,
    GroupNewsPage,
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
    "GroupMeetingPage",
    "MembershipAction",
    "MembershipEvent",
    "Notification",
    "Visibility",
    "WorkingDocumentPage",
    "WorkingGroupIndexPage",
    "WorkingGroupPage",
]
