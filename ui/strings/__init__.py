"""String tables of the larger features, each in English and Korean, merged into ui.i18n.STRINGS."""
