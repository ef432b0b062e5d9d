"""One module per language; each defines LANGUAGES (syntax/language.py)."""
