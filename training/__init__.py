"""Training of the product's models (imports the product; the product never imports it)."""
