"""Test users, shared by the apps' fixtures."""

from django.contrib.auth.models import Group


def make_user(django_user_model, name, *groups, email=None, **extra):
    """A user named `name` (password "pw") in these groups, given as Group objects or names."""
    user = django_user_model.objects.create_user(
        name, email=email or f"{name}@example.org", password="pw", first_name=name.title(), **extra
    )
    for group in groups:
        if isinstance(group, str):
            group = Group.objects.get_or_create(name=group)[0]
        user.groups.add(group)
    return user
