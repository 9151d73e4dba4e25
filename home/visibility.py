"""Who may see which page, as a queryset filter.

Wagtail checks a page's view restrictions when the page itself is served; listings, feeds and
search must apply the same rule inside their query, or a private page's title leaks. The rule
here mirrors `BaseViewRestriction.accept_request`: a login restriction admits any logged-in
user, a groups restriction admits superusers and members of one of its groups, and shared
passwords (disabled in our settings) admit nobody.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction


def _accepts(restriction, user, user_group_ids):
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return user.is_authenticated
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        if user.is_superuser:
            return True
        return any(group.pk in user_group_ids for group in restriction.groups.all())
    return False


def hidden_paths(user):
    """Tree paths of the restricted subtrees this user may not see (two or three queries,
    whatever the number of pages)."""
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    user_group_ids = set()
    if user.is_authenticated:
        user_group_ids = set(user.groups.values_list("pk", flat=True))
    return [r.page.path for r in restrictions if not _accepts(r, user, user_group_ids)]


def visible_pages(queryset, user):
    """Restrict a page queryset to the pages `user` may read."""
    paths = hidden_paths(user)
    if not paths:
        return queryset
    hidden = Q()
    for path in paths:
        hidden |= Q(path__startswith=path)
    return queryset.exclude(hidden)


def hidden_collection_ids(user):
    """Ids of the document collections this user may not see: a restricted collection and
    every collection below it (restrictions are inherited down the collection tree)."""
    from wagtail.models import Collection, CollectionViewRestriction

    user_group_ids = set()
    if user.is_authenticated:
        user_group_ids = set(user.groups.values_list("pk", flat=True))
    restrictions = CollectionViewRestriction.objects.select_related("collection").prefetch_related(
        "groups"
    )
    paths = [r.collection.path for r in restrictions if not _accepts(r, user, user_group_ids)]
    if not paths:
        return []
    below = Q()
    for path in paths:
        below |= Q(path__startswith=path)
    return list(Collection.objects.filter(below).values_list("pk", flat=True))


def visible_documents(queryset, user):
    """Restrict a document queryset to the documents `user` may download."""
    hidden = hidden_collection_ids(user)
    return queryset.exclude(collection_id__in=hidden) if hidden else queryset
