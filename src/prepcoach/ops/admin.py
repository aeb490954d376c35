from django.contrib import admin

from prepcoach.ops.models import WorkerHeartbeat


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("worker_id", "hostname", "pid", "started_at", "last_seen")
