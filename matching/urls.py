from django.urls import path

from . import views

app_name = "matching"

urlpatterns = [
    path("mise-en-relation/", views.home, name="home"),
    path(
        "mise-en-relation/profil/nouveau/<slug:kind_slug>/",
        views.create_profile,
        name="create",
    ),
    path("mise-en-relation/profil/<int:profile_id>/", views.edit_profile, name="edit"),
    path("mise-en-relation/profil/<int:profile_id>/pause/", views.toggle_pause, name="pause"),
    path(
        "mise-en-relation/profil/<int:profile_id>/supprimer/",
        views.delete_profile,
        name="delete",
    ),
    path(
        "mise-en-relation/profil/<int:profile_id>/suggestions/",
        views.suggestions,
        name="suggestions",
    ),
    path(
        "mise-en-relation/profil/<int:profile_id>/contacter/<int:target_id>/",
        views.contact,
        name="contact",
    ),
    path("mise-en-relation/demandes/<int:request_id>/", views.request_detail, name="request"),
    path(
        "mise-en-relation/demandes/<int:request_id>/accepter/",
        views.accept_request,
        name="accept",
    ),
    path(
        "mise-en-relation/demandes/<int:request_id>/refuser/",
        views.decline_request,
        name="decline",
    ),
]
