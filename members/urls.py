from django.urls import path

from . import account_views, views

app_name = "members"

urlpatterns = [
    path("adherer/", views.join_home, name="join"),
    path("adherer/<slug:kind_slug>/", views.join, name="join_kind"),
    path("membres/", views.member_directory, name="directory"),
    path("membres/<int:pk>/", views.profile_detail, name="profile"),
    path("compte/", views.account, name="account"),
    path("compte/profil/", views.profile_edit, name="profile_edit"),
    path("compte/adhesion/<int:pk>/paiement/", views.pay, name="pay"),
    path("compte/adhesion/<int:pk>/renouveler/", views.renew, name="renew"),
    path("compte/mes-donnees/", views.data_export, name="data_export"),
    path("compte/supprimer/", views.delete_account, name="delete_account"),
    path("compte/inscription/", account_views.signup, name="signup"),
    path("compte/inscription/envoyee/", account_views.signup_sent, name="signup_sent"),
    path("compte/confirmation/<str:token>/", account_views.verify, name="verify"),
    path("compte/adresse/", account_views.email_change, name="email_change"),
    path("compte/adresse/<str:token>/", account_views.confirm_email, name="confirm_email"),
    path("compte/mot-de-passe/", account_views.password_reset, name="password_reset"),
    path(
        "compte/mot-de-passe/envoye/",
        account_views.password_reset_done,
        name="password_reset_done",
    ),
    path(
        "compte/mot-de-passe/<uidb64>/<token>/",
        account_views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path(
        "compte/mot-de-passe/termine/",
        account_views.password_reset_complete,
        name="password_reset_complete",
    ),
]
