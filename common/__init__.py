"""Plain helpers shared by every app: no models, no Django app, no imports from the apps."""
