"""Forms of the Rules for assigning cadastral numbers (Order No. 156, the third set of Rules)."""
