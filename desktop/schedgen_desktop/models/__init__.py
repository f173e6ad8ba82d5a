"""Qt item models over the controller's entries."""
