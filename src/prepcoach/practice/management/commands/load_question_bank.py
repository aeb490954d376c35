from typing import Any

from django.core.management.base import BaseCommand

from prepcoach.practice.bank import load_bank
from prepcoach.practice.models import Question


class Command(BaseCommand):
    help = "Load (or refresh) the starter question bank that ships with prepcoach."

    def handle(self, *args: Any, **options: Any) -> None:
        count = load_bank(Question)
        self.stdout.write(f"The starter bank holds {count} questions.")
