"""The codes the Rules' arithmetic takes on the command line: services and kinds of object.

Kept here, free of the models, so that `deadline --help` and `fee --help` list them without
loading the library (benchmarks/startup.py); tests/test_cli_startup.py keeps them equal to
law.rules.SERVICES and models.parts.ObjectType.

>>> SERVICES[0], OBJECT_TYPES[-1]
('entry', 'other')
"""

SERVICES: tuple[str, ...] = ("entry", "passport", "duplicate", "correction")
OBJECT_TYPES: tuple[str, ...] = ("apartment", "dormitory_room", "individual_house", "individual_garage", "dacha",
                                 "other")
