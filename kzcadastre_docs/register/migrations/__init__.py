"""Alembic migrations of the register, run by `kzcadastre_docs.register.database.migrate` when a
register is opened (the package ships them; no alembic.ini is needed)."""
