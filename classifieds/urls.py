from django.urls import path

from . import views

app_name = "classifieds"

urlpatterns = [
    path("annonces/", views.ad_list, name="list"),
    path("annonces/publier/", views.ad_create, name="create"),
    path("annonces/mes-annonces/", views.my_ads, name="mine"),
    path("annonces/renouvellement/<str:token>/", views.renew_by_link, name="renew_by_link"),
    path("annonces/<int:pk>/", views.ad_detail, name="detail"),
    path("annonces/<int:pk>/contacter/", views.ad_contact, name="contact"),
    path("annonces/<int:pk>/signaler/", views.ad_report, name="report"),
    path("annonces/<int:pk>/modifier/", views.ad_edit, name="edit"),
    path("annonces/<int:pk>/renouveler/", views.ad_renew, name="renew"),
    path("annonces/<int:pk>/retirer/", views.ad_withdraw, name="withdraw"),
]
