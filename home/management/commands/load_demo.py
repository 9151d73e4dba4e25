from django.core.management.base import BaseCommand

from home.demo import load_demo


class Command(BaseCommand):
    help = "Charge le contenu de démonstration en français (sans effet s'il est déjà là)."

    def handle(self, *args, **options):
        report = load_demo()
        if not report.created:
            self.stdout.write("Contenu de démonstration déjà présent : rien à ajouter.")
            return
        for label in report.created:
            self.stdout.write(f"  + {label}")
        self.stdout.write(
            self.style.SUCCESS(f"Contenu de démonstration chargé ({len(report.created)} ajouts).")
        )
