"""Dialogs; every question the editor asks the user goes through ``Prompts``."""
