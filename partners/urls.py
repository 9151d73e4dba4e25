from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("partenaires/", views.partner_list, name="list"),
    path("partenaires/carte.json", views.map_data, name="map_data"),
    path("partenaires/proposer/", views.propose, name="propose"),
    path("partenaires/<int:pk>/", views.partner_detail, name="detail"),
    path("partenaires/<int:pk>/recommander/", views.recommend, name="recommend"),
    path("partenaires/<int:pk>/recommander/retirer/", views.withdraw, name="withdraw"),
]
