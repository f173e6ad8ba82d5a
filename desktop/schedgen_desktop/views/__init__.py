"""Widgets: the main window, the week grid, dialogs."""
