from typing import Any

from django.core.management.base import BaseCommand

from prepcoach.practice.recordings import write_missing_durations


class Command(BaseCommand):
    help = (
        "Write the duration into recordings saved before prepcoach did so (their players show "
        "0:00). The sound is copied, never re-encoded; a file that cannot be read is left alone."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        done, left = write_missing_durations()
        states = "state their" if done != 1 else "states its"
        left_as = "were left as they are" if left != 1 else "was left as it is"
        self.stdout.write(
            f"{done} recording{'s' * (done != 1)} now {states} duration; "
            f"{left} could not be read and {left_as}."
        )
