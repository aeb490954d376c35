from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "prepcoach.network"
    label = "network"
    verbose_name = "Plan: the people you meet and the events you attend"
