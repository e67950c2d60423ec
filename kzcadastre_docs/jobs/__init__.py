"""Work over many documents or files: batches, case files and bundles, the inventory register, drawings."""
